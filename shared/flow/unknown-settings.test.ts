import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MapConfig } from '../nodes/core/map';
import { unknownSettings } from './unknown-settings';

describe('unknownSettings', () => {
  it('names unknown keys at the top and inside rows, nested objects and union options', () => {
    const config = {
      fields: [
        { target: 'a', source: { kind: 'path', path: 'x' } },
        {
          target: 'b',
          source: { kind: 'lookup', path: 'y', table: [{ key: '1', value: 'one', too: 1 }], dflt: 2 },
        },
        { target: 'c', taget: 'd', source: { kind: 'constant', value: { any: { keys: 'here' } } } },
      ],
      keepUnmaped: true,
    };
    expect(MapConfig.safeParse(config).success).toBe(true);
    expect(unknownSettings(MapConfig, config)).toEqual([
      'fields.1.source.table.0.too',
      'fields.1.source.dflt',
      'fields.2.taget',
      'keepUnmaped',
    ]);
  });

  it('walks through optional, nullable, default, pipe, record and tuple schemas', () => {
    const schema = z.object({
      maybe: z.object({ a: z.number() }).optional(),
      nothing: z.object({ a: z.number() }).nullable(),
      preset: z.object({ a: z.number() }).default({ a: 1 }),
      piped: z.object({ a: z.string() }).pipe(z.transform((value) => value.a)),
      byCountry: z.record(z.string(), z.object({ vat: z.string() })),
      pair: z.tuple([z.object({ x: z.number() }), z.string()]),
    });
    const value = {
      maybe: { a: 1, b: 2 },
      nothing: null,
      preset: { a: 2, c: 3 },
      piped: { a: 'x', d: 4 },
      byCountry: { NL: { vat: '21', vta: '9' } },
      pair: [{ x: 1, y: 2 }, 's'],
    };
    expect(schema.safeParse(value).success).toBe(true);
    expect(unknownSettings(schema, value)).toEqual([
      'maybe.b',
      'preset.c',
      'piped.d',
      'byCountry.NL.vta',
      'pair.0.y',
    ]);
  });

  it('leaves objects that keep or refuse unknown keys to their schema', () => {
    const value = { a: 1, extra: 2 };
    expect(unknownSettings(z.looseObject({ a: z.number() }), value)).toEqual([]);
    expect(unknownSettings(z.strictObject({ a: z.number() }), value)).toEqual([]);
    expect(unknownSettings(z.object({ a: z.number() }), value)).toEqual(['extra']);
  });

  it('finds nothing in a value of another type (parsing reports that)', () => {
    expect(unknownSettings(z.object({ a: z.number() }), 'text')).toEqual([]);
    expect(unknownSettings(z.array(z.object({ a: z.number() })), { a: 1 })).toEqual([]);
  });
});
