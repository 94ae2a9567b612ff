import type { ApiResult } from './errors';
import type { CallName, Domain } from './contract';
import type { EventName } from './events';

type VerbOf<K extends string, D extends string> = K extends `${D}.${infer V}` ? V : never;

/**
 * What the Electron preload exposes as `window.koppel`: one method per call, each resolving with an
 * {@link ApiResult} (errors do not survive contextBridge intact, so they travel as data), and a way to
 * listen to one event stream. Nothing else crosses the bridge.
 */
export type KoppelBridge = {
  [D in Domain]: { [V in VerbOf<CallName, D>]: (input: unknown) => Promise<ApiResult> };
} & {
  events: { subscribe(stream: EventName, listener: (payload: unknown) => void): () => void };
};

/** The IPC channel of a call; main registers one handler per call on it. */
export const callChannel = (name: CallName): string => `koppel:call:${name}`;
/** The IPC channel of an event stream. */
export const eventChannel = (name: EventName): string => `koppel:event:${name}`;
