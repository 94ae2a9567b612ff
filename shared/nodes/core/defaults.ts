import { z } from 'zod';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaMessage } from '../../flow/schema-message';

export const DefaultValue = z.object({
  path: field(z.string().min(1, schemaMessage('chooseField')), { title: { en: 'Field', nl: 'Veld' } }),
  value: field(z.json(), { title: { en: 'Value', nl: 'Waarde' } }),
  /** Also replace a value that is present (not only a missing or empty one). */
  overwrite: field(z.boolean().default(false), { title: { en: 'Overwrite', nl: 'Overschrijven' } }),
});
export type DefaultValue = z.infer<typeof DefaultValue>;

export const DefaultsConfig = z.object({
  values: field(z.array(DefaultValue).min(1, schemaMessage('atLeastOneDefault')), {
    title: { en: 'Defaults', nl: 'Standaardwaarden' },
    description: {
      en: 'Filled in where the record has no value (employee number 999999, branch, default debtor…).',
      nl: 'Ingevuld waar het record geen waarde heeft (medewerkernummer 999999, filiaal, standaarddebiteur…).',
    },
    widget: 'keyValue',
  }),
});
export type DefaultsConfig = z.infer<typeof DefaultsConfig>;

export const defaultsTransform = defineNode({
  kind: 'core.transform.defaults',
  version: 1,
  label: { en: 'Defaults', nl: 'Standaardwaarden' },
  description: {
    en: 'Fills in missing fields with fixed values.',
    nl: 'Vult ontbrekende velden in met vaste waarden.',
  },
  category: 'transform',
  system: 'core',
  icon: 'list-plus',
  inputs: [ports.in()],
  outputs: [ports.out('$input')],
  config: DefaultsConfig,
  defaultConfig: { values: [] },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
});
