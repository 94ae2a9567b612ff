import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunCounts } from '../../shared/flow/run-records';
import { skipReason } from '../../shared/flow/skip-reasons';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
import type { ItemRecord } from './items-repo';
import type { RunWriter, WaitingPut } from './run-writer';
import { Store, type StoreOptions } from './store';

/** A store in a fresh temporary folder, for tests; `cleanup` closes and deletes it. */
export function temporaryStore(options?: StoreOptions): { store: Store; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-store-'));
  const store = Store.openDataDir(dir, options);
  return {
    store,
    dir,
    cleanup: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Run `runId` of the sample flow as it starts (manual trigger, owned by the store). */
function testRunStart(store: Store, runId: string, options: { now?: number; dryRun?: boolean }) {
  return {
    id: runId,
    flow: sampleFlow(),
    trigger: 'manual' as const,
    parentRunId: null,
    dryRun: options.dryRun ?? false,
    owner: store.owner.id,
    startedAt: options.now ?? Date.now(),
  };
}

/** Starts run `runId` of the sample flow on `store` (manual trigger, owned by the store). */
export function beginTestRun(
  store: Store,
  runId: string,
  options: { now?: number; dryRun?: boolean } = {},
): ReturnType<Store['beginRun']> {
  return store.beginRun(testRunStart(store, runId, options));
}

/**
 * Adds run `runId` of the sample flow to the history (no flow lock: several runs of the flow may
 * stand side by side, as past runs do) and returns a writer for its items.
 */
export function insertTestRun(
  store: Store,
  runId: string,
  options: { now?: number; dryRun?: boolean; counts?: RunCounts } = {},
): RunWriter {
  store.runs.insert(testRunStart(store, runId, options));
  const counts = options.counts ?? { total: 0, succeeded: 0, skipped: 0, failed: 0 };
  return store.writer(runId, counts, 'full', () => {});
}

/** A running item of run `runId` with a fresh id from `store` and a small source record. */
export function testItem(store: Store, runId: string, overrides: Partial<ItemRecord> = {}): ItemRecord {
  const id = store.ids.take();
  return {
    id,
    runId,
    key: `test:orders:${id}`,
    status: 'running',
    nodeId: 'orders',
    reason: null,
    reasons: null,
    error: null,
    attempts: 0,
    orderNumber: null,
    email: null,
    sku: null,
    action: null,
    targetIds: null,
    retryOf: null,
    rootId: id,
    source: { id: String(id) },
    input: null,
    mapped: null,
    request: null,
    response: null,
    startedAt: Date.now(),
    finishedAt: null,
    ...overrides,
  };
}

/**
 * A Teamleader invoice's payment waiting for its MplusKASSA order (see `waitsForAnotherRecord`),
 * as a run's writer puts it; `id` is the invoice's.
 */
export function testWaiting(
  id: string,
  overrides: Partial<WaitingPut> & { flowId: string; nodeId: string; at: number },
): WaitingPut {
  return {
    key: { system: 'teamleader', entity: 'invoice', id },
    record: { orderReference: id, status: 'paid' },
    businessKeys: { orderNumber: id },
    reasons: [skipReason('mplusOrderMissing', { reference: id })],
    itemId: 1,
    since: overrides.at,
    ...overrides,
  };
}
