import { z } from 'zod';
import { DocumentProblems } from './calls/app';
import { RunEventBatch } from '../flow/run-events';
import { ShowRoute } from '../links/app-link';
import { RunNotice } from '../notifications/run-notice';
import { Settings } from '../settings/settings';

/** A saved flow that changed: its new revision (a new flow's first), or null once it is deleted. */
export const FlowChange = z.object({
  id: z.string(),
  name: z.string(),
  revision: z.number().int().nonnegative().nullable(),
});
export type FlowChange = z.infer<typeof FlowChange>;

/**
 * Streams main pushes to every window. Each payload is parsed by the receiving client.
 * Run events are added here by the engine (`runs.events`, a batch).
 */
export const apiEvents = {
  'settings.changed': Settings,
  /** A run failed or a flow recovered (the notifier throttles: one per flow per 15 minutes). */
  'notifications.show': RunNotice,
  /** The desktop host was asked to show a run (its notification clicked, a koppel:// link opened). */
  'app.show': ShowRoute,
  /**
   * Flows saved or deleted, in this process or in another on the same data folder (another window,
   * the web host, `koppel flows import`): lists and a clean editor read them again.
   */
  'flows.changed': z.object({ changes: z.array(FlowChange).min(1) }),
  /** The data folder documents that do not read now changed (one broke, or was mended): all of them. */
  'app.documentProblems': DocumentProblems,
  /** Run events as they are stored, in batches (one run per batch, in order). */
  'runs.events': RunEventBatch,
} as const;

export type ApiEvents = typeof apiEvents;
export type EventName = keyof ApiEvents;
export type EventPayload<E extends EventName> = z.output<ApiEvents[E]>;

export const eventNames = Object.keys(apiEvents) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiEvents, name);
}
