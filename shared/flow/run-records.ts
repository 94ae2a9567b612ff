import { z } from 'zod';
import { JsonValue } from './json';
import { RunMessage } from './run-messages';
import { SkipReason } from './skip-reasons';

/** How a run was started. A retry run re-runs failed records of an earlier run (`parentRunId`). */
export const RunTrigger = z.enum(['manual', 'schedule', 'retry']);
export type RunTrigger = z.infer<typeof RunTrigger>;

/**
 * `failed`: some records failed or the run itself could not go on (`error`); `interrupted`: the
 * process died and the next start-up finished the run; `cancelled`: stopped by a user.
 */
export const RunStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type RunStatus = z.infer<typeof RunStatus>;

export const ItemStatus = z.enum(['pending', 'running', 'succeeded', 'skipped', 'failed']);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** What a target did with the record (`would…` in a dry run). */
export const ItemAction = z.enum(['created', 'updated', 'recovered', 'wouldCreate', 'wouldUpdate']);
export type ItemAction = z.infer<typeof ItemAction>;

/** Keys people search by. */
export const BusinessKeys = z.object({
  orderNumber: z.string().optional(),
  email: z.string().optional(),
  sku: z.string().optional(),
});
export type BusinessKeys = z.infer<typeof BusinessKeys>;

/** A record's stable identity: which system, which entity, which id. */
export const ItemKeyParts = z.object({
  system: z.string().min(1),
  entity: z.string().min(1),
  id: z.string().min(1),
});
export type ItemKeyParts = z.infer<typeof ItemKeyParts>;

/** `system:entity:id`, e.g. `mplus:order:1042`. */
export function formatItemKey(key: ItemKeyParts): string {
  return `${key.system}:${key.entity}:${key.id}`;
}

export const RunCounts = z.object({
  total: z.number().int(),
  succeeded: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});
export type RunCounts = z.infer<typeof RunCounts>;

/** Why a step failed; `field`/`value` name the offending data when a rule broke. */
export const StepErrorInfo = z.object({
  code: z.string(),
  /** In English, as the engine or the system said it (see `text`). */
  message: z.string(),
  /** The message as a code, for the UI's language; absent for a system's own words. */
  text: RunMessage.optional(),
  /**
   * Why a passing failure was not tried again (retries used up, a wait longer than the flow
   * allows): `message` ends with it in English, in brackets.
   */
  retryNote: RunMessage.optional(),
  nodeId: z.string().optional(),
  field: z.string().optional(),
  value: JsonValue.optional(),
  /** Whether it was worth retrying (timeouts, 5xx, 429) or not (bad data, 4xx). */
  transient: z.boolean(),
  status: z.number().int().optional(),
});
export type StepErrorInfo = z.infer<typeof StepErrorInfo>;

/** Why a run could not go on (a system out of reach, the source failing, the lock lost). */
export const RunError = z.object({
  code: z.string(),
  /** In English (see `text`). */
  message: z.string(),
  /** The message as a code, for the UI's language. */
  text: RunMessage.optional(),
});
export type RunError = z.infer<typeof RunError>;

export const RunSummary = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  flowRevision: z.number().int(),
  trigger: RunTrigger,
  parentRunId: z.string().nullable(),
  dryRun: z.boolean(),
  status: RunStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  counts: RunCounts,
  error: RunError.nullable(),
  /** Sequence number of the last stored event. */
  lastSeq: z.number().int(),
  /** Of `counts.failed`, the records a cancel stopped (a cancelled run's; absent when none). */
  stopped: z.number().int().optional(),
  /** Warning lines in its log (a tax rule that changes the VAT, a category left out); absent when none. */
  warnings: z.number().int().optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/**
 * A run that failed, whose failed records all succeeded since (retried): its status stays as it
 * ran, but nothing is left to do.
 */
export function fixedByRetry(run: Pick<RunSummary, 'status' | 'counts' | 'error'>): boolean {
  return run.status === 'failed' && run.counts.failed === 0 && run.error === null && run.counts.total > 0;
}

/**
 * The error code of a record a cancel stopped: it stays failed in its run, to retry, but the engine,
 * the dashboard's figures and the screens tell it from a record that failed of itself.
 */
export const STOPPED_BY_CANCEL = 'cancelled';

export const RunItemSummary = z.object({
  id: z.number().int(),
  runId: z.string(),
  key: z.string(),
  status: ItemStatus,
  /** The node the record is at (running) or stopped at (failed, skipped). */
  nodeId: z.string().nullable(),
  /** Why it was skipped (English) or failed (the error's message). */
  reason: z.string().nullable(),
  /** A skipped record's reasons as codes, for the screens to word; absent for older records. */
  reasons: z.array(SkipReason).nullable().optional(),
  error: StepErrorInfo.nullable(),
  attempts: z.number().int(),
  businessKeys: BusinessKeys,
  action: ItemAction.nullable(),
  targetIds: z.record(z.string(), z.string()).nullable(),
  /** The item this one retries (the first run's item), if any. */
  retryOf: z.number().int().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RunItemSummary = z.infer<typeof RunItemSummary>;

export const ItemAttempt = z.object({
  attempt: z.number().int(),
  runId: z.string(),
  itemId: z.number().int(),
  nodeId: z.string().nullable(),
  status: ItemStatus,
  error: StepErrorInfo.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ItemAttempt = z.infer<typeof ItemAttempt>;

/** Everything stored about one record (payloads are null when logging is metadata-only or erased). */
export const RunItemDetail = RunItemSummary.extend({
  source: JsonValue.nullable(),
  /** The record as it entered `nodeId` (kept for retries from that node). */
  input: JsonValue.nullable(),
  mapped: JsonValue.nullable(),
  request: JsonValue.nullable(),
  response: JsonValue.nullable(),
  erased: z.boolean(),
  /** Every attempt at this record, across the run and its retry runs. */
  history: z.array(ItemAttempt),
});
export type RunItemDetail = z.infer<typeof RunItemDetail>;

/**
 * Where a retried record starts again: at the node it failed at, with the input stored there, or
 * at the first step after its source, with the stored source record (so a fixed mapping applies).
 */
export const RetryFrom = z.enum(['failed', 'start']);
export type RetryFrom = z.infer<typeof RetryFrom>;
