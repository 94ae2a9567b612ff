import { describe, expect, it } from 'vitest';
import type { SourcePage } from '../../../engine/executor';
import { updatedSinceWindow, type WindowItem } from './window';

const items: WindowItem[] = Array.from({ length: 10 }, (_, index) => ({
  id: `inv-${index}`,
  updated_at: `2026-11-0${1 + (index % 3)}T09:00:00+00:00`,
}));

/** Reads the window like the engine: stops pulling once `limit` records came. */
async function read(limit: number | null, keep: (id: string) => boolean = () => true) {
  const enriched: string[] = [];
  const pages: SourcePage[] = [];
  let taken = 0;
  const window = updatedSinceWindow(
    { limit, retry: (work) => work() },
    {
      cursor: null,
      startFrom: undefined,
      pageSize: 4,
      list: async function* () {
        yield* items;
      },
      wrap: (cursor) => cursor,
      records: async (page, checkpoint) => {
        enriched.push(...page.map((item) => item.id ?? ''));
        return page
          .map((item, index) => ({
            key: { system: 'teamleader', entity: 'invoice', id: item.id ?? '' },
            data: {},
            checkpoint: checkpoint(index),
          }))
          .filter((record) => keep(record.key.id));
      },
    },
  );
  for await (const page of window) {
    pages.push(page);
    taken += page.records.length;
    if (limit !== null && taken >= limit) break;
  }
  return { enriched, pages };
}

describe('Teamleader updated_since window', () => {
  it('hands every item in updated_at order, a page at a time', async () => {
    const { enriched, pages } = await read(null);
    expect(enriched).toHaveLength(10);
    expect(pages.map((page) => page.records.length)).toEqual([4, 4, 2]);
    expect(enriched.slice(0, 4)).toEqual(['inv-0', 'inv-3', 'inv-6', 'inv-9']);
  });

  it('reads no more items than the run takes (each one costs info calls)', async () => {
    const { enriched } = await read(3);
    expect(enriched).toEqual(['inv-0', 'inv-3', 'inv-6']);
  });

  it('reads on when the filter left records out, until the run has its amount', async () => {
    const { enriched, pages } = await read(3, (id) => id !== 'inv-3');
    expect(pages.flatMap((page) => page.records.map((record) => record.key.id))).toEqual([
      'inv-0',
      'inv-6',
      'inv-9',
    ]);
    expect(enriched).toEqual(['inv-0', 'inv-3', 'inv-6', 'inv-9']);
  });
});
