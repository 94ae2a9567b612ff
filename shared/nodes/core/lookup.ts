import { z } from 'zod';
import { LookupRow } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaMessage } from '../../flow/schema-message';

export const LookupConfig = z.object({
  sourcePath: field(z.string().min(1, schemaMessage('chooseLookupField')), {
    title: { en: 'Look up field', nl: 'Op te zoeken veld' },
    widget: 'fieldPath',
    fieldSource: 'input',
  }),
  targetPath: field(z.string().min(1).optional(), {
    title: { en: 'Write result to', nl: 'Resultaat schrijven naar' },
    description: { en: 'Empty: replace the looked-up field.', nl: 'Leeg: het opgezochte veld vervangen.' },
    widget: 'fieldPath',
    fieldSource: 'output',
  }),
  table: field(z.array(LookupRow).min(1, schemaMessage('atLeastOneRow')), {
    title: { en: 'Table', nl: 'Tabel' },
    widget: 'lookupTable',
  }),
  default: field(z.json().optional(), {
    title: { en: 'Default', nl: 'Standaardwaarde' },
    description: {
      en: 'Used when the key is not in the table.',
      nl: 'Gebruikt als de sleutel niet in de tabel staat.',
    },
    widget: 'json',
  }),
  failIfMissing: field(z.boolean().default(true), {
    title: { en: 'Fail if missing', nl: 'Mislukken als ontbreekt' },
    description: {
      en: 'A key without a row (and no default) fails the record, naming the key.',
      nl: 'Een sleutel zonder rij (en zonder standaardwaarde) laat het record mislukken.',
    },
  }),
  caseSensitive: field(z.boolean().default(false), {
    title: { en: 'Case sensitive', nl: 'Hoofdlettergevoelig' },
  }),
});
export type LookupConfig = z.infer<typeof LookupConfig>;

/** Lookup table: key → value (country → tax code, payment method → payment method, …). */
export const lookupTransform = defineNode({
  kind: 'core.transform.lookup',
  version: 1,
  label: { en: 'Lookup table', nl: 'Opzoektabel' },
  description: {
    en: 'Replaces a value through a table, e.g. country → tax code.',
    nl: 'Vervangt een waarde via een tabel, bijv. land → btw-code.',
  },
  category: 'transform',
  system: 'core',
  icon: 'table',
  inputs: [ports.in()],
  outputs: [ports.out('$input')],
  config: LookupConfig,
  defaultConfig: { sourcePath: '', table: [], failIfMissing: true, caseSensitive: false },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
});
