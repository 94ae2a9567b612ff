import type { JsonValue } from '../../../../shared/flow/json';
import type { SourceContext, SourcePage, SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { pageSizeFor } from '../../steps/support/source-support';

export interface SyncLoop<T> {
  /** The first syncMarker to request (inclusive lower bound). */
  readonly start: number;
  fetch(syncMarker: number, limit: number): Promise<T[]>;
  /** Every syncMarker an item carries (a product: those of its articles). */
  markers(item: T): number[];
  /** The flow records of a page's items, in marker order; `resume` is each item's cursor. */
  records(items: readonly T[], resume: (index: number) => JsonValue): Promise<SourceRecord[]>;
  /** The stored cursor for "request from this marker next". */
  cursor(next: number): JsonValue;
}

/**
 * syncMarker paging as the MplusKASSA tutorial describes it: request from the stored marker
 * (inclusive), sort the page by marker, checkpoint each record with "resume from the lowest marker
 * not yet done", and request past the page's highest marker until a page comes back empty. Each
 * request runs under the flow's retry policy.
 */
export async function* syncLoop<T>(
  ctx: SourceContext<{ pageSize: number }>,
  loop: SyncLoop<T>,
): AsyncGenerator<SourcePage> {
  let syncMarker = loop.start;
  let read = 0;
  for (;;) {
    const limit = pageSizeFor(ctx.config.pageSize, ctx.limit, read);
    const items = await ctx.retry(() => api(() => loop.fetch(syncMarker, limit)));
    if (items.length === 0) return;
    const rows = items
      .map((item) => {
        const markers = loop.markers(item);
        return { item, min: Math.min(...markers), max: Math.max(...markers) };
      })
      .filter((row) => Number.isFinite(row.min))
      .sort((a, b) => a.min - b.min || a.max - b.max);
    if (rows.length === 0) return;
    const next = Math.max(...rows.map((row) => row.max)) + 1;
    // Resume at the lowest marker of the items still to do; after the last one, past the page.
    const resume: number[] = new Array<number>(rows.length);
    let lowest = next;
    for (let index = rows.length - 1; index >= 0; index--) {
      resume[index] = lowest;
      lowest = Math.min(lowest, rows[index]?.min ?? lowest);
    }
    const records = await loop.records(
      rows.map((row) => row.item),
      (index) => loop.cursor(resume[index] ?? next),
    );
    read += records.length;
    yield { records, checkpoint: loop.cursor(next) };
    if (next <= syncMarker) return;
    syncMarker = next;
  }
}
