import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MapConfig } from '../nodes/core/map';
import { field } from '../nodes/ui-hints';
import { fieldWords } from './field-words';

describe('fieldWords', () => {
  it('names each field by its title, rows from 1, and keys without a title as they are', () => {
    expect(fieldWords(MapConfig, 'fields.0.target')).toEqual({
      en: 'Fields › row 1 › target',
      nl: 'Velden › rij 1 › target',
    });
    // A union's key is found in the option that has it.
    expect(fieldWords(MapConfig, 'fields.2.source.expression')).toEqual({
      en: 'Fields › row 3 › source › expression',
      nl: 'Velden › rij 3 › source › expression',
    });
  });

  it('finds titles through wrappers, records and tuples, and leaves unknown keys and paths as given', () => {
    const schema = z.object({
      rules: field(
        z
          .array(z.object({ vat: field(z.string().optional(), { title: { en: 'VAT', nl: 'Btw' } }) }))
          .default([]),
        {
          title: { en: 'Tax rules', nl: 'Btw-regels' },
        },
      ),
      byCountry: z.record(z.string(), z.object({ code: z.string() })),
      pair: z.tuple([z.string(), z.object({ x: z.number() })]),
      titledRows: z.array(field(z.object({ a: z.string() }), { title: { en: 'Row', nl: 'Rij' } })),
    });
    expect(fieldWords(schema, 'rules.1.vat')).toEqual({
      en: 'Tax rules › row 2 › VAT',
      nl: 'Btw-regels › rij 2 › Btw',
    });
    expect(fieldWords(schema, 'byCountry.NL.code')).toEqual({
      en: 'byCountry › NL › code',
      nl: 'byCountry › NL › code',
    });
    expect(fieldWords(schema, 'pair.1.x')).toEqual({ en: 'pair › row 2 › x', nl: 'pair › rij 2 › x' });
    expect(fieldWords(schema, 'rules.0.vatCod')).toEqual({
      en: 'Tax rules › row 1 › vatCod',
      nl: 'Btw-regels › rij 1 › vatCod',
    });
    expect(fieldWords(schema, 'nothing.3')).toEqual({ en: 'nothing › 3', nl: 'nothing › 3' });
    // A row keeps its number where its schema has a title.
    expect(fieldWords(schema, 'titledRows.4.a')).toEqual({
      en: 'titledRows › row 5 › a',
      nl: 'titledRows › rij 5 › a',
    });
  });
});
