import { z } from 'zod';
import { JsonValue } from './json';
import { RunMessage } from './run-messages';
import {
  BusinessKeys,
  ItemAction,
  RunCounts,
  RunError,
  RunStatus,
  RunTrigger,
  StepErrorInfo,
} from './run-records';
import { SkipReason } from './skip-reasons';

/** Fields every run event has: numbered per run from 1, stored before anyone sees it. */
const base = {
  runId: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
};
const item = {
  itemId: z.number().int(),
  key: z.string(),
};

export const RunStartedEvent = z.object({
  ...base,
  type: z.literal('runStarted'),
  flowId: z.string(),
  flowName: z.string(),
  flowRevision: z.number().int(),
  trigger: RunTrigger,
  dryRun: z.boolean(),
  parentRunId: z.string().nullable(),
});

export const ItemStartedEvent = z.object({
  ...base,
  ...item,
  type: z.literal('itemStarted'),
  nodeId: z.string(),
  businessKeys: BusinessKeys,
  retryOf: z.number().int().nullable(),
});

export const ItemRetryingEvent = z.object({
  ...base,
  ...item,
  type: z.literal('itemRetrying'),
  nodeId: z.string(),
  attempt: z.number().int(),
  delayMs: z.number().int(),
  error: StepErrorInfo,
});

export const ItemSucceededEvent = z.object({
  ...base,
  ...item,
  type: z.literal('itemSucceeded'),
  nodeId: z.string().nullable(),
  action: ItemAction.nullable(),
  targetIds: z.record(z.string(), z.string()).nullable(),
});

export const ItemSkippedEvent = z.object({
  ...base,
  ...item,
  type: z.literal('itemSkipped'),
  nodeId: z.string().nullable(),
  /** The reasons in English, joined (what the command line prints). */
  reason: z.string(),
  /** The same as codes, for the screens to word; absent in events stored before there were codes. */
  reasons: z.array(SkipReason).optional(),
});

export const ItemFailedEvent = z.object({
  ...base,
  ...item,
  type: z.literal('itemFailed'),
  nodeId: z.string(),
  attempt: z.number().int(),
  error: StepErrorInfo,
});

/** Dry run: what a target would have sent. */
export const WouldWriteEvent = z.object({
  ...base,
  ...item,
  type: z.literal('wouldWrite'),
  nodeId: z.string(),
  action: z.enum(['create', 'update']),
  request: JsonValue,
});

/** Counts per node so far (throttled), for the canvas. */
export const NodeProgressEvent = z.object({
  ...base,
  type: z.literal('nodeProgress'),
  nodeId: z.string(),
  received: z.number().int(),
  passed: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});

export const CursorSavedEvent = z.object({
  ...base,
  type: z.literal('cursorSaved'),
  nodeId: z.string(),
  cursor: JsonValue,
});

export const LogEvent = z.object({
  ...base,
  type: z.literal('log'),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  /** In English (see `text`). */
  message: z.string(),
  /** The message as a code, for the UI's language; absent for a line a node wrote as text. */
  text: RunMessage.optional(),
  nodeId: z.string().optional(),
  key: z.string().optional(),
  /** A wait the run is in (a connection's rate limit): when it ends. Screens count down to it. */
  until: z.string().optional(),
});

export type LogEvent = z.infer<typeof LogEvent>;

export const RunFinishedEvent = z.object({
  ...base,
  type: z.literal('runFinished'),
  status: RunStatus,
  counts: RunCounts,
  durationMs: z.number().int(),
  error: RunError.nullable(),
});

/** Everything a run reports, in order. Every run ends with exactly one `runFinished`. */
export const RunEvent = z.discriminatedUnion('type', [
  RunStartedEvent,
  ItemStartedEvent,
  ItemRetryingEvent,
  ItemSucceededEvent,
  ItemSkippedEvent,
  ItemFailedEvent,
  WouldWriteEvent,
  NodeProgressEvent,
  CursorSavedEvent,
  LogEvent,
  RunFinishedEvent,
]);
export type RunEvent = z.infer<typeof RunEvent>;
export type RunEventType = RunEvent['type'];
/** A run event before the store numbered it. */
export type RunEventDraft = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'runId' | 'seq' | 'at'>
    : never
  : never;

/** What the `runs.events` stream pushes: the events one store transaction committed. */
export const RunEventBatch = z.object({ runId: z.string(), events: z.array(RunEvent) });
export type RunEventBatch = z.infer<typeof RunEventBatch>;
