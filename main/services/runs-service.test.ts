import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import type { CallName, CallOutput } from '../../shared/api/contract';
import type { RunEventBatch } from '../../shared/flow/run-events';
import { testWaiting } from '../store/testing';
import { appFixture, type AppFixture } from '../engine/testing/app-fixture';
import { memoryFlow, sampleOrders } from '../engine/testing/memory-flow';
import { holdCreates } from '../engine/testing/held-creates';

const fixtures: AppFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.cleanup();
});

async function setup() {
  const fixture = await appFixture();
  fixtures.push(fixture);
  const call = async <K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> => {
    const result = await fixture.app.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.output as CallOutput<K>;
  };
  const finished = (runId: string) =>
    new Promise<void>((resolve) => {
      const check = () => fixture.app.ctx.sync.store.runs.get(runId)?.status !== 'running';
      if (check()) return resolve();
      const off = fixture.app.ctx.bus.on('runs.events', (batch) => {
        if (batch.runId === runId && batch.events.some((event) => event.type === 'runFinished')) {
          off();
          resolve();
        }
      });
    });
  return { ...fixture, call, finished };
}

const strict = memoryFlow({
  id: 'orders',
  transforms: [
    { kind: 'core.transform.validate', id: 'check', config: { rules: [{ path: 'sku', rule: 'numeric' }] } },
  ],
});

/** The strict flow run over two good orders and one whose SKU is not a number: that one fails. */
async function runWithOneBadOrder() {
  const fixture = await setup();
  fixture.system.seed('orders', [...sampleOrders(2), { id: 'bad', orderNumber: 'ORD-BAD', sku: 'X-1' }]);
  await fixture.call('flows.save', { flow: strict });
  const { runId } = await fixture.call('runs.start', { flowId: 'orders' });
  await fixture.finished(runId);
  return { ...fixture, runId };
}

describe('runs.*', () => {
  it('starts a run, streams its events in batches, and lists, gets and pages it', async () => {
    const { call, finished, system, app } = await setup();
    system.seed('orders', sampleOrders(30));
    await call('flows.save', { flow: memoryFlow({ id: 'orders' }) });
    const batches: RunEventBatch[] = [];
    app.ctx.bus.on('runs.events', (batch) => batches.push(batch));
    const { runId } = await call('runs.start', { flowId: 'orders' });
    await finished(runId);

    const events = batches.filter((batch) => batch.runId === runId).flatMap((batch) => batch.events);
    expect(events[0]?.type).toBe('runStarted');
    expect(events.at(-1)?.type).toBe('runFinished');
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));

    const { run } = await call('runs.get', { runId });
    expect(run).toMatchObject({
      status: 'succeeded',
      counts: { total: 30, succeeded: 30 },
      trigger: 'manual',
    });
    expect((await call('runs.list', { flowId: 'orders' })).runs.map((listed) => listed.id)).toEqual([runId]);
    const page = await call('runs.items', { runId, limit: 10, offset: 10 });
    expect(page.total).toBe(30);
    expect(page.items[0]?.key).toBe('memory:orders:o11');
    const stored = await call('runs.events', { runId, afterSeq: 2, limit: 3 });
    expect(stored.events.map((event) => event.seq)).toEqual([3, 4, 5]);
    expect(stored).toMatchObject({ finished: true, lastSeq: events.length });
    const detail = await call('runs.item', { itemId: page.items[0]?.id });
    expect(detail.source).toMatchObject({ orderNumber: 'ORD-1011' });
    expect((await call('flows.list', {})).flows[0]?.lastRun?.id).toBe(runId);
  });

  it("exports a run's records as the run page's CSV file, in the language asked for", async () => {
    const { call, runId } = await runWithOneBadOrder();
    const failed = await call('runs.recordsCsv', { runId, status: 'failed', language: 'nl' });
    expect(failed.records).toBe(1);
    expect(failed.fileName).toMatch(/^Memory flow \d{4}-\d\d-\d\d \d\d\.\d\d mislukt\.csv$/);
    const lines = failed.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Ordernummer;E-mail;SKU;Record;Status;/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ORD-BAD;.*;Mislukt;/);
    const all = await call('runs.recordsCsv', { runId, language: 'en' });
    expect(all.records).toBe(3);
    expect(all.text.trim().split('\r\n')).toHaveLength(4);
    await expect(call('runs.recordsCsv', { runId: 'gone', language: 'en' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('finds records by order number across runs and retries the failed ones', async () => {
    const { call, finished, runId } = await runWithOneBadOrder();
    const found = await call('runs.search', { text: 'ORD-BAD' });
    expect(found.items).toEqual([expect.objectContaining({ runId, status: 'failed', nodeId: 'check' })]);
    // Not retried yet: what fails now is what failed as it ran.
    expect(await call('runs.get', { runId })).toMatchObject({ retries: [], failedByNode: { check: 1 } });

    // Fix the flow, then retry.
    const current = (await call('flows.get', { id: 'orders' })).flow;
    const relaxed = {
      ...current,
      nodes: current.nodes.map((node) =>
        node.id === 'check' ? { ...node, config: { rules: [{ path: 'sku', rule: 'required' }] } } : node,
      ),
    };
    await call('flows.save', { flow: relaxed });
    const retry = await call('runs.retry', { runId });
    await finished(retry.runId);
    expect((await call('runs.get', { runId: retry.runId })).run).toMatchObject({
      trigger: 'retry',
      parentRunId: runId,
      counts: { succeeded: 1 },
    });
    const original = await call('runs.get', { runId });
    expect(original.run.counts).toMatchObject({ failed: 0, succeeded: 3 });
    expect(original).toMatchObject({ retries: [retry.runId], failedByNode: {} });
    const error = await fixtures[0]?.app.dispatch('runs.retry', { runId });
    expect(error).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: `Run ${runId} has no failed records to retry.` },
    });
    expect(error?.ok === false && apiMessageIn(error.error, 'nl')).toBe(
      `Run ${runId} heeft geen mislukte records om opnieuw te proberen.`,
    );
  });

  it('counts a record that failed again on retry once among the most frequent errors', async () => {
    const { call, finished, runId } = await runWithOneBadOrder();
    // Retried without fixing the flow: it fails again, at the same node.
    const retry = await call('runs.retry', { runId });
    await finished(retry.runId);
    expect((await call('runs.get', { runId: retry.runId })).run.counts).toMatchObject({ failed: 1 });
    expect(await call('runs.get', { runId })).toMatchObject({
      retries: [retry.runId],
      failedByNode: { check: 1 },
    });
    const stats = await call('runs.stats', { days: 7 });
    expect(stats.topErrors).toEqual([expect.objectContaining({ nodeId: 'check', count: 1 })]);
    // The record's log is looked up in both runs, the first one first, from either run's item.
    const store = fixtures[0]?.app.ctx.sync.store;
    const [first] = (await call('runs.items', { runId, status: 'failed', limit: 5, offset: 0 })).items;
    const [again] = (await call('runs.items', { runId: retry.runId, limit: 5, offset: 0 })).items;
    if (!store || !first || !again) throw new Error('the failed record and its retry');
    for (const id of [first.id, again.id]) {
      expect(store.items.keyAndRuns(id)).toEqual({ key: 'memory:orders:bad', runIds: [runId, retry.runId] });
    }
    expect(await call('runs.itemLog', { itemId: again.id })).toEqual({ lines: [] });
    expect(await fixtures[0]?.app.dispatch('runs.itemLog', { itemId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(stats.days.at(-1)).toMatchObject({ succeeded: 2, failed: 1 });
  });

  it('answers conflict for a flow that is already running, and cancels', async () => {
    const { call, finished, system, app } = await setup();
    system.seed('orders', sampleOrders(5));
    let release: (() => void) | undefined;
    system.hooks.before = (operation) =>
      operation === 'read' ? new Promise<void>((resolve) => (release = resolve)) : undefined;
    await call('flows.save', { flow: memoryFlow({ id: 'orders' }) });
    const { runId } = await call('runs.start', { flowId: 'orders' });
    const second = await app.dispatch('runs.start', { flowId: 'orders' });
    const holder = app.ctx.sync.store.locks.holder('orders');
    if (second.ok || !holder) throw new Error('the second start should have met the first run’s lock');
    expect(second.error).toMatchObject({
      code: 'conflict',
      message: `Flow orders is already running (run ${runId}, process ${holder.pid} on ${holder.host}); a flow never runs twice at once.`,
      detail: { runId },
    });
    expect(apiMessageIn(second.error, 'nl')).toBe(
      `Flow orders draait al (run ${runId}, proces ${holder.pid} op ${holder.host}); een flow draait nooit twee keer tegelijk.`,
    );
    expect(await call('runs.cancel', { runId })).toEqual({ cancelled: true });
    system.hooks = {};
    release?.();
    await finished(runId);
    expect((await call('runs.get', { runId })).run.status).toBe('cancelled');
  });

  it('leaves the records a cancel stopped out of the failures per day and the most frequent errors', async () => {
    const { call, finished, system } = await runWithOneBadOrder();
    system.seed('orders', sampleOrders(6).slice(3));
    // Three writes are under way when the run is cancelled; they end as a cancelled call does.
    const writes = holdCreates(system);
    const { runId } = await call('runs.start', { flowId: 'orders' });
    await vi.waitFor(() => expect(writes.holding).toBe(3));
    await call('runs.cancel', { runId });
    writes.abort();
    await finished(runId);
    const cancelled = await call('runs.get', { runId });
    expect(cancelled.run).toMatchObject({ status: 'cancelled', counts: { failed: 3 }, stopped: 3 });
    // Still there to retry, in their run; not counted as errors, and told apart on its screens.
    expect(cancelled.failedByNode).toEqual({ target: 3 });
    expect(cancelled.stoppedByNode).toEqual({ target: 3 });
    const { runs } = await call('runs.list', {});
    expect(runs.map((run) => [run.status, run.counts.failed, run.stopped])).toEqual([
      ['cancelled', 3, 3],
      ['failed', 1, undefined],
    ]);
    expect((await call('runs.get', { runId: runs[1]?.id ?? '' })).stoppedByNode).toEqual({});
    const stats = await call('runs.stats', { days: 7 });
    expect(stats.topErrors).toEqual([expect.objectContaining({ nodeId: 'check', count: 1 })]);
    expect(stats.days.at(-1)).toMatchObject({ succeeded: 2, failed: 1 });
  });

  it('says in Dutch too which run or record is missing, and what cannot be retried', async () => {
    const { app, runId } = await runWithOneBadOrder();
    const failure = async (name: CallName, input: unknown) => {
      const result = await app.dispatch(name, input);
      if (result.ok) throw new Error(`${name} should have failed`);
      return result.error;
    };
    const noRun = await failure('runs.get', { runId: 'ghost' });
    expect(noRun).toMatchObject({ code: 'not_found', message: 'There is no run ghost.' });
    expect(apiMessageIn(noRun, 'nl')).toBe('Er is geen run ghost.');
    expect(apiMessageIn(await failure('runs.events', { runId: 'ghost' }), 'nl')).toBe(
      'Er is geen run ghost.',
    );
    expect(apiMessageIn(await failure('runs.retry', { runId: 'ghost' }), 'nl')).toBe('Er is geen run ghost.');

    const noRecord = await failure('runs.item', { itemId: 987654 });
    expect(noRecord).toMatchObject({ code: 'not_found', message: 'There is no record 987654.' });
    expect(apiMessageIn(noRecord, 'nl')).toBe('Er is geen record 987654.');

    const unknownKey = await failure('runs.retry', { runId, itemKey: 'memory:orders:nope' });
    expect(unknownKey.message).toBe(`Run ${runId} has no record memory:orders:nope.`);
    expect(apiMessageIn(unknownKey, 'nl')).toBe(`Run ${runId} heeft geen record memory:orders:nope.`);

    const good = await failure('runs.retry', { runId, itemKey: 'memory:orders:o1' });
    expect(good).toMatchObject({
      code: 'conflict',
      message: `Record memory:orders:o1 did not fail in run ${runId} (it is succeeded).`,
    });
    expect(apiMessageIn(good, 'nl')).toBe(
      `Record memory:orders:o1 is niet mislukt in run ${runId} (status: succeeded).`,
    );
  });

  it('dry-runs an unsaved flow, counts stats per day and erases a customer', async () => {
    const { call, finished, system } = await setup();
    system.seed('orders', sampleOrders(4));
    const dry = await call('runs.start', { flow: memoryFlow({ id: 'draft' }), dryRun: true });
    await finished(dry.runId);
    expect(system.list('invoices')).toHaveLength(0);
    await call('flows.save', { flow: strict });
    const real = await call('runs.start', { flowId: 'orders' });
    await finished(real.runId);
    const stats = await call('runs.stats', { days: 7 });
    expect(stats.days).toHaveLength(7);
    expect(stats.days.at(-1)).toMatchObject({ succeeded: 4, failed: 0 });
    expect(await call('runs.erase', { email: 'customer2@example.com' })).toMatchObject({ itemsErased: 2 });
  });

  it('lists the records waiting for another record, with their last record page, and lets one go', async () => {
    const { call, runId, app } = await runWithOneBadOrder();
    const { store } = app.ctx.sync;
    const item = store.items.byKey(runId, 'memory:orders:bad');
    if (!item) throw new Error('no item of the bad order');
    const writer = store.writer(runId, { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const since = Date.parse('2026-11-20T08:00:00.000Z');
    writer.putWaiting({
      ...testWaiting('bad', { flowId: 'orders', nodeId: 'source', at: since, itemId: item.id }),
      key: { system: 'memory', entity: 'orders', id: 'bad' },
      record: { id: 'bad', orderNumber: 'ORD-BAD' },
      businessKeys: { orderNumber: 'ORD-BAD' },
    });
    await writer.commit();
    expect(await call('runs.waiting', {})).toEqual({
      records: [
        {
          flowId: 'orders',
          itemKey: 'memory:orders:bad',
          businessKeys: { orderNumber: 'ORD-BAD' },
          reasons: [{ code: 'mplusOrderMissing', params: { reference: 'bad' } }],
          since: '2026-11-20T08:00:00.000Z',
          checkedAt: '2026-11-20T08:00:00.000Z',
          lastItem: { runId, itemId: item.id },
        },
      ],
      waitingDays: 14,
    });
    expect((await call('runs.waiting', { flowId: 'other' })).records).toEqual([]);
    expect(await call('runs.stopWaiting', { flowId: 'orders', itemKey: 'memory:orders:bad' })).toEqual({
      stopped: 1,
    });
    expect((await call('runs.waiting', {})).records).toEqual([]);
    expect(await call('runs.stopWaiting', { flowId: 'orders', itemKey: 'memory:orders:bad' })).toEqual({
      stopped: 0,
    });
    await expect(call('runs.stopWaiting', { itemKey: 'memory:orders:bad' })).rejects.toThrow(
      /A record key needs its flowId/,
    );
  });
});
