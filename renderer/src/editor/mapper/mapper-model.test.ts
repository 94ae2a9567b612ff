import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toJsonSchema } from '../../../../shared/nodes/catalog';
import type { MapField } from '../../../../shared/nodes/core/map';
import {
  formatValue,
  readMappings,
  removeMapping,
  schemaLeaves,
  setMapping,
  setOnCreateOnly,
  sourceFields,
  sourcePathOf,
  targetFields,
  unmappedRequired,
} from './mapper-model';

const Invoice = toJsonSchema(
  z.object({
    reference: z.string(),
    customer: z.object({ email: z.email(), name: z.string().optional() }),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    note: z.string().optional().describe('Shown on the invoice'),
  }),
);

describe('field mapper model', () => {
  it('flattens the target schema, requiring a path only when every step is required', () => {
    expect(schemaLeaves(Invoice)).toEqual([
      { path: 'reference', required: true, type: 'string', custom: false },
      { path: 'customer.email', required: true, type: 'string', custom: false },
      { path: 'customer.name', required: false, type: 'string', custom: false },
      { path: 'lines.0.sku', required: true, type: 'string', custom: false },
      { path: 'lines.0.quantity', required: true, type: 'number', custom: false },
      { path: 'note', required: false, type: 'string', description: 'Shown on the invoice', custom: false },
    ]);
  });

  it('looks into nullable and union objects', () => {
    const schema = toJsonSchema(
      z.object({
        customer: z.object({ email: z.string() }).nullable().optional(),
        note: z.string().nullable(),
      }),
    );
    expect(schemaLeaves(schema).map((leaf) => [leaf.path, leaf.required])).toEqual([
      ['customer.email', false],
      ['note', true],
    ]);
  });

  it('lists the sample record’s fields with values, then the schema-only ones', () => {
    const sample = { id: 'o-1', customer: { email: 'ann@example.com' }, lines: [{ sku: 'A-1' }] };
    const schema = toJsonSchema(z.object({ id: z.string(), orderNumber: z.string().optional() }));
    expect(sourceFields(sample, schema)).toEqual([
      { path: 'id', value: 'o-1' },
      { path: 'customer.email', value: 'ann@example.com' },
      { path: 'lines.0.sku', value: 'A-1' },
      { path: 'orderNumber', type: 'string' },
    ]);
    expect(sourceFields(null, null)).toEqual([]);
  });

  it('adds mapped and hand-added targets the schema does not know, and finds unmapped required ones', () => {
    const mappings: MapField[] = [
      { target: 'customer.email', source: { kind: 'path', path: 'customer.email' }, onCreateOnly: false },
      { target: 'extra', source: { kind: 'constant', value: 1 }, onCreateOnly: false },
    ];
    const targets = targetFields(Invoice, mappings, ['mine', 'extra']);
    expect(targets.filter((t) => t.custom).map((t) => t.path)).toEqual(['extra', 'mine']);
    expect(unmappedRequired(targets, mappings)).toEqual(['reference', 'lines.0.sku', 'lines.0.quantity']);
    expect(unmappedRequired(targets, mappings, new Set(['reference', 'lines.0.sku']))).toEqual([
      'lines.0.quantity',
    ]);
    expect(targetFields(null, [], ['a']).map((t) => t.path)).toEqual(['a']);
  });

  it('sets, replaces and removes mappings, keeping the create-only switch', () => {
    let mappings = setMapping([], 'customer.email', { kind: 'path', path: 'email' });
    mappings = setOnCreateOnly(mappings, 'customer.email', true);
    mappings = setMapping(mappings, 'customer.email', { kind: 'path', path: 'customer.email' });
    expect(mappings).toEqual([
      { target: 'customer.email', source: { kind: 'path', path: 'customer.email' }, onCreateOnly: true },
    ]);
    expect(removeMapping(mappings, 'customer.email')).toEqual([]);
    expect(sourcePathOf({ kind: 'lookup', path: 'country', table: [], failIfMissing: false })).toBe(
      'country',
    );
    expect(sourcePathOf({ kind: 'constant', value: 'x' })).toBeUndefined();
  });

  it('reads a draft config and formats values in one line', () => {
    expect(
      readMappings({ fields: [{ target: 'a', source: { kind: 'path', path: 'b' } }, { nope: 1 }, 'x'] }),
    ).toHaveLength(1);
    expect(readMappings({})).toEqual([]);
    expect(formatValue('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(undefined)).toBe('');
  });
});
