import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { FlowDocument } from '../../shared/flow/flow-document';
import type { RetryFrom } from '../../shared/flow/run-records';
import { WAITING_DAYS } from '../../shared/flow/skip-reasons';
import type { DomainHandlers } from '../api/handlers';
import type { AppContext } from '../app/context';
import type { RunHandle, StartRunOptions } from '../engine/engine';
import { FlowBusyError } from '../store/store';
import { runRecordsCsv } from './records-csv';

/** Starts a run, turning "already running" into the API's `conflict`. */
export function startRun(ctx: AppContext, options: StartRunOptions): RunHandle {
  try {
    return ctx.sync.engine.start(options);
  } catch (error) {
    if (error instanceof FlowBusyError)
      throw new KoppelError('conflict', error.text, { runId: error.holder.runId });
    throw error;
  }
}

/**
 * The flow a retry runs with: the saved flow as it is now, or — for a flow that was never saved
 * (run from a file or a template) — the document the first run used.
 */
export function flowForRetry(ctx: AppContext, runId: string): FlowDocument {
  const run = ctx.sync.store.runs.get(runId);
  if (!run) throw new KoppelError('not_found', apiMessage('runNotFound', { runId }));
  const flow = ctx.sync.flows.get(run.flowId) ?? ctx.sync.store.runs.flowOf(runId);
  if (!flow) throw new KoppelError('not_found', apiMessage('runFlowGone', { runId }));
  return flow;
}

/** Starts a retry run of failed records of `runId` (all, these ids, or the record with this key). */
export function startRetry(
  ctx: AppContext,
  runId: string,
  choice: { itemIds?: number[]; itemKey?: string; from?: RetryFrom },
): RunHandle {
  const { store } = ctx.sync;
  const flow = flowForRetry(ctx, runId);
  let itemIds = choice.itemIds;
  if (choice.itemKey !== undefined) {
    const item = store.items.byKey(runId, choice.itemKey);
    if (!item)
      throw new KoppelError('not_found', apiMessage('runHasNoRecord', { runId, key: choice.itemKey }));
    if (item.status !== 'failed')
      throw new KoppelError(
        'conflict',
        apiMessage('recordDidNotFail', { key: choice.itemKey, runId, status: item.status }),
      );
    itemIds = [item.id];
  }
  itemIds ??= store.items.failed(runId).map((item) => item.id);
  if (itemIds.length === 0) throw new KoppelError('not_found', apiMessage('runNothingToRetry', { runId }));
  return startRun(ctx, {
    flow,
    trigger: 'retry',
    retry: { parentRunId: runId, itemIds, ...(choice.from ? { from: choice.from } : {}) },
  });
}

export function runsHandlers(ctx: AppContext): DomainHandlers<'runs'> {
  const { sync } = ctx;
  return {
    'runs.start': ({ flowId, flow, dryRun, limit }) => {
      const document = flow ?? sync.flows.require(flowId ?? '');
      return {
        runId: startRun(ctx, { flow: document, trigger: 'manual', dryRun, limit: limit ?? null }).runId,
      };
    },
    'runs.cancel': ({ runId }) => {
      if (sync.engine.cancel(runId)) return { cancelled: true };
      const asked = sync.engine.askCancel(runId);
      return asked ? { cancelled: true, elsewhere: true } : { cancelled: false };
    },
    'runs.list': ({ flowId, status, from, to, limit, cursor }) =>
      sync.store.runs.list({
        limit,
        ...(flowId ? { flowId } : {}),
        ...(status ? { status } : {}),
        ...(from ? { from: Date.parse(from) } : {}),
        ...(to ? { to: Date.parse(to) } : {}),
        ...(cursor ? { after: cursor } : {}),
      }),
    'runs.get': ({ runId }) => {
      const run = sync.store.runs.get(runId);
      if (!run) throw new KoppelError('not_found', apiMessage('runNotFound', { runId }));
      const failures = sync.store.items.failuresByNode(runId);
      return {
        run,
        flow: sync.store.runs.flowOf(runId) ?? null,
        retries: sync.store.runs.retriesOf(runId),
        failedByNode: failures.failed,
        stoppedByNode: failures.stopped,
      };
    },
    'runs.items': ({ runId, status, limit, offset }) =>
      sync.store.items.list(runId, { limit, offset, ...(status ? { status } : {}) }),
    'runs.recordsCsv': ({ runId, status, language }) => {
      const file = runRecordsCsv(sync.store, runId, { status, language });
      if (!file) throw new KoppelError('not_found', apiMessage('runNotFound', { runId }));
      return { fileName: file.fileName, text: file.text, records: file.records };
    },
    'runs.item': ({ itemId }) => {
      const item = sync.store.items.detail(itemId);
      if (!item) throw new KoppelError('not_found', apiMessage('recordNotFound', { itemId }));
      return item;
    },
    'runs.itemLog': ({ itemId }) => {
      const lines = sync.store.recordLog(itemId);
      if (!lines) throw new KoppelError('not_found', apiMessage('recordNotFound', { itemId }));
      return { lines };
    },
    'runs.search': ({ text, limit }) => ({ items: sync.store.items.search(text, limit) }),
    'runs.retry': ({ runId, itemIds, itemKey, from }) => ({
      runId: startRetry(ctx, runId, {
        ...(itemIds ? { itemIds } : {}),
        ...(itemKey ? { itemKey } : {}),
        ...(from ? { from } : {}),
      }).runId,
    }),
    'runs.events': ({ runId, afterSeq, limit }) => {
      const run = sync.store.runs.get(runId);
      if (!run) throw new KoppelError('not_found', apiMessage('runNotFound', { runId }));
      return {
        events: sync.store.events.page(runId, afterSeq, limit),
        lastSeq: run.lastSeq,
        finished: run.status !== 'running',
      };
    },
    'runs.warnings': ({ runId, limit }) => {
      if (!sync.store.runs.get(runId))
        throw new KoppelError('not_found', apiMessage('runNotFound', { runId }));
      const { total, distinct, lines } = sync.store.events.warnings(runId, limit);
      return {
        total,
        distinct,
        warnings: lines.map((line) => {
          const item = line.key ? sync.store.items.byKey(runId, line.key) : undefined;
          const keys = item?.businessKeys;
          return {
            seq: line.seq,
            message: line.message,
            ...(line.text ? { text: line.text } : {}),
            nodeId: line.nodeId ?? null,
            item: item
              ? { id: item.id, label: keys?.orderNumber ?? keys?.sku ?? keys?.email ?? item.key }
              : null,
          };
        }),
      };
    },
    'runs.stats': ({ flowId, days }) => sync.store.stats(days, sync.clock.now(), flowId),
    'runs.waiting': ({ flowId }) => ({
      records: sync.store.waiting.list(flowId).map((record) => ({
        flowId: record.flowId,
        itemKey: record.itemKey,
        businessKeys: record.businessKeys,
        reasons: record.reasons,
        since: new Date(record.since).toISOString(),
        checkedAt: new Date(record.checkedAt).toISOString(),
        lastItem: record.runId ? { runId: record.runId, itemId: record.itemId } : null,
      })),
      waitingDays: WAITING_DAYS,
    }),
    'runs.stopWaiting': ({ flowId, itemKey }) => ({
      stopped: sync.store.waiting.stop({
        ...(flowId === undefined ? {} : { flowId }),
        ...(itemKey === undefined ? {} : { itemKey }),
      }),
    }),
    'runs.erase': ({ email }) => sync.store.eraseByEmail(email),
  };
}
