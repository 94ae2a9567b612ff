import { z } from 'zod';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaMessage } from '../../flow/schema-message';

export const CodeConfig = z.object({
  code: field(z.string().min(1, schemaMessage('writeCode')), {
    title: { en: 'Code', nl: 'Code' },
    description: {
      en: 'The body of a function of `record`: return the new record (or null to skip it). No network, no files.',
      nl: 'De inhoud van een functie van `record`: geef het nieuwe record terug (of null om het over te slaan).',
    },
    widget: 'code',
    language: 'javascript',
  }),
  timeLimitMs: field(z.number().int().min(1).max(10_000).default(1000), {
    title: { en: 'Time limit per record', nl: 'Tijdslimiet per record' },
    unit: 'ms',
    advanced: true,
  }),
  memoryLimitMb: field(z.number().int().min(4).max(256).default(32), {
    title: { en: 'Memory limit', nl: 'Geheugenlimiet' },
    unit: 'MB',
    advanced: true,
  }),
});
export type CodeConfig = z.infer<typeof CodeConfig>;

/** User JavaScript in a QuickJS sandbox: record in, JSON out. */
export const codeTransform = defineNode({
  kind: 'core.transform.code',
  version: 1,
  label: { en: 'Code', nl: 'Code' },
  description: {
    en: 'Transforms each record with a few lines of JavaScript, in a sandbox.',
    nl: 'Bewerkt elk record met een paar regels JavaScript, in een afgeschermde omgeving.',
  },
  category: 'transform',
  system: 'core',
  icon: 'code',
  inputs: [ports.in()],
  outputs: [ports.out()],
  config: CodeConfig,
  defaultConfig: { code: 'return record;', timeLimitMs: 1000, memoryLimitMb: 32 },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
  scripts: (config) => [{ field: 'code', source: config.code, form: 'body' }],
});
