import { describe, expect, it } from 'vitest';
import { pipelineOrder } from './pipeline-order';

const node = (id: string) => ({
  id,
  kind: 'core.transform.map',
  version: 1,
  position: { x: 0, y: 0 },
  config: {},
});
const edge = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  sourcePort: 'out',
  target,
  targetPort: 'in',
});

describe('pipelineOrder', () => {
  it('follows the edges, not the order the nodes were added in', () => {
    // "code" was added last, between source and target.
    const flow = {
      nodes: ['start', 'source', 'target', 'code'].map(node),
      edges: [edge('start', 'source'), edge('source', 'code'), edge('code', 'target')],
    };
    expect(pipelineOrder(flow, ['source', 'target', 'code'])).toEqual(['start', 'source', 'code', 'target']);
  });

  it('keeps nodes of a cycle and nodes the flow no longer has, after the rest', () => {
    const flow = {
      nodes: ['start', 'a', 'b'].map(node),
      edges: [edge('start', 'a'), edge('a', 'b'), edge('b', 'a')],
    };
    expect(pipelineOrder(flow, ['a', 'gone'])).toEqual(['start', 'a', 'b', 'gone']);
    expect(pipelineOrder(null, ['x', 'y'])).toEqual(['x', 'y']);
  });
});
