import { z } from 'zod';
import { FlowProblem } from '../../flow/flow-problem';
import { CatalogEntry, CatalogRecordType } from '../../nodes/catalog';
import { defineCall } from '../define';

/** A ready-made flow in `resources/templates/<id>.flow.json`. */
const TemplateWords = z.object({ name: z.string(), description: z.string().nullable() });

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Name and description in each UI language (a language the template has no words for: its own). */
  words: z.object({ en: TemplateWords, nl: TemplateWords }),
  nodeCount: z.number().int(),
  /** Problems of the template itself (a template that does not validate is a bug, shown as such). */
  problems: z.array(FlowProblem),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const catalogCalls = {
  'catalog.list': defineCall(
    z.object({ includeHidden: z.boolean().default(false) }).strict(),
    z.object({ nodes: z.array(CatalogEntry), recordTypes: z.array(CatalogRecordType) }),
    'The node kinds (config and output as JSON Schema with form hints) and record types.',
  ),
} as const;

export const templatesCalls = {
  'templates.list': defineCall(
    z.object({}).strict(),
    z.object({ templates: z.array(TemplateSummary) }),
    'The ready-made flows shipped with Koppel.',
  ),
} as const;
