import { isJsonObject, type JsonValue } from '../../shared/flow/json';
import type {
  BusinessKeys,
  ItemKeyParts,
  RetryFrom,
  RunCounts,
  StepErrorInfo,
} from '../../shared/flow/run-records';
import type { ItemRecord } from '../store/items-repo';
import type { RunWriter } from '../store/run-writer';
import type { Store } from '../store/store';
import type { Clock } from './clock';
import type { FlowRecord } from './executor';
import type { ItemLauncher } from './item-launcher';
import { edgeKey, type RunScope } from './run-scope';
import { WaitingRecords } from './waiting-records';

export interface RetryItemsDeps {
  flowId: string;
  dryRun: boolean;
  store: Store;
  writer: RunWriter;
  clock: Clock;
  counts: RunCounts;
  signal: AbortSignal;
  launcher: ItemLauncher;
  hasNode: (nodeId: string) => boolean;
}

/**
 * A retry run: each failed item of the parent run starts again at the node it failed at, with the
 * input stored there and the flow as it is now — or, `from: 'start'`, at the steps after its
 * source with the stored source record, so a mapping fixed since is applied too. It is a new item
 * linked to the first (same key, same attempt history), and the first takes its outcome.
 */
export async function retryItems(
  deps: RetryItemsDeps,
  scope: RunScope,
  retry: { parentRunId: string; itemIds: readonly number[]; from?: RetryFrom },
): Promise<void> {
  const { launcher } = deps;
  // A retried record that now waits for another (its order is still missing) waits as if its
  // source had sent it; one that went through ends a wait it was in.
  const waiting = new Map<string, WaitingRecords>();
  const settleWaiting = (item: ItemRecord, key: ItemKeyParts, businessKeys: BusinessKeys) => {
    const sourceId = sourceNodeOf(scope, key.system);
    if (!sourceId) return;
    let records = waiting.get(sourceId);
    if (!records) {
      records = new WaitingRecords(deps, sourceId);
      waiting.set(sourceId, records);
    }
    records.settle(item, key, businessKeys);
  };
  for (const originalId of retry.itemIds) {
    if (deps.signal.aborted) break;
    const original = deps.store.items.retrySource(originalId);
    if (!original || original.runId !== retry.parentRunId || original.status !== 'failed' || !original.nodeId)
      continue;
    const [system = 'unknown', entity = 'unknown', ...rest] = original.key.split(':');
    const businessKeys: BusinessKeys = {
      ...(original.orderNumber ? { orderNumber: original.orderNumber } : {}),
      ...(original.email ? { email: original.email } : {}),
      ...(original.sku ? { sku: original.sku } : {}),
    };
    const source = isJsonObject(original.source) ? original.source : null;
    const fromStart = retry.from === 'start' ? sourceNodeOf(scope, system) : null;
    const keyParts: ItemKeyParts = { system, entity, id: rest.join(':') || original.key };
    const item = launcher.newItem(keyParts, fromStart ?? original.nodeId, source, businessKeys, {
      id: original.id,
      rootId: original.rootId,
      attempts: original.attempts,
    });
    if (retry.from === 'start') {
      const next = fromStart ? (scope.edgesFrom.get(edgeKey(fromStart, 'out')) ?? []) : [];
      if (!source || next.length === 0) {
        failUnstartable(deps, item.record, {
          code: source ? 'node_gone' : 'input_missing',
          message: source
            ? 'The flow has no source step to start this record from again.'
            : 'The source record was erased (or never kept: payload logging is metadata only), so it cannot be retried from the start.',
          nodeId: original.nodeId,
          transient: false,
        });
        continue;
      }
      const record: FlowRecord = { data: source, createOnly: [] };
      await launcher.launch(
        scope,
        item,
        next.map((edge) => ({ nodeId: edge.target, record })),
        () => {
          deps.writer.resolveOriginal(original.id, item.record);
          settleWaiting(item.record, keyParts, businessKeys);
        },
      );
      continue;
    }
    const input = storedInput(original.input);
    if (!input || !deps.hasNode(original.nodeId)) {
      failUnstartable(deps, item.record, {
        code: input ? 'node_gone' : 'input_missing',
        message: input
          ? `Node ${original.nodeId} is no longer in the flow, so the record cannot be retried from there.`
          : 'The stored input of this record was erased (or never kept), so it cannot be retried.',
        nodeId: original.nodeId,
        transient: false,
      });
      continue;
    }
    await launcher.launch(scope, item, [{ nodeId: original.nodeId, record: input }], () => {
      deps.writer.resolveOriginal(original.id, item.record);
      settleWaiting(item.record, keyParts, businessKeys);
    });
  }
  await launcher.drain();
}

/**
 * The source node a record came from: the flow's only source, or the source of the record's
 * system (`mplus:order:…` → an `mplus.source.*` node) when there are several.
 */
function sourceNodeOf(scope: RunScope, system: string): string | null {
  const sources = [...scope.nodes.values()].filter((entry) => entry.module.executor.category === 'source');
  if (sources.length <= 1) return sources[0]?.node.id ?? null;
  const own = sources.find(
    (entry) => entry.node.kind.startsWith(`${system}.`) || entry.node.kind.endsWith(`.${system}`),
  );
  return (own ?? sources[0])?.node.id ?? null;
}

/** A retried record that cannot start: it fails at once, naming why. */
function failUnstartable(deps: RetryItemsDeps, item: ItemRecord, error: StepErrorInfo): void {
  Object.assign(item, {
    status: 'failed',
    error,
    reason: error.message,
    finishedAt: deps.clock.now(),
    attempts: item.attempts + 1,
  });
  deps.counts.total++;
  deps.counts.failed++;
  deps.writer.saveItem(item);
  const base = { itemId: item.id, key: item.key, nodeId: item.nodeId ?? '' };
  deps.writer.event({ type: 'itemStarted', ...base, businessKeys: {}, retryOf: item.retryOf });
  deps.writer.event({ type: 'itemFailed', ...base, attempt: item.attempts, error });
  deps.writer.resolveOriginal(item.retryOf ?? item.id, item);
}

/** The record as the item-runner stored it for retries: `{ data, createOnly }`. */
function storedInput(value: JsonValue | null): FlowRecord | null {
  if (!isJsonObject(value) || !isJsonObject(value.data)) return null;
  const createOnly = Array.isArray(value.createOnly)
    ? value.createOnly.filter((entry) => typeof entry === 'string')
    : [];
  return { data: value.data, createOnly };
}
