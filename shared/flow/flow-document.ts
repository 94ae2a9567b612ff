import { z } from 'zod';
import { schemaMessage } from './schema-message';

/** Current version of the flow document; bump it and add a step in `migrations.ts`. */
export const FLOW_SCHEMA_VERSION = 2;

/** Ids of flows, nodes and edges: stable (nanoid), never shown to users. */
export const FlowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, schemaMessage('idCharacters'));

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;

/** One node on the canvas: an instance of a catalogue kind with its config. */
export const FlowNode = z.object({
  id: FlowId,
  kind: z.string().regex(/^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, schemaMessage('nodeKindShape')),
  version: z.number().int().min(1),
  position: Position.default({ x: 0, y: 0 }),
  /** Display name chosen by the user; the catalogue label is shown when absent. */
  label: z.string().max(200).optional(),
  /** Checked against the kind's config schema by `validateFlow`, not here (so drafts can be saved). */
  config: z.record(z.string(), z.unknown()).default({}),
});
export type FlowNode = z.infer<typeof FlowNode>;

export const FlowEdge = z.object({
  id: FlowId,
  source: FlowId,
  sourcePort: z.string().min(1).default('out'),
  target: FlowId,
  targetPort: z.string().min(1).default('in'),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

export const DEFAULT_TIMEZONE = 'Europe/Amsterdam';

/** When a flow runs by itself. The cron expression is checked (with croner) by validation in main. */
export const Schedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({
    kind: z.literal('interval'),
    everyMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    timezone: z.string().min(1).default(DEFAULT_TIMEZONE),
  }),
  z.object({
    kind: z.literal('cron'),
    cron: z.string().min(1, schemaMessage('writeCron')),
    timezone: z.string().min(1).default(DEFAULT_TIMEZONE),
  }),
]);
export type Schedule = z.infer<typeof Schedule>;

/**
 * Automatic retries of transient errors (timeouts, 5xx, 429): exponential backoff with jitter from
 * `baseDelaySeconds`, never longer than `maxDelaySeconds` (hours are fine), at most `attempts`
 * attempts in all (1 = no retry).
 */
export const RetryPolicy = z.object({
  attempts: z.number().int().min(1).max(50).default(5),
  baseDelaySeconds: z.number().min(0.001).max(3600).default(1),
  maxDelaySeconds: z
    .number()
    .min(0.001)
    .max(24 * 3600)
    .default(15 * 60),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** `default` follows the app setting `payloadLogging`. */
export const FlowPayloadLogging = z.enum(['default', 'full', 'metadata']);
export type FlowPayloadLogging = z.infer<typeof FlowPayloadLogging>;

export const FlowSettings = z.object({
  retry: RetryPolicy.default(RetryPolicy.parse({})),
  payloadLogging: FlowPayloadLogging.default('default'),
  /** Records in flight at once, and calls at once per connection. */
  concurrency: z.number().int().min(1).max(64).default(4),
});
export type FlowSettings = z.infer<typeof FlowSettings>;

/** A flow: the whole document the canvas edits, the store keeps and the engine runs. */
export const FlowDocument = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id: FlowId,
  name: z.string().trim().min(1, schemaMessage('nameFlow')).max(200),
  description: z.string().max(2000).optional(),
  /** Whether the schedule runs it; a disabled flow still runs by hand. */
  enabled: z.boolean().default(false),
  nodes: z.array(FlowNode).default([]),
  edges: z.array(FlowEdge).default([]),
  schedule: Schedule.default({ kind: 'manual' }),
  settings: FlowSettings.default(FlowSettings.parse({})),
  /** Incremented on every save; runs record the revision they ran. */
  revision: z.number().int().min(0).default(0),
  updatedAt: z.string().optional(),
});
export type FlowDocument = z.infer<typeof FlowDocument>;

/** Whether the scheduler starts the flow: enabled, with a schedule other than "by hand". */
export function runsOnSchedule(flow: Pick<FlowDocument, 'enabled' | 'schedule'>): boolean {
  return flow.enabled && flow.schedule.kind !== 'manual';
}
/** A flow document as written by hand or by an older editor (defaults still optional). */
export type FlowDocumentInput = z.input<typeof FlowDocument>;
