import { z } from 'zod';
import { LookupRow } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaIssue, schemaMessage } from '../../flow/schema-message';

/** Where a mapped field's value comes from. */
export const MapSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1, schemaMessage('chooseSourceField')) }),
  z.object({ kind: z.literal('constant'), value: z.json() }),
  z.object({
    kind: z.literal('lookup'),
    path: z.string().min(1, schemaMessage('chooseSourceField')),
    table: z.array(LookupRow).min(1, schemaMessage('atLeastOneLookupRow')),
    default: z.json().optional(),
    failIfMissing: z.boolean().default(false),
  }),
  /** A JavaScript expression over `record`, evaluated in the sandbox: `record.first + ' ' + record.last`. */
  z.object({
    kind: z.literal('expression'),
    expression: z.string().min(1, schemaMessage('writeExpression')),
  }),
]);
export type MapSource = z.infer<typeof MapSource>;

export const MapField = z.object({
  target: z.string().min(1, schemaMessage('chooseTargetField')),
  source: MapSource,
  /** Written when the target record is created, left alone on updates (data enriched later survives). */
  onCreateOnly: z.boolean().default(false),
});
export type MapField = z.infer<typeof MapField>;

export const MapConfig = z
  .object({
    fields: field(z.array(MapField).default([]), {
      title: { en: 'Fields', nl: 'Velden' },
      description: {
        en: 'Per target field: a source field, a constant, a lookup table or an expression.',
        nl: 'Per doelveld: een bronveld, een vaste waarde, een opzoektabel of een expressie.',
      },
      widget: 'mapping',
    }),
    keepUnmapped: field(z.boolean().default(false), {
      title: { en: 'Keep other fields', nl: 'Overige velden behouden' },
      description: {
        en: 'Pass the input fields that are not mapped through unchanged.',
        nl: 'Niet-gekoppelde invoervelden ongewijzigd doorgeven.',
      },
    }),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.fields.forEach((entry, index) => {
      const first = seen.get(entry.target);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index, 'target'],
          ...schemaIssue('targetMappedTwice', { target: entry.target, row: first + 1 }),
        });
      } else seen.set(entry.target, index);
    });
  });

/** The field mapper. */
export const mapTransform = defineNode({
  kind: 'core.transform.map',
  version: 1,
  label: { en: 'Map fields', nl: 'Velden koppelen' },
  description: {
    en: 'Builds the target record field by field from the input record.',
    nl: 'Bouwt het doelrecord veld voor veld op uit het invoerrecord.',
  },
  category: 'transform',
  system: 'core',
  icon: 'arrow-right-left',
  inputs: [ports.in()],
  outputs: [ports.out()],
  config: MapConfig,
  defaultConfig: { fields: [], keepUnmapped: false },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
  // Without fields (and without keeping the others) every record leaves empty.
  warnings: (config) =>
    config.fields.length === 0 && !config.keepUnmapped ? [{ code: 'mapsNothing', field: 'fields' }] : [],
  scripts: (config) =>
    config.fields.flatMap((entry, index) =>
      entry.source.kind === 'expression'
        ? [
            {
              field: `fields.${index}.source.expression`,
              source: entry.source.expression,
              form: 'expression' as const,
            },
          ]
        : [],
    ),
});
