import { afterEach, describe, expect, it } from 'vitest';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
import { skipReason } from '../../shared/flow/skip-reasons';
import { insertTestRun, temporaryStore, testItem } from '../store/testing';
import { EarlierFailures } from './earlier-failures';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';

const cleanups: (() => void)[] = [];
function setup(): EngineFixture {
  const fixture = engineFixture();
  cleanups.push(fixture.cleanup);
  return fixture;
}
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const badGateway = () => Object.assign(new Error('Bad Gateway'), { status: 503 });

describe('earlier failures settled by a later run', () => {
  it('a record that failed and went through in the next run no longer reads failing in the run it failed in', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(5));
    const flaky = new Set(['ORD-1002', 'ORD-1004']);
    system.hooks.before = (operation, _entity, data) => {
      if (operation === 'create' && flaky.has(String(data?.orderNumber))) throw badGateway();
    };
    const flow = memoryFlow({ settings: { retry: { attempts: 1 }, concurrency: 1 } });
    const first = await engine.run({ flow, trigger: 'manual' });
    expect(first.counts).toMatchObject({ succeeded: 3, failed: 2 });
    // One of the two fails again in the second run, and once more in a dry run (which settles nothing).
    flaky.delete('ORD-1002');
    const second = await engine.run({ flow, trigger: 'manual' });
    expect(second.counts).toMatchObject({ succeeded: 1, failed: 1 });
    const firstItems = store.items.list(first.runId, { limit: 10, offset: 0 }).items;
    const fixed = firstItems.find((item) => item.businessKeys.orderNumber === 'ORD-1002');
    expect(fixed).toMatchObject({
      status: 'succeeded',
      reason: `retried in run ${second.runId}`,
      reasons: [{ code: 'retriedIn', params: { runId: second.runId } }],
      targetIds: { id: expect.any(String) },
      attempts: 1,
    });
    // Its run's counts follow; the record still failing stays failed in both runs.
    expect(store.runs.get(first.runId)).toMatchObject({ counts: { total: 5, succeeded: 4, failed: 1 } });
    expect(firstItems.find((item) => item.businessKeys.orderNumber === 'ORD-1004')?.status).toBe('failed');

    await engine.run({ flow, trigger: 'manual', dryRun: true });
    flaky.clear();
    const third = await engine.run({ flow, trigger: 'manual' });
    expect(third.counts).toMatchObject({ succeeded: 1, failed: 0 });
    // Both earlier failures of ORD-1004 are settled by the third run; nothing fails any more.
    for (const runId of [first.runId, second.runId]) {
      expect(store.items.failed(runId)).toEqual([]);
      expect(store.runs.get(runId)?.counts.failed).toBe(0);
    }
    expect(system.list('invoices')).toHaveLength(5);
  });

  it('a record that fails again leaves its earlier failure as it was', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(2));
    system.hooks.before = (operation) => {
      if (operation === 'create') throw badGateway();
    };
    const flow = memoryFlow({ settings: { retry: { attempts: 1 }, concurrency: 1 } });
    const first = await engine.run({ flow, trigger: 'manual' });
    expect(first.counts.failed).toBe(2);
    const again = await engine.run({ flow, trigger: 'manual' });
    expect(again.counts.failed).toBe(2);
    expect(store.items.failed(first.runId)).toHaveLength(2);
    expect(store.runs.get(first.runId)?.counts.failed).toBe(2);
  });

  it('a record that now waits for another record leaves its earlier failure; one that goes through settles it', async () => {
    const { store, cleanup } = temporaryStore();
    cleanups.push(cleanup);
    const flow = sampleFlow();
    const key = 'teamleader:invoice:paid-1';
    const first = insertTestRun(store, 'first');
    const failed = testItem(store, 'first', { key, status: 'failed', attempts: 3, reason: 'Bad Gateway' });
    first.saveItem(failed);
    await first.commit();

    const later = insertTestRun(store, 'later');
    const earlier = new EarlierFailures({ store, flowId: flow.id, dryRun: false }, later);
    const waits = testItem(store, 'later', {
      key,
      status: 'skipped',
      reasons: [skipReason('mplusOrderMissing', { reference: 'paid-1' })],
    });
    earlier.settle(waits);
    earlier.settle(testItem(store, 'later', { key, status: 'failed' }));
    await later.commit();
    expect(store.items.failed('first').map((item) => item.id)).toEqual([failed.id]);
    expect(earlier.settledRuns().size).toBe(0);

    earlier.settle(testItem(store, 'later', { key, status: 'succeeded', targetIds: { orderId: 'o-9' } }));
    await later.commit();
    expect(store.items.failed('first')).toEqual([]);
    expect(store.items.detail(failed.id)).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect([...earlier.settledRuns()]).toEqual(['first']);
  });
});
