import { describe, expect, it } from 'vitest';
import { carriedType, checkConnection } from './connection-rules';
import { edge, nameOf, node, testCatalog } from './test-helpers';

const nodes = [
  node('start', 'core.trigger.manual'),
  node('orders', 'test.source.memory'),
  node('filter', 'core.transform.filter'),
  node('map', 'core.transform.map'),
  node('orders2', 'test.source.memory'),
  node('out', 'test.target.memory'),
];

describe('connection rules', () => {
  const edges = [edge('start', 'orders'), edge('orders', 'filter'), edge('filter', 'map')];
  const check = (source: string, target: string, sourceHandle = 'out', targetHandle = 'in') =>
    checkConnection({ source, target, sourceHandle, targetHandle }, nodes, edges, testCatalog, nameOf);

  it('allows a connection whose types fit', () => {
    expect(check('map', 'out')).toEqual({ ok: true });
    expect(check('start', 'orders2')).toEqual({ ok: true });
  });

  it('refuses a record type the input does not take, naming both types', () => {
    expect(check('filter', 'orders2')).toEqual({
      ok: false,
      refusal: {
        code: 'typeMismatch',
        source: 'filter',
        target: 'orders2',
        carried: 'test.record',
        expected: 'trigger',
      },
    });
  });

  it('refuses loops, self-connections and repeats', () => {
    expect(check('map', 'filter')).toEqual({
      ok: false,
      refusal: { code: 'cycle', source: 'map', target: 'filter' },
    });
    expect(check('map', 'map')).toEqual({ ok: false, refusal: { code: 'selfLoop' } });
    expect(check('orders', 'filter')).toEqual({ ok: false, refusal: { code: 'duplicate' } });
  });

  it('refuses ports that do not exist', () => {
    expect(check('out', 'map')).toMatchObject({ ok: false, refusal: { code: 'noOutput', node: 'out' } });
    expect(check('map', 'start')).toMatchObject({ ok: false, refusal: { code: 'noInput', node: 'start' } });
    expect(check('ghost', 'map')).toEqual({ ok: false, refusal: { code: 'unknownNode' } });
  });

  it('follows pass-through ports upstream to find the carried type', () => {
    const byId = new Map(nodes.map((n) => [n.id, n] as const));
    expect(carriedType('filter', 'out', byId, edges, testCatalog)).toBe('test.record');
    expect(carriedType('map', 'out', byId, edges, testCatalog)).toBe('any');
    expect(carriedType('filter', 'out', byId, [], testCatalog)).toBe('any');
    const loop = [edge('filter', 'filter')];
    expect(carriedType('filter', 'out', byId, loop, testCatalog)).toBe('any');
  });
});
