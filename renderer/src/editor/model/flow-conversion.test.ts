import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../../../../shared/flow/testing/sample-flow';
import { documentKey, fromFlowDocument, toFlowDocument } from './flow-conversion';

describe('flow ↔ canvas conversion', () => {
  it('round-trips a flow document unchanged', () => {
    const flow = sampleFlow({ description: 'POS orders to invoices' });
    const { meta, nodes, edges } = fromFlowDocument(flow);
    expect(nodes.map((node) => node.id)).toEqual(['start', 'orders', 'map', 'invoices']);
    expect(edges[1]).toMatchObject({
      source: 'orders',
      sourceHandle: 'out',
      target: 'map',
      targetHandle: 'in',
    });
    expect(toFlowDocument(meta, nodes, edges)).toEqual(flow);
  });

  it('keeps labels and drops canvas-only state', () => {
    const flow = sampleFlow();
    const first = flow.nodes[0];
    if (!first) throw new Error('sample flow has nodes');
    first.label = 'Start here';
    const { meta, nodes, edges } = fromFlowDocument(flow);
    const moved = nodes.map((node) => ({
      ...node,
      selected: true,
      measured: { width: 200, height: 80 },
      position: { x: node.position.x + 10.4, y: node.position.y },
    }));
    const back = toFlowDocument(meta, moved, edges);
    expect(back.nodes[0]).toEqual({ ...first, position: { x: 10, y: 0 } });
    expect(Object.keys(back.nodes[1] ?? {})).not.toContain('selected');
  });

  it('gives the same key to states that save the same document', () => {
    const { meta, nodes, edges } = fromFlowDocument(sampleFlow());
    const selected = nodes.map((node) => ({ ...node, selected: true }));
    expect(documentKey(meta, selected, edges)).toBe(documentKey(meta, nodes, edges));
    expect(documentKey({ ...meta, revision: 9 }, nodes, edges)).toBe(documentKey(meta, nodes, edges));
    expect(documentKey({ ...meta, name: 'Other' }, nodes, edges)).not.toBe(documentKey(meta, nodes, edges));
  });
});
