import { describe, expect, it } from 'vitest';
import { tidyLayout } from './layout';
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
});
