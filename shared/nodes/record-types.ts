import { z } from 'zod';
import type { LocalizedText, RecordTypeRef } from './node-definition';

/** A named record shape that ports carry (issue-6 canonical records add theirs). */
export interface RecordTypeDefinition {
  readonly id: string;
  readonly label: LocalizedText;
  readonly schema: z.ZodType;
}

/** What a trigger emits when a run starts. */
export const TriggerRecord = z.object({
  trigger: z.enum(['manual', 'schedule', 'retry']),
  runId: z.string(),
  startedAt: z.string(),
});
export type TriggerRecord = z.infer<typeof TriggerRecord>;

export const coreRecordTypes: readonly RecordTypeDefinition[] = [
  { id: 'any', label: { en: 'Any record', nl: 'Elk record' }, schema: z.record(z.string(), z.unknown()) },
  { id: 'trigger', label: { en: 'Run start', nl: 'Start van de run' }, schema: TriggerRecord },
];

/**
 * Whether an output port of type `from` may feed an input of type `to`: `any` fits everything,
 * otherwise the types must be the same.
 */
export function recordTypesCompatible(from: RecordTypeRef, to: RecordTypeRef): boolean {
  return from === 'any' || to === 'any' || from === to;
}
