import type { MplusOperationName, WireOperations } from '../../generated/operations';
import type { SyncIndex } from '../state/sync-index';
import type { TwinState } from '../state/twin-state';

/** What every operation handler gets: the state and the clock. Handlers are synchronous, so each call is atomic. */
export interface HandlerContext {
  readonly state: TwinState;
  now(): number;
}

export type OperationHandler<K extends MplusOperationName> = (
  ctx: HandlerContext,
  request: WireOperations[K]['request'],
) => WireOperations[K]['response'];

export type OperationHandlers = { [K in MplusOperationName]: OperationHandler<K> };

/**
 * Records in syncMarker order from an inclusive lower bound, filtered, up to `limit` (the
 * syncMarkerLimit; unlimited when absent).
 */
export function syncPage<K, T>(
  index: SyncIndex<K>,
  syncMarker: number | undefined,
  limit: number | undefined,
  lookup: (key: K) => T | undefined,
  keep: (record: T) => boolean = () => true,
): T[] {
  const out: T[] = [];
  const max = limit !== undefined && limit > 0 ? limit : Infinity;
  for (const key of index.from(syncMarker ?? 0)) {
    const record = lookup(key);
    if (record === undefined || !keep(record)) continue;
    out.push(record);
    if (out.length >= max) break;
  }
  return out;
}

/** A filter on a repeated request element: empty or absent means "no filter". */
export function setFilter<T>(
  values: readonly T[] | undefined,
): ((value: T | undefined) => boolean) | undefined {
  if (!values || values.length === 0) return undefined;
  const set = new Set(values);
  return (value) => value !== undefined && set.has(value);
}
