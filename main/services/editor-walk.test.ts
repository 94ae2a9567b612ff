import { describe, expect, it } from 'vitest';
import { FlowDocument } from '../../shared/flow/flow-document';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
import { nodeCatalog } from '../../shared/nodes/all-nodes';
import { walkTo } from './editor-walk';

const categoryOf = (node: { kind: string; version: number }) =>
  nodeCatalog.get(node.kind, node.version)?.category;

describe('walking to a node', () => {
  it('finds the source, its trigger and the transforms in between', () => {
    const path = walkTo(sampleFlow(), 'invoices', categoryOf);
    expect(path?.start.id).toBe('orders');
    expect(path?.trigger?.id).toBe('start');
    expect(path?.steps.map((step) => [step.node.id, step.port])).toEqual([['map', 'out']]);
    expect(walkTo(sampleFlow(), 'map', categoryOf)?.steps).toEqual([]);
  });

  it('starts at a trigger when no source comes before, and follows branch ports', () => {
    const flow = FlowDocument.parse({
      schemaVersion: 2,
      id: 'f',
      name: 'F',
      nodes: [
        { id: 't', kind: 'core.trigger.manual', version: 1 },
        { id: 'b', kind: 'core.transform.branch', version: 1 },
        { id: 'm', kind: 'core.transform.map', version: 1 },
      ],
      edges: [
        { id: 'e1', source: 't', target: 'b' },
        { id: 'e2', source: 'b', sourcePort: 'false', target: 'm' },
      ],
    });
    const path = walkTo(flow, 'm', categoryOf);
    expect(path?.start.id).toBe('t');
    expect(path?.trigger).toBeNull();
    expect(path?.steps.map((step) => step.port)).toEqual(['false']);
  });

  it('gives null for unconnected nodes, triggers, loops and unknown ids', () => {
    const flow = sampleFlow({ edges: [] });
    expect(walkTo(flow, 'map', categoryOf)).toBeNull();
    expect(walkTo(sampleFlow(), 'start', categoryOf)).toBeNull();
    expect(walkTo(sampleFlow(), 'nope', categoryOf)).toBeNull();
    const loop = sampleFlow({
      edges: [
        { id: 'a', source: 'map', target: 'invoices' },
        { id: 'b', source: 'invoices', target: 'map' },
      ],
    });
    expect(walkTo(loop, 'map', categoryOf)).toBeNull();
  });
});
