import type { JsonObject } from '../../shared/flow/json';
import { messageFields, runMessage } from '../../shared/flow/run-messages';
import {
  formatItemKey,
  type BusinessKeys,
  type ItemKeyParts,
  type RunCounts,
  type StepErrorInfo,
} from '../../shared/flow/run-records';
import type { ItemRecord } from '../store/items-repo';
import type { RunWriter } from '../store/run-writer';
import type { Clock } from './clock';
import { classifyError } from './errors';
import type { FlowRecord, ItemInfo } from './executor';
import { runItem, type ItemEnd } from './item-runner';
import type { RunScope } from './run-scope';
import { Semaphore } from './semaphore';

export interface LaunchedItem {
  record: ItemRecord;
  info: ItemInfo;
}

export interface ItemLauncherDeps {
  runId: string;
  writer: RunWriter;
  counts: RunCounts;
  clock: Clock;
  takeId: () => number;
  /** Records failing in a row because a system is unreachable before `onUnreachable`. */
  unreachableLimit: number;
  onUnreachable: (count: number, lastError: StepErrorInfo | null) => void;
  /** Every item's end, after its own `onEnd`. */
  onItemEnd?: (item: ItemRecord) => void;
}

/**
 * Starts records in the background within a bounded window (backpressure for the source), keeps
 * two records with one key from running at once, and trips the "system unreachable" breaker.
 */
export class ItemLauncher {
  private readonly slots: Semaphore;
  private readonly inFlight = new Set<Promise<void>>();
  /** The last item in flight per record key. */
  private readonly keyChains = new Map<string, Promise<void>>();
  private consecutiveUnreachable = 0;
  /** Records that failed because a system could not be reached, in all. */
  unreachableFailed = 0;

  constructor(
    private readonly deps: ItemLauncherDeps,
    window: number,
  ) {
    this.slots = new Semaphore(window);
  }

  /** Waits for room in the window; pass `holdsSlot` to `launch` afterwards. */
  acquire(): Promise<void> {
    return this.slots.acquire();
  }

  release(): void {
    this.slots.release();
  }

  /** A new item (or a retry of one: it continues the first's attempts and history). */
  newItem(
    key: ItemKeyParts,
    nodeId: string,
    source: JsonObject | null,
    businessKeys: BusinessKeys,
    retry: { id: number; rootId: number; attempts: number } | null,
  ): LaunchedItem {
    const id = this.deps.takeId();
    const record: ItemRecord = {
      id,
      runId: this.deps.runId,
      key: formatItemKey(key),
      status: 'running',
      nodeId,
      reason: null,
      reasons: null,
      error: null,
      attempts: retry?.attempts ?? 0,
      orderNumber: businessKeys.orderNumber ?? null,
      email: businessKeys.email ?? null,
      sku: businessKeys.sku ?? null,
      action: null,
      targetIds: null,
      retryOf: retry?.id ?? null,
      rootId: retry?.rootId ?? id,
      source,
      input: null,
      mapped: null,
      request: null,
      response: null,
      startedAt: this.deps.clock.now(),
      finishedAt: null,
    };
    // `notFound` from the start: one object shape for every item.
    return {
      record,
      info: { itemId: id, key: record.key, keyParts: key, businessKeys, source, notFound: undefined },
    };
  }

  /** Records the item as started and runs it in the background (taking a slot unless `holdsSlot`). */
  async launch(
    scope: RunScope,
    item: LaunchedItem,
    start: readonly { nodeId: string; record: FlowRecord }[],
    onEnd: (end: ItemEnd) => void,
    holdsSlot = false,
  ): Promise<void> {
    if (!holdsSlot) await this.slots.acquire();
    const { writer } = this.deps;
    // Records that never wait for a commit (a dry run) would otherwise outrun the database.
    const room = writer.room();
    if (room) await room;
    this.deps.counts.total++;
    writer.saveItem(item.record);
    writer.event({
      type: 'itemStarted',
      itemId: item.record.id,
      key: item.record.key,
      nodeId: item.record.nodeId ?? '',
      businessKeys: item.info.businessKeys,
      retryOf: item.record.retryOf,
    });
    // The same record twice in one run (it changed while the run read): the second waits for the
    // first, so it sees the first's write (and never writes alongside it).
    const key = item.record.key;
    const previous = this.keyChains.get(key);
    const task: Promise<void> = (
      previous
        ? previous.then(() => runItem(scope, item.record, item.info, start))
        : runItem(scope, item.record, item.info, start)
    )
      .catch((error: unknown): ItemEnd => {
        // runItem handles record failures itself; this is a bug, reported on the run.
        writer.event({
          type: 'log',
          level: 'error',
          ...messageFields(runMessage('internalError', { key, detail: classifyError(error).message })),
        });
        return { passable: false, unreachable: false };
      })
      .then((end) => {
        onEnd(end);
        this.deps.onItemEnd?.(item.record);
        this.trackUnreachable(end, item.record);
      })
      .finally(() => {
        this.slots.release();
        this.inFlight.delete(task);
        if (this.keyChains.get(key) === task) this.keyChains.delete(key);
      });
    this.keyChains.set(key, task);
    this.inFlight.add(task);
  }

  /** Waits until every launched item finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private trackUnreachable(end: ItemEnd, item: ItemRecord): void {
    if (item.status !== 'failed' || !end.unreachable) {
      if (item.status !== 'failed') this.consecutiveUnreachable = 0;
      return;
    }
    this.unreachableFailed++;
    this.consecutiveUnreachable++;
    if (this.consecutiveUnreachable === this.deps.unreachableLimit) {
      this.deps.onUnreachable(this.consecutiveUnreachable, item.error);
    }
  }
}
