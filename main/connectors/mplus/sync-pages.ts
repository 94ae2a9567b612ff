import { runMessage } from '../../../shared/flow/run-messages';
import { MplusProtocolError } from './errors';

/**
 * syncMarker paging as the tutorial describes it: every create or change gives a record the next
 * marker of its family; a request's `syncMarker` is an inclusive lower bound and `syncMarkerLimit`
 * caps the page. Pages carry cursors an engine can checkpoint: never past a record it has not done.
 */

export interface SyncRecord<T> {
  readonly record: T;
  /** The record's highest syncMarker. */
  readonly syncMarker: number;
  /**
   * The syncMarker to request next once this record and every record before it in the page are
   * done. It never skips an unfinished record; it may repeat finished ones (process idempotently).
   */
  readonly resumeSyncMarker: number;
}

export interface SyncPage<T> {
  /** Sorted so that per-record resume cursors only move forward. */
  readonly records: readonly SyncRecord<T>[];
  /** The syncMarker this page was requested with. */
  readonly syncMarker: number;
  /** Highest marker in the page + 1: the cursor once the whole page is done. */
  readonly nextSyncMarker: number;
}

export interface SyncIterateOptions {
  /** Inclusive lower bound; the stored cursor. Default 0: everything. */
  syncMarker?: number;
  /** syncMarkerLimit per request (products: articles). Default 500. */
  limit?: number;
  signal?: AbortSignal;
}

export interface SyncSource<T> {
  readonly operation: string;
  fetch(syncMarker: number, limit: number, signal?: AbortSignal): Promise<T[]>;
  /** Every syncMarker a record carries (a product: those of its articles). */
  markers(record: T): number[];
}

function pageOf<T>(source: SyncSource<T>, records: T[], syncMarker: number): SyncPage<T> {
  const rows = records.map((record, index) => {
    const markers = source.markers(record);
    if (markers.length === 0) {
      throw new MplusProtocolError(
        runMessage('mplusPageWithoutSyncMarker', { operation: source.operation, index }),
        source.operation,
      );
    }
    return { record, min: Math.min(...markers), max: Math.max(...markers) };
  });
  rows.sort((a, b) => a.min - b.min || a.max - b.max);
  const nextSyncMarker = Math.max(...rows.map((row) => row.max)) + 1;
  // Resume at the lowest marker of the records still to do; after the last one, past the page.
  const suffixMin: number[] = new Array<number>(rows.length);
  let lowest = nextSyncMarker;
  for (let i = rows.length - 1; i >= 0; i--) {
    suffixMin[i] = lowest;
    lowest = Math.min(lowest, rows[i]?.min ?? lowest);
  }
  return {
    syncMarker,
    nextSyncMarker,
    records: rows.map((row, i) => ({
      record: row.record,
      syncMarker: row.max,
      resumeSyncMarker: suffixMin[i] ?? nextSyncMarker,
    })),
  };
}

/** Pages until the server returns fewer units than the limit. */
export async function* iterateSyncPages<T>(
  source: SyncSource<T>,
  options: SyncIterateOptions = {},
): AsyncGenerator<SyncPage<T>, void, undefined> {
  const limit = options.limit ?? 500;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let syncMarker = options.syncMarker ?? 0;
  for (;;) {
    const records = await source.fetch(syncMarker, limit, options.signal);
    if (records.length === 0) return;
    const page = pageOf(source, records, syncMarker);
    if (page.nextSyncMarker <= syncMarker) {
      throw new MplusProtocolError(
        runMessage('mplusSyncMarkerStuck', { operation: source.operation, marker: syncMarker }),
        source.operation,
      );
    }
    yield page;
    const units = records.reduce((sum, record) => sum + source.markers(record).length, 0);
    if (units < limit) return;
    syncMarker = page.nextSyncMarker;
  }
}
