import { describe, expect, it } from 'vitest';
import { freeSpot, nodesBounds, tidyLayout } from './layout';
import { edge, node } from './test-helpers';

describe('tidy layout', () => {
  it('lays a chain out left to right without overlaps', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => node(id, 'core.transform.map', 500, 500));
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('b', 'd')];
    const positions = tidyLayout(nodes, edges);
    const at = (id: string) => positions.get(id) ?? { x: NaN, y: NaN };
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBeLessThan(at('c').x);
    expect(at('c').x).toBe(at('d').x);
    expect(Math.abs(at('c').y - at('d').y)).toBeGreaterThanOrEqual(84);
  });

  it('uses measured sizes when React Flow has them', () => {
    const wide = { ...node('a', 'core.transform.map'), measured: { width: 600, height: 40 } };
    const positions = tidyLayout([wide, node('b', 'core.transform.map')], [edge('a', 'b')]);
    expect((positions.get('b')?.x ?? 0) - (positions.get('a')?.x ?? 0)).toBeGreaterThanOrEqual(600);
  });

  it('finds a free spot next to nodes that are in the way', () => {
    expect(freeSpot({ x: 0, y: 0 }, [])).toEqual({ x: 0, y: 0 });
    const taken = [node('a', 'core.transform.map', 0, 0), node('b', 'core.transform.map', 0, 108)];
    // Two rows down (below b) and two up are nearest with a gap to both; ties go down.
    expect(freeSpot({ x: 10, y: 10 }, taken)).toEqual({ x: 10, y: 10 + 2 * 108 });
    // With a column of nodes in the way, the next column over is nearest.
    const column = [-2, -1, 0, 1, 2].map((row) => node(`r${row}`, 'core.transform.map', 0, row * 108));
    expect(freeSpot({ x: 0, y: 0 }, column)).toEqual({ x: 232, y: 0 });
    expect(freeSpot({ x: 0, y: 500 }, taken)).toEqual({ x: 0, y: 500 });
  });

  it('boxes the nodes with default sizes until they are measured', () => {
    expect(nodesBounds([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
    const measured = { ...node('b', 'core.transform.map', 300, 100), measured: { width: 100, height: 50 } };
    expect(nodesBounds([node('a', 'core.transform.map', -10, 0), measured])).toEqual({
      x: -10,
      y: 0,
      width: 410,
      height: 150,
    });
  });
});
