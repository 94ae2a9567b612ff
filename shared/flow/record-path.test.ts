import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { deletePath, getPath, leafPaths, parsePath, setPath } from './record-path';

describe('record paths', () => {
  it('parses dots and brackets alike', () => {
    expect(parsePath('lines[0].sku')).toEqual(['lines', 0, 'sku']);
    expect(parsePath('lines.0.sku')).toEqual(['lines', 0, 'sku']);
  });

  it('reads nested values and answers undefined for missing steps', () => {
    const record = { customer: { email: 'a@b.nl' }, lines: [{ sku: 'A-1' }] };
    expect(getPath(record, 'customer.email')).toBe('a@b.nl');
    expect(getPath(record, 'lines[0].sku')).toBe('A-1');
    expect(getPath(record, 'lines.3.sku')).toBeUndefined();
    expect(getPath(record, 'customer.email.x')).toBeUndefined();
    expect(getPath(record, 'toString')).toBeUndefined();
  });

  it('creates objects and arrays when writing', () => {
    const record: JsonObject = {};
    setPath(record, 'address.street', 'Kerkstraat');
    setPath(record, 'lines.0.sku', 'A-1');
    expect(record).toEqual({ address: { street: 'Kerkstraat' }, lines: [{ sku: 'A-1' }] });
  });

  it('deletes a value', () => {
    const record: JsonObject = { a: { b: 1, c: 2 } };
    expect(deletePath(record, 'a.b')).toBe(true);
    expect(deletePath(record, 'a.x')).toBe(false);
    expect(record).toEqual({ a: { c: 2 } });
  });

  it('lists leaf paths with sample values', () => {
    expect(leafPaths({ id: 1, customer: { email: 'x' }, lines: [{ sku: 'S' }], tags: [] })).toEqual([
      { path: 'id', value: 1 },
      { path: 'customer.email', value: 'x' },
      { path: 'lines.0.sku', value: 'S' },
      { path: 'tags', value: [] },
    ]);
  });
});
