import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../../../../shared/flow/testing/sample-flow';
import { flowDifferences } from './flow-differences';

describe('flowDifferences', () => {
  it('finds none between a version and itself, whatever order the keys were built in', () => {
    const mine = sampleFlow({ schedule: { kind: 'interval', everyMinutes: 15 } });
    const theirs = structuredClone(mine);
    // The same config with its keys the other way round, and the nodes in another order.
    const map = theirs.nodes.find((node) => node.id === 'map');
    if (!map) throw new Error('sample flow has a map node');
    map.config = Object.fromEntries(Object.entries(map.config).reverse());
    theirs.nodes.reverse();
    expect(flowDifferences(mine, { ...theirs, revision: 7, updatedAt: '2026-12-04T23:10:00.000Z' })).toEqual(
      [],
    );
  });

  it('names each part that differs, in the order the dialog lists them', () => {
    const mine = sampleFlow();
    const theirs = sampleFlow({
      name: 'Orders, renamed',
      description: 'Changed there',
      enabled: true,
      schedule: { kind: 'interval', everyMinutes: 60 },
      settings: { concurrency: 8 },
      edges: sampleFlow().edges.slice(0, 2),
    });
    theirs.nodes = theirs.nodes.map((node) => (node.id === 'map' ? { ...node, label: 'Their map' } : node));
    expect(flowDifferences(mine, theirs)).toEqual([
      { part: 'name', theirs: 'Orders, renamed', mine: 'Orders' },
      { part: 'description' },
      { part: 'enabled', theirs: true },
      { part: 'schedule' },
      { part: 'settings' },
      { part: 'nodes' },
      { part: 'edges' },
    ]);
  });

  it('counts nodes that only moved as layout, and a moved and changed node as nodes', () => {
    const mine = sampleFlow();
    const moved = sampleFlow();
    moved.nodes = moved.nodes.map((node) =>
      node.id === 'orders' ? { ...node, position: { x: node.position.x + 80, y: 40 } } : node,
    );
    expect(flowDifferences(mine, moved)).toEqual([{ part: 'layout' }]);
    moved.nodes = moved.nodes.map((node) =>
      node.id === 'orders' ? { ...node, config: { entity: 'invoices' } } : node,
    );
    expect(flowDifferences(mine, moved)).toEqual([{ part: 'nodes' }]);
    // No description and an empty one are the same to a user.
    expect(flowDifferences(sampleFlow({ description: '' }), mine)).toEqual([]);
  });
});
