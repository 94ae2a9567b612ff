import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/flow/json';
import type { RunEvent } from '../../shared/flow/run-events';
import type { RunCounts } from '../../shared/flow/run-records';
import { messageFields, messageIn, runMessage } from '../../shared/flow/run-messages';
import { skipReason } from '../../shared/flow/skip-reasons';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
import { CONTAINS_SQL, type ItemRecord } from './items-repo';
import { schemaSteps } from './schema';
import { FlowBusyError, Store } from './store';
import { beginTestRun, insertTestRun, temporaryStore, testItem, testWaiting } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function open(options?: Parameters<typeof temporaryStore>[0]) {
  const handle = temporaryStore(options);
  cleanups.push(handle.cleanup);
  return handle;
}

/** This process's open descriptors of `file` (Linux: /proc). */
function openDescriptors(file: string): number {
  return fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('Store', () => {
  it("opens the writer thread's connection on warmUp, before any run (Linux: counted in /proc)", async () => {
    const { store, dir } = open();
    const file = fs.realpathSync(path.join(dir, 'koppel.db'));
    const before = openDescriptors(file);
    await store.warmUp();
    expect(openDescriptors(file)).toBeGreaterThan(before);
    // Without a writer thread there is nothing to start.
    const single = open({ writerThread: false });
    await expect(single.store.warmUp()).resolves.toBeUndefined();
  });

  it("reads a run's warnings through the index of log lines: how many, each message once in order, at most max", async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const writer = store.writer('run-1', { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const warn = (message: string, key?: string) =>
      writer.event({ type: 'log', level: 'warn', message, ...(key ? { key } : {}) });
    warn('Category "Koffie" left out.', 'mplus:article:1');
    writer.event({ type: 'log', level: 'info', message: 'Read 3 records.' });
    warn('Category "Koffie" left out.', 'mplus:article:2');
    warn('Stock -1 is below zero.', 'mplus:article:3');
    writer.event({ type: 'log', level: 'error', message: 'Not a warning.' });
    warn('9 % becomes 6 %.');
    await writer.commit();

    const all = store.events.warnings('run-1', 10);
    expect(all.total).toBe(4);
    expect(all.distinct).toBe(3);
    expect(all.lines.map((line) => [line.message, line.key])).toEqual([
      ['Category "Koffie" left out.', 'mplus:article:1'],
      ['Stock -1 is below zero.', 'mplus:article:3'],
      ['9 % becomes 6 %.', undefined],
    ]);
    // At most `max` lines, while the counts still cover the whole run.
    expect(store.events.warnings('run-1', 1)).toMatchObject({ total: 4, distinct: 3 });
    expect(store.events.warnings('run-1', 1).lines).toHaveLength(1);
    expect(store.events.warnings('no-such-run', 5)).toEqual({ total: 0, distinct: 0, lines: [] });
    // The run's summary counts them too (the runs list marks such runs).
    expect(store.runs.get('run-1')?.warnings).toBe(4);
  });

  it("reads the log lines about one record: its key's lines of every level but debug, in order", async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const writer = store.writer('run-1', { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const log = (level: 'debug' | 'info' | 'warn' | 'error', message: string, key?: string) =>
      writer.event({ type: 'log', level, message, ...(key ? { key } : {}) });
    log('warn', '9 % becomes 6 %.', 'mplus:order:1');
    log('warn', '9 % becomes 6 %.', 'mplus:order:2');
    log('info', 'Read 3 records.');
    log('debug', 'Cache hit.', 'mplus:order:1');
    log('error', 'Customer could not be linked.', 'mplus:order:1');
    await writer.commit();

    expect(
      store.events.linesAbout('run-1', 'mplus:order:1').map((line) => [line.level, line.message]),
    ).toEqual([
      ['warn', '9 % becomes 6 %.'],
      ['error', 'Customer could not be linked.'],
    ]);
    expect(store.events.linesAbout('run-1', 'mplus:order:3')).toEqual([]);
    expect(store.events.linesAbout('no-such-run', 'mplus:order:1')).toEqual([]);
  });

  it('commits a batch before handing its events to listeners', async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const counts: RunCounts = { total: 1, succeeded: 0, skipped: 0, failed: 0 };
    const seenInDb: number[] = [];
    const writer = store.writer('run-1', counts, 'full', (events) => {
      // When listeners hear of events, they are already readable from the database.
      seenInDb.push(...store.events.page('run-1', 0, 100).map((event) => event.seq));
      expect(events.map((event) => event.seq)).toEqual([1, 2]);
    });
    const record = testItem(store, 'run-1');
    writer.saveItem(record);
    writer.event({
      type: 'runStarted',
      flowId: 'flow-1',
      flowName: 'Orders',
      flowRevision: 0,
      trigger: 'manual',
      dryRun: false,
      parentRunId: null,
    });
    writer.event({
      type: 'itemStarted',
      itemId: record.id,
      key: record.key,
      nodeId: 'orders',
      businessKeys: {},
      retryOf: null,
    });
    expect(store.events.page('run-1', 0, 10)).toEqual([]);
    await writer.commit();
    expect(seenInDb).toEqual([1, 2]);
    expect(store.runs.get('run-1')?.counts.total).toBe(1);
    expect(store.items.detail(record.id)?.status).toBe('running');
  });

  it('keeps no payloads with metadata-only logging, except a failed input', async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const writer = store.writer(
      'run-1',
      { total: 0, succeeded: 0, skipped: 0, failed: 0 },
      'metadata',
      () => {},
    );
    const ok = testItem(store, 'run-1', {
      status: 'succeeded',
      mapped: { a: 1 },
      input: { a: 1 },
      finishedAt: Date.now(),
    });
    const bad = testItem(store, 'run-1', {
      status: 'failed',
      input: { b: 2 },
      mapped: { b: 2 },
      finishedAt: Date.now(),
    });
    writer.saveItem(ok);
    writer.saveItem(bad);
    await writer.commit();
    expect(store.items.detail(ok.id)).toMatchObject({ source: null, mapped: null, input: null });
    expect(store.items.detail(bad.id)).toMatchObject({ source: null, mapped: null, input: { b: 2 } });
  });

  it('writes runFinished once and releases the lock', async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const counts = { total: 0, succeeded: 0, skipped: 0, failed: 0 };
    const writer = store.writer('run-1', counts, 'full', () => {});
    const outcome = {
      status: 'succeeded' as const,
      counts,
      error: null,
      finishedAt: Date.now(),
      durationMs: 5,
    };
    expect(store.finishRun(writer, 'flow-1', outcome)?.type).toBe('runFinished');
    expect(store.finishRun(writer, 'flow-1', outcome)).toBeUndefined();
    const finished = store.events.page('run-1', 0, 10).filter((event) => event.type === 'runFinished');
    expect(finished).toHaveLength(1);
    expect(store.locks.holder('flow-1')).toBeUndefined();
    expect(store.runs.get('run-1')).toMatchObject({ status: 'succeeded', durationMs: expect.any(Number) });
  });

  it('refuses a second run of a flow while the first is alive, across store instances', () => {
    const { store, dir } = open();
    beginTestRun(store, 'run-1');
    const other = Store.openDataDir(dir);
    cleanups.unshift(() => other.close());
    expect(() => beginTestRun(other, 'run-2')).toThrow(FlowBusyError);
    expect(() => beginTestRun(other, 'run-2')).toThrow(/already running \(run run-1/);
  });

  it('takes over the lock of a dead holder and finishes its run as interrupted', async () => {
    const dead = new Set<number>();
    const { store, dir } = open({
      locks: { isAlive: (_host, pid) => !dead.has(pid) },
      owner: { id: 'a', host: 'h', pid: 1 },
    });
    beginTestRun(store, 'run-1');
    const writer = store.writer('run-1', { total: 1, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const open1 = testItem(store, 'run-1');
    writer.saveItem(open1);
    writer.event({
      type: 'runStarted',
      flowId: 'flow-1',
      flowName: 'Orders',
      flowRevision: 0,
      trigger: 'manual',
      dryRun: false,
      parentRunId: null,
    });
    await writer.commit();

    dead.add(1);
    const next = Store.openDataDir(dir, {
      locks: { isAlive: (_host, pid) => !dead.has(pid) },
      owner: { id: 'b', host: 'h', pid: 2 },
    });
    cleanups.unshift(() => next.close());
    const { recovered } = beginTestRun(next, 'run-2');
    expect(recovered).toMatchObject({ type: 'runFinished', status: 'interrupted', seq: 2, runId: 'run-1' });
    expect(next.runs.get('run-1')).toMatchObject({ status: 'interrupted', counts: { total: 1, failed: 1 } });
    expect(next.items.detail(open1.id)).toMatchObject({ status: 'failed', reason: 'interrupted' });
    expect(next.locks.holder('flow-1')?.runId).toBe('run-2');
  });

  it('treats a stale heartbeat as dead and sweeps abandoned runs at start-up', () => {
    const { store, dir } = open({ locks: { staleAfterMs: 1000 } });
    const start = Date.now() - 10_000;
    beginTestRun(store, 'run-1', { now: start });
    const later = Store.openDataDir(dir, { locks: { staleAfterMs: 1000 } });
    cleanups.unshift(() => later.close());
    const events: RunEvent[] = later.recoverAbandonedRuns();
    expect(events.map((event) => [event.runId, event.type])).toEqual([['run-1', 'runFinished']]);
    expect(later.recoverAbandonedRuns()).toEqual([]);
  });

  it('finds items by business key across runs, e-mail without case', async () => {
    const { store } = open();
    const writer1 = insertTestRun(store, 'run-1');
    const writer2 = insertTestRun(store, 'run-2');
    writer1.saveItem(testItem(store, 'run-1', { orderNumber: 'ORD-1001', email: 'Anna@Example.com' }));
    writer2.saveItem(testItem(store, 'run-2', { orderNumber: 'ORD-1001' }));
    writer2.saveItem(testItem(store, 'run-2', { sku: '4711' }));
    writer2.saveItem(testItem(store, 'run-2', { sku: 'SKU-00002' }));
    await Promise.all([writer1.commit(), writer2.commit()]);
    expect(
      store.items
        .search('ORD-1001', 10)
        .map((found) => found.runId)
        .sort(),
    ).toEqual(['run-1', 'run-2']);
    expect(store.items.search('anna@example.com', 10)).toHaveLength(1);
    expect(store.items.search('ORD-10', 10)).toHaveLength(2);
    expect(store.items.search('4711', 10)[0]?.businessKeys).toEqual({ sku: '4711' });
    // Without case, as typed: order numbers and SKUs like e-mails.
    expect(store.items.search('ord-100', 10)).toHaveLength(2);
    expect(store.items.search('sku-0000', 10)[0]?.businessKeys).toEqual({ sku: 'SKU-00002' });
    // Still through the indexes (a search over many runs must not read every item).
    const plan = store.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM items WHERE sku COLLATE NOCASE >= 'a' AND sku COLLATE NOCASE < 'b'",
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX items_by_sku/);
  });

  it('finds items holding the text anywhere, after exact and leading matches, through the indexes alone', async () => {
    const { store } = open();
    const writer = insertTestRun(store, 'run-1');
    const item = (keys: Partial<ItemRecord>) => {
      const made = testItem(store, 'run-1', keys);
      writer.saveItem(made);
      return made.id;
    };
    const inside = item({ orderNumber: 'O2026-001042' });
    const exact = item({ orderNumber: '1042' });
    const leading = item({ sku: '1042-RED' });
    const mail = item({ email: 'Shop1042@Example.com' });
    const keyed = item({ key: 'mplus:relation:R1042X' });
    item({ orderNumber: 'O2026-001043', sku: 'SKU_1', email: 'other@example.com' });
    await writer.commit();
    // Exact first, then leading, then the rest newest first.
    expect(store.items.search('1042', 10).map((found) => found.id)).toEqual([
      exact,
      leading,
      keyed,
      mail,
      inside,
    ]);
    expect(store.items.search('r1042x', 10).map((found) => found.id)).toEqual([keyed]);
    expect(store.items.search('shop1042@', 10).map((found) => found.id)).toEqual([mail]);
    // The limit holds across both kinds, and the text is text: no wildcards.
    expect(store.items.search('1042', 2).map((found) => found.id)).toEqual([exact, leading]);
    expect(store.items.search('SKU-1', 10)).toEqual([]);
    expect(store.items.search('%', 10)).toEqual([]);
    const plan = (
      store.db.prepare(`EXPLAIN QUERY PLAN ${CONTAINS_SQL}`).all({ needle: 'x' }) as { detail: string }[]
    ).map((step) => step.detail);
    const reads = plan.filter((step) => /^(SCAN|SEARCH) items/.test(step));
    expect(reads).toHaveLength(4);
    for (const read of reads) expect(read).toMatch(/USING COVERING INDEX items_by_(order|email|sku|key)\b/);
  });

  it('deletes old runs with their items and events, keeping the ledger', async () => {
    const { store } = open();
    const old = Date.now() - 40 * 86_400_000;
    const counts = { total: 0, succeeded: 0, skipped: 0, failed: 0 };
    const writer = insertTestRun(store, 'old', { now: old, counts });
    const record = testItem(store, 'old', { status: 'succeeded', finishedAt: old });
    writer.saveItem(record);
    writer.putLedger({
      flowId: 'flow-1',
      nodeId: 'invoices',
      sourceKey: record.key,
      targetIds: { id: 'i-1' },
      payloadHash: 'h',
      at: old,
    });
    writer.event({ type: 'log', level: 'info', message: 'old' }, old);
    await writer.commit();
    store.runs.finish('old', { status: 'succeeded', finishedAt: old, counts, error: null });
    store.runs.insert({
      id: 'new',
      flow: sampleFlow(),
      trigger: 'manual',
      parentRunId: null,
      dryRun: false,
      owner: 'x',
      startedAt: Date.now(),
    });

    expect(store.applyRetention(30).runsDeleted).toBe(1);
    expect(store.runs.get('old')).toBeUndefined();
    expect(store.runs.get('new')).toBeDefined();
    expect(store.items.detail(record.id)).toBeUndefined();
    expect(store.events.page('old', 0, 10)).toEqual([]);
    expect(store.exactlyOnce.ledger('flow-1', 'invoices', record.key)?.targetIds).toEqual({ id: 'i-1' });
    expect(store.lastRetentionAt()).toBeGreaterThan(0);
  });

  it('erases a customer from every stored payload and event', async () => {
    const { store } = open();
    const writer = insertTestRun(store, 'run-1');
    const customer = testItem(store, 'run-1', {
      email: 'jan@voorbeeld.be',
      source: { email: 'jan@voorbeeld.be', name: 'Jan' },
    });
    const order = testItem(store, 'run-1', {
      orderNumber: '77',
      source: { customer: { email: 'JAN@voorbeeld.be' } },
      request: { to: 'jan@voorbeeld.be' },
    });
    const other = testItem(store, 'run-1', { source: { email: 'piet@voorbeeld.be' } });
    for (const record of [customer, order, other]) writer.saveItem(record);
    writer.event({
      type: 'itemStarted',
      itemId: customer.id,
      key: customer.key,
      nodeId: 'orders',
      businessKeys: { email: 'jan@voorbeeld.be' },
      retryOf: null,
    });
    await writer.commit();

    expect(store.eraseByEmail('Jan@Voorbeeld.be')).toEqual({ itemsErased: 2, eventsErased: 1 });
    expect(store.items.detail(customer.id)).toMatchObject({ source: null, erased: true, businessKeys: {} });
    expect(store.items.detail(order.id)).toMatchObject({
      source: null,
      request: null,
      erased: true,
      businessKeys: { orderNumber: '77' },
    });
    expect(store.items.detail(other.id)?.source).toEqual({ email: 'piet@voorbeeld.be' });
    expect(JSON.stringify(store.events.page('run-1', 0, 10))).not.toContain('jan@');
    expect(() => store.eraseByEmail('nobody')).toThrow(/not an e-mail address/);
  });

  it('keeps records waiting for another record, from when they first waited, until dropped, let go or erased', async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const writer = store.writer('run-1', { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const day = 86_400_000;
    const now = Date.now();
    const waiting = (id: string, record: JsonObject, at: number) =>
      testWaiting(id, { flowId: 'flow-1', nodeId: 'status', record, at });
    writer.putWaiting(waiting('a', { status: 'paid' }, now - 20 * day));
    writer.putWaiting(waiting('b', { status: 'paid', email: 'jan@voorbeeld.be' }, now - day));
    writer.putWaiting(waiting('c', { status: 'paid' }, now - day));
    writer.putWaiting({ ...waiting('d', { status: 'paid' }, now), flowId: 'flow-2' });
    await writer.commit();
    // A later put (the record waits on) keeps when it first waited.
    writer.putWaiting(waiting('c', { status: 'paid', amount: 2 }, now));
    writer.dropWaiting('flow-1', 'teamleader:invoice:zzz');
    await writer.commit();
    const ofFlow = () => store.waiting.ofSource('flow-1', 'status');
    expect(ofFlow().map((record) => [record.itemKey, record.since])).toEqual([
      ['teamleader:invoice:a', now - 20 * day],
      ['teamleader:invoice:b', now - day],
      ['teamleader:invoice:c', now - day],
    ]);
    expect(ofFlow()[2]).toMatchObject({
      key: { system: 'teamleader', entity: 'invoice', id: 'c' },
      record: { status: 'paid', amount: 2 },
      businessKeys: { orderNumber: 'c' },
      reasons: [{ code: 'mplusOrderMissing', params: { reference: 'c' } }],
      checkedAt: now,
    });
    writer.dropWaiting('flow-1', 'teamleader:invoice:c');
    await writer.commit();
    // Two weeks of waiting are over for "a"; an erase request takes "b" (its record names her).
    store.applyRetention(30, now);
    expect(store.eraseByEmail('jan@voorbeeld.be').itemsErased).toBe(0);
    expect(ofFlow()).toEqual([]);
    expect(store.waiting.ofSource('flow-2', 'status').map((record) => record.itemKey)).toEqual([
      'teamleader:invoice:d',
    ]);
  });

  it('erases the address from skip reasons, errors and a run error, keeping their other words', async () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const writer = store.writer('run-1', { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    // Their payloads do not name the person: only the texts that explain their outcome do.
    const filtered = testItem(store, 'run-1', {
      status: 'skipped',
      reason: 'filtered out: not email equals Jan@Voorbeeld.be',
      reasons: [skipReason('filteredOut', { path: 'email', operator: 'equals', value: 'Jan@Voorbeeld.be' })],
      finishedAt: Date.now(),
    });
    const failed = testItem(store, 'run-1', {
      status: 'failed',
      error: {
        code: 'conflict',
        message: 'A contact with e-mail jan@voorbeeld.be already exists (jan@voorbeeld.be).',
        transient: false,
      },
      finishedAt: Date.now(),
    });
    const other = testItem(store, 'run-1', {
      status: 'skipped',
      reason: 'filtered out: not email equals piet@voorbeeld.be',
      finishedAt: Date.now(),
    });
    for (const record of [filtered, failed, other]) writer.saveItem(record);
    writer.attempt({
      rootId: failed.id,
      itemId: failed.id,
      runId: 'run-1',
      attempt: 1,
      nodeId: 'orders',
      status: 'failed',
      error: {
        code: 'conflict',
        message: 'A contact with e-mail JAN@voorbeeld.be already exists.',
        transient: false,
      },
      startedAt: Date.now(),
      finishedAt: Date.now(),
    });
    await writer.commit();
    store.runs.finish('run-1', {
      status: 'failed',
      finishedAt: Date.now(),
      counts: { total: 3, succeeded: 0, skipped: 2, failed: 1 },
      error: { code: 'conflict', message: 'Stopped at jan@voorbeeld.be.' },
    });

    expect(store.eraseByEmail('jan@voorbeeld.be')).toEqual({ itemsErased: 2, eventsErased: 0 });
    expect(store.items.detail(filtered.id)).toMatchObject({
      reason: 'filtered out: not email equals [erased]',
      reasons: [{ code: 'filteredOut', params: { path: 'email', operator: 'equals', value: '[erased]' } }],
    });
    const failedDetail = store.items.detail(failed.id);
    expect(failedDetail?.error?.message).toBe('A contact with e-mail [erased] already exists ([erased]).');
    expect(failedDetail?.history.map((attempt) => attempt.error?.message)).toEqual([
      'A contact with e-mail [erased] already exists.',
    ]);
    expect(store.runs.get('run-1')?.error?.message).toBe('Stopped at [erased].');
    expect(store.items.detail(other.id)?.reason).toBe('filtered out: not email equals piet@voorbeeld.be');
  });

  it('upgrades a database of the first schema, keeping its records readable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-schema-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    // A database as the first release left it: schema 1, one skipped item with an English reason.
    const old = new Database(path.join(dir, 'koppel.db'));
    old.pragma('journal_mode = WAL');
    old.exec(schemaSteps[0] ?? '');
    old.pragma('user_version = 1');
    old.exec(`INSERT INTO runs (id, flow_id, flow_name, flow_revision, flow_json, trigger, status, dry_run, started_at, owner,
                error_code, error_message)
              VALUES ('old', 'f', 'Old flow', 1, '{}', 'manual', 'failed', 0, 1, 'o', 'source_failed', 'Reading failed')`);
    old.exec(`INSERT INTO items (id, run_id, item_key, status, reason, attempts, root_id, started_at)
              VALUES (1, 'old', 'mem:orders:1', 'skipped', 'unchanged', 0, 1, 1)`);
    old.close();

    const store = Store.openDataDir(dir);
    cleanups.unshift(() => store.close());
    expect(store.db.pragma('user_version', { simple: true })).toBe(schemaSteps.length);
    expect(store.items.detail(1)).toMatchObject({ status: 'skipped', reason: 'unchanged', reasons: null });
    // A run error stored before codes reads as its sentence.
    expect(store.runs.get('old')?.error).toEqual({ code: 'source_failed', message: 'Reading failed' });
  });

  it("keeps a run's error as a code beside its sentence, and erases an address from both", () => {
    const { store } = open();
    beginTestRun(store, 'run-1');
    const text = runMessage('sourceReadFailed', { node: 'Orders', detail: 'jan@voorbeeld.be was refused' });
    store.runs.finish('run-1', {
      status: 'failed',
      finishedAt: Date.now(),
      counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
      error: { code: 'source_failed', ...messageFields(text) },
    });
    const error = store.runs.get('run-1')?.error;
    expect(error).toEqual({
      code: 'source_failed',
      message: 'Reading "Orders" failed: jan@voorbeeld.be was refused',
      text,
    });
    expect(error && messageIn(error, 'nl')).toBe('Lezen van "Orders" mislukte: jan@voorbeeld.be was refused');
    store.eraseByEmail('jan@voorbeeld.be');
    const erased = store.runs.get('run-1')?.error;
    expect(erased?.message).toBe('Reading "Orders" failed: [erased] was refused');
    expect(erased && messageIn(erased, 'nl')).toBe('Lezen van "Orders" mislukte: [erased] was refused');
  });
});
