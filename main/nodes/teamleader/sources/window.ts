import { z } from 'zod';
import type { JsonValue } from '../../../../shared/flow/json';
import type { SourceContext, SourcePage, SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';

/** Where an updated_since source stands: the last `updated_at` done, and the ids done at that instant. */
export const WindowCursor = z.object({ updatedSince: z.string(), doneIds: z.array(z.string()) });
export type WindowCursor = z.infer<typeof WindowCursor>;

export function windowCursorOf(value: unknown): WindowCursor | null {
  const parsed = WindowCursor.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface WindowItem {
  id?: string;
  updated_at?: string | null;
}

export interface UpdatedSinceWindow<Item extends WindowItem> {
  readonly cursor: WindowCursor | null;
  /** `YYYY-MM-DD`: where a first run starts. */
  readonly startFrom: string | undefined;
  readonly pageSize: number;
  /** Every item changed at or after `updatedSince` (the API's filter is inclusive; some lists have none). */
  list(updatedSince: string | undefined): AsyncIterable<Item>;
  /** The flow records of a page of items (info calls, conversions, filters). */
  records(items: readonly Item[], checkpoint: (index: number) => JsonValue): Promise<SourceRecord[]>;
  /** How this window's cursor is stored (sources reading two lists nest it). */
  wrap(cursor: WindowCursor): JsonValue;
}

const instant = (text: string): number => Date.parse(text);

/**
 * Teamleader's incremental read: list the window (updated_since is inclusive and the order of
 * most lists is unspecified), sort it by `updated_at` and id, leave out what the last run already
 * did at its last instant, and hand it on page by page with a cursor per record. Records changed
 * at the same instant are told apart by id, so none is read twice or skipped.
 */
export async function* updatedSinceWindow<Item extends WindowItem>(
  ctx: Pick<SourceContext<unknown>, 'retry' | 'limit'>,
  window: UpdatedSinceWindow<Item>,
): AsyncGenerator<SourcePage> {
  const since =
    window.cursor?.updatedSince ?? (window.startFrom ? `${window.startFrom}T00:00:00+00:00` : undefined);
  const sinceAt = since === undefined ? -Infinity : instant(since);
  const done = new Set(window.cursor?.doneIds ?? []);
  const items = await ctx.retry(() =>
    api(async () => {
      const all: Item[] = [];
      for await (const item of window.list(since)) all.push(item);
      return all;
    }),
  );
  const fresh = items
    .filter((item): item is Item & { id: string; updated_at: string } => Boolean(item.id && item.updated_at))
    .filter((item) => {
      const at = instant(item.updated_at);
      return at > sinceAt || (at === sinceAt && !done.has(item.id));
    })
    .sort((a, b) => instant(a.updated_at) - instant(b.updated_at) || a.id.localeCompare(b.id));
  // Each record's cursor: its instant, with every id done at that instant so far.
  const checkpoints: JsonValue[] = [];
  let currentAt = sinceAt;
  let currentText = since ?? '';
  let ids = [...done];
  for (const item of fresh) {
    const at = instant(item.updated_at);
    if (at !== currentAt) {
      currentAt = at;
      currentText = item.updated_at;
      ids = [];
    }
    ids.push(item.id);
    checkpoints.push(window.wrap({ updatedSince: currentText, doneIds: [...ids] }));
  }
  // Pages are cut to what the run still takes (its amount per run or --limit): each record costs
  // info calls against a limit of 200 a minute, so none is read that the run will not use.
  let handed = 0;
  for (let offset = 0; offset < fresh.length;) {
    const room = ctx.limit === null ? window.pageSize : Math.min(window.pageSize, ctx.limit - handed);
    const page = fresh.slice(offset, offset + Math.max(1, room));
    const records = await window.records(page, (index) => checkpoints[offset + index] ?? null);
    handed += records.length;
    const checkpoint = checkpoints[offset + page.length - 1];
    yield { records, ...(checkpoint === undefined ? {} : { checkpoint }) };
    offset += page.length;
  }
}

/** Only what the window needs of list items (lists of different entities then share one type). */
export async function* slim(
  items: AsyncIterable<WindowItem & { status?: string | null }>,
): AsyncGenerator<WindowItem & { status?: string }> {
  for await (const item of items) {
    yield {
      ...(item.id ? { id: item.id } : {}),
      ...(item.updated_at ? { updated_at: item.updated_at } : {}),
      ...(item.status ? { status: item.status } : {}),
    };
  }
}
