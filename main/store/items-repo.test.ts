import { afterEach, describe, expect, it } from 'vitest';
import { insertTestRun, temporaryStore, testItem } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('ItemsRepo.writtenFrom', () => {
  it('answers what real runs wrote from a source record, newest first, and through the key index', async () => {
    const { store, cleanup } = temporaryStore();
    cleanups.push(cleanup);
    const key = 'teamleader:invoice:9f1c';
    const written = (runId: string, overrides: Parameters<typeof testItem>[2]) => {
      const writer = insertTestRun(store, runId, { dryRun: runId === 'dry' });
      writer.saveItem(testItem(store, runId, { key, status: 'succeeded', ...overrides }));
      return writer.commit();
    };
    await written('first', { targetIds: { orderId: 'a1' }, orderNumber: '2026 / 7' });
    // Neither a dry run's "would write", a failed write, a skip, nor another record's write counts.
    await written('dry', { targetIds: { orderId: 'dry-1' } });
    await written('failed', { status: 'failed', targetIds: null });
    await written('skipped', { status: 'skipped', targetIds: null });
    await written('other', { key: 'teamleader:invoice:0000', targetIds: { orderId: 'b2' } });
    await written('again', { targetIds: { orderId: 'a1' }, action: 'updated' });

    expect(store.items.writtenFrom(key)).toEqual([
      { runId: 'again', targetIds: { orderId: 'a1' }, businessKeys: {} },
      { runId: 'first', targetIds: { orderId: 'a1' }, businessKeys: { orderNumber: '2026 / 7' } },
    ]);
    expect(store.items.writtenFrom('teamleader:invoice:none')).toEqual([]);
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM items WHERE item_key = 'x' AND status = 'succeeded'
         AND target_ids IS NOT NULL AND run_id IN (SELECT id FROM runs WHERE dry_run = 0)`,
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX items_by_key/);
  });
});
