import { z } from 'zod';
import { Condition, CONDITION_TITLE, CONDITIONS_TITLE, matchModeField } from '../conditions';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaMessage } from '../../flow/schema-message';

export const ConditionsConfig = z.object({
  match: matchModeField,
  conditions: field(z.array(Condition).min(1, schemaMessage('atLeastOneCondition')), {
    title: CONDITIONS_TITLE,
    widget: 'conditions',
    itemTitle: CONDITION_TITLE,
  }),
});
export type ConditionsConfig = z.infer<typeof ConditionsConfig>;

/** Lets records through that match; the others are skipped with the reason. */
export const filterTransform = defineNode({
  kind: 'core.transform.filter',
  version: 1,
  label: { en: 'Filter', nl: 'Filter' },
  description: {
    en: 'Only records that meet the conditions continue; the rest are skipped.',
    nl: 'Alleen records die aan de voorwaarden voldoen gaan verder; de rest wordt overgeslagen.',
  },
  category: 'transform',
  system: 'core',
  icon: 'filter',
  inputs: [ports.in()],
  outputs: [ports.out('$input')],
  config: ConditionsConfig,
  defaultConfig: { match: 'all', conditions: [] },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
});

/** If/else: matching records leave through `true`, the others through `false`. */
export const branchTransform = defineNode({
  kind: 'core.transform.branch',
  version: 1,
  label: { en: 'If / else', nl: 'Als / anders' },
  description: {
    en: 'Sends records that meet the conditions one way and the others the other way.',
    nl: 'Stuurt records die aan de voorwaarden voldoen de ene kant op en de andere de andere kant.',
  },
  category: 'transform',
  system: 'core',
  icon: 'split',
  inputs: [ports.in()],
  outputs: [
    { id: 'true', label: { en: 'Yes', nl: 'Ja' }, recordType: '$input' },
    { id: 'false', label: { en: 'No', nl: 'Nee' }, recordType: '$input' },
  ],
  config: ConditionsConfig,
  defaultConfig: { match: 'all', conditions: [] },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
});
