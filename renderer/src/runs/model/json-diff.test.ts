import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../shared/flow/json';
import { diffJson, jsonEqual } from './json-diff';

describe('diffJson', () => {
  it('marks changed, added and removed leaves on the side that shows them', () => {
    const diff = diffJson(
      { name: 'Jansen', vat: 21, lines: [{ sku: '1001', qty: 2 }], note: 'gift' },
      { name: 'Jansen', vat: 6, lines: [{ sku: '1001', qty: 2, price: 9.5 }] },
    );
    const kinds = (side: 'left' | 'right') =>
      Object.fromEntries(
        diff[side].filter((line) => line.kind !== 'same').map((line) => [line.path, line.kind]),
      );
    expect(kinds('left')).toEqual({ '/vat': 'changed', '/note': 'removed' });
    expect(kinds('right')).toEqual({ '/vat': 'changed', '/lines/0/price': 'added' });
    expect(diff.changedPaths).toEqual(['/lines/0/price', '/note', '/vat']);
    expect(diff.counts).toEqual({ changed: 1, added: 1, removed: 1 });
  });

  it('prints valid JSON on each side', () => {
    const value = { a: [1, { b: null }], c: 'x', d: {} };
    const diff = diffJson(value, { a: [1, { b: true }] });
    expect(JSON.parse(diff.left.map((line) => line.text).join('\n'))).toEqual(value);
    expect(diff.left.find((line) => line.path === '/a/1/b')).toMatchObject({ kind: 'changed', depth: 3 });
  });

  it('a container of another shape is one change', () => {
    const diff = diffJson({ id: { type: 'contact', id: '9' } }, { id: '9' });
    expect(diff.changedPaths).toEqual(['/id']);
    expect(diff.left.filter((line) => line.kind === 'changed')).toHaveLength(4);
  });

  it('a side that was not recorded shows the other side unmarked', () => {
    const diff = diffJson(null, { ok: true });
    expect(diff.left).toEqual([]);
    expect(diff.right.every((line) => line.kind === 'same')).toBe(true);
    expect(diff.changedPaths).toEqual([]);
  });

  it('escapes slashes in keys', () => {
    expect(diffJson({ 'a/b': 1 }, { 'a/b': 2 }).changedPaths).toEqual(['/a~1b']);
  });

  it('finds no change between a value and itself, whatever the key order', () => {
    const reverseKeys = (value: JsonValue): JsonValue => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([key, child]) => [key, reverseKeys(child)]),
      );
    };
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        // Through JSON once, as stored payloads are (-0 becomes 0).
        const value = JSON.parse(JSON.stringify(raw)) as JsonValue;
        expect(diffJson(value, value).changedPaths).toEqual([]);
        expect(diffJson(value, reverseKeys(value)).changedPaths).toEqual([]);
        expect(jsonEqual(value, reverseKeys(value))).toBe(true);
      }),
    );
  });
});

describe('diffJson across shapes (a mapping renamed fields)', () => {
  it('a value found elsewhere on the other side is moved, not a difference', () => {
    const diff = diffJson(
      { number: 'O2026-000011', customer: { email: 'tim@example.com', vat: 'NL123' } },
      {
        body: {
          purchase_order_number: 'O2026-000011',
          invoicee: { email: 'tim@example.com' },
          currency: 'EUR',
        },
      },
    );
    const kindOf = (side: 'left' | 'right', path: string) =>
      diff[side].find((line) => line.path === path)?.kind;
    expect(kindOf('left', '/number')).toBe('moved');
    expect(kindOf('left', '/customer/email')).toBe('moved');
    expect(kindOf('left', '/customer/vat')).toBe('removed');
    expect(kindOf('right', '/body/purchase_order_number')).toBe('moved');
    expect(kindOf('right', '/body/currency')).toBe('added');
    expect(diff.changedPaths).toEqual(['/body/currency', '/customer/vat']);
    // What was sent, told from what it was made of: two values carried over, one new.
    expect(diff.rightLeaves).toEqual({ carried: 2, fresh: 1 });
  });

  it('tallies the right side leaf by leaf: the same or found elsewhere is carried, the rest fresh', () => {
    const diff = diffJson({ a: 1, b: 'x2', c: { d: 'kept' } }, { a: 2, e: 'x2', c: { d: 'kept' }, f: true });
    // a changed (fresh), e moved (carried), c.d the same (carried), f added (fresh).
    expect(diff.rightLeaves).toEqual({ carried: 2, fresh: 2 });
    expect(diffJson({ a: 1 }, null).rightLeaves).toEqual({ carried: 0, fresh: 0 });
  });
});
