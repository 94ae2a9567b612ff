import { nanoid } from 'nanoid';
import type { FlowDocument, FlowEdge } from '../../shared/flow/flow-document';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/flow/json';
import type { RunEvent } from '../../shared/flow/run-events';
import {
  formatItemKey,
  type BusinessKeys,
  type RunCounts,
  type RunStatus,
  type RunTrigger,
} from '../../shared/flow/run-records';
import type { TriggerRecord } from '../../shared/nodes/record-types';
import type { ItemRecord } from '../store/items-repo';
import type { RunWriter } from '../store/run-writer';
import type { Store } from '../store/store';
import type { Clock } from './clock';
import type { ConnectionProvider } from './connections';
import { BloomFilter } from './bloom-filter';
import { CursorTracker } from './cursor-tracker';
import { classifyError, isAbort } from './errors';
import type { FlowRecord, ItemInfo, SourceExecutor, SourceRecord } from './executor';
import { runItem, type ItemEnd } from './item-runner';
import { createNodeContext, type NodeContextDeps } from './node-context';
import { edgeKey, type NodeCounters, type RunScope, type ScopeNode } from './run-scope';
import type { Semaphore } from './semaphore';
import { Semaphore as Slots } from './semaphore';

export interface RunOptions {
  flow: FlowDocument;
  trigger: RunTrigger;
  dryRun: boolean;
  /** At most this many records (the CLI's `--limit`). */
  limit: number | null;
  /** A retry run: these failed items of `parentRunId`, from the node each failed at. */
  retry: { parentRunId: string; itemIds: readonly number[] } | null;
}

export interface RunResult {
  runId: string;
  status: Exclude<RunStatus, 'running'>;
  counts: RunCounts;
  durationMs: number;
  error: { code: string; message: string } | null;
}

export interface RunDeps {
  store: Store;
  connections: ConnectionProvider;
  clock: Clock;
  random: () => number;
  nodes: ReadonlyMap<string, ScopeNode>;
  limiterFor: (kind: string, connectionId: string | undefined, limit: number) => Semaphore;
  payloadLogging: 'full' | 'metadata';
  publish: (runId: string, events: RunEvent[]) => void;
  heartbeatMs: number;
  progressMs: number;
  unreachableLimit: number;
}

class StopRun extends Error {}

/** One run of a flow, from taking the lock to its one `runFinished`. */
export class RunExecution {
  readonly runId = nanoid();
  private readonly controller = new AbortController();
  private readonly counts: RunCounts = { total: 0, succeeded: 0, skipped: 0, failed: 0 };
  private readonly counters = new Map<string, NodeCounters>();
  private readonly reported = new Map<string, string>();
  private readonly unflushedKeys = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  /** The last item in flight per record key. */
  private readonly keyChains = new Map<string, Promise<void>>();
  private readonly startedAt: number;
  private writer!: RunWriter;
  private cancelledByUser = false;
  private runError: { code: string; message: string } | null = null;
  private consecutiveUnreachable = 0;
  /** Records in flight at once in this run. */
  private readonly slots: Slots;

  constructor(
    private readonly deps: RunDeps,
    private readonly options: RunOptions,
  ) {
    this.startedAt = deps.clock.now();
    // Records in flight are many more than calls at once per connection (the connection limiters
    // bound those): intents and results of many records then share one transaction.
    this.slots = new Slots(Math.min(1024, Math.max(64, options.flow.settings.concurrency * 16)));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Takes the flow's lock and records the run (synchronous, so a busy flow fails at once). */
  begin(): void {
    const { store } = this.deps;
    const { flow } = this.options;
    const { recovered } = store.beginRun({
      id: this.runId,
      flow,
      trigger: this.options.trigger,
      parentRunId: this.options.retry?.parentRunId ?? null,
      dryRun: this.options.dryRun,
      owner: store.owner.id,
      startedAt: this.startedAt,
    });
    if (recovered) this.deps.publish(recovered.runId, [recovered]);
    this.writer = store.writer(this.runId, this.counts, this.deps.payloadLogging, (events) => {
      this.unflushedKeys.clear();
      this.deps.publish(this.runId, events);
    });
    this.writer.event({
      type: 'runStarted',
      flowId: flow.id,
      flowName: flow.name,
      flowRevision: flow.revision,
      trigger: this.options.trigger,
      dryRun: this.options.dryRun,
      parentRunId: this.options.retry?.parentRunId ?? null,
    });
  }

  cancel(): void {
    if (this.controller.signal.aborted) return;
    this.cancelledByUser = true;
    this.controller.abort(new StopRun('cancelled'));
  }

  /** Runs to the end; never rejects (a run that cannot go on ends `failed` with its error). */
  async execute(): Promise<RunResult> {
    const { clock } = this.deps;
    const heartbeat = setInterval(() => this.beat(), this.deps.heartbeatMs);
    heartbeat.unref();
    const progress = setInterval(() => this.reportProgress(), this.deps.progressMs);
    progress.unref();
    const scope = this.scope();
    try {
      await this.open(scope);
      if (this.options.retry) await this.runRetries(scope, this.options.retry);
      else await this.runTriggers(scope);
    } catch (error) {
      if (!isAbort(error, this.signal)) this.stop(errorOf(error));
    } finally {
      await Promise.allSettled([...this.inFlight]);
      clearInterval(heartbeat);
      clearInterval(progress);
      await this.close(scope);
    }
    this.reportProgress();
    const finishedAt = clock.now();
    const status: RunResult['status'] = this.cancelledByUser
      ? 'cancelled'
      : this.runError || this.counts.failed > 0
        ? 'failed'
        : 'succeeded';
    const result: RunResult = {
      runId: this.runId,
      status,
      counts: { ...this.counts },
      durationMs: finishedAt - this.startedAt,
      error: this.runError,
    };
    if (this.options.retry) this.recountParent(this.options.retry.parentRunId);
    this.deps.store.finishRun(this.writer, this.options.flow.id, { ...result, finishedAt });
    return result;
  }

  private scope(): RunScope {
    const { flow } = this.options;
    const edgesFrom = new Map<string, FlowEdge[]>();
    for (const edge of flow.edges) {
      const key = edgeKey(edge.source, edge.sourcePort);
      edgesFrom.set(key, [...(edgesFrom.get(key) ?? []), edge]);
    }
    const limiters = new Map<string, Semaphore | undefined>();
    for (const [nodeId, entry] of this.deps.nodes) {
      const kind = entry.module.definition.connection;
      const connectionId =
        typeof entry.node.config.connectionId === 'string' ? entry.node.config.connectionId : undefined;
      limiters.set(
        nodeId,
        kind === 'none' ? undefined : this.deps.limiterFor(kind, connectionId, flow.settings.concurrency),
      );
    }
    return {
      flow,
      runId: this.runId,
      trigger: this.options.trigger,
      dryRun: this.options.dryRun,
      store: this.deps.store,
      writer: this.writer,
      clock: this.deps.clock,
      signal: this.signal,
      nodes: this.deps.nodes,
      edgesFrom,
      transforms: new Map(),
      targets: new Map(),
      limiter: (nodeId) => limiters.get(nodeId),
      counts: this.counts,
      counters: (nodeId) => {
        let counters = this.counters.get(nodeId);
        if (!counters) {
          counters = { received: 0, passed: 0, skipped: 0, failed: 0 };
          this.counters.set(nodeId, counters);
        }
        return counters;
      },
      unflushedKeys: this.unflushedKeys,
      freshTargets: new Set(
        [...this.deps.nodes.values()]
          .filter((entry) => entry.module.definition.category === 'target')
          .map((entry) => entry.node.id)
          .filter((nodeId) => this.deps.store.exactlyOnce.isFresh(flow.id, nodeId)),
      ),
      writtenKeys: new BloomFilter(),
      random: this.deps.random,
    };
  }

  private contextDeps(): NodeContextDeps {
    return {
      flow: this.options.flow,
      runId: this.runId,
      dryRun: this.options.dryRun,
      signal: this.signal,
      clock: this.deps.clock,
      writer: this.writer,
      connections: this.deps.connections,
      random: this.deps.random,
    };
  }

  /** Opens every transform and target once for the run (code compiles, reference data loads). */
  private async open(scope: RunScope): Promise<void> {
    for (const [nodeId, { node, module, config }] of this.deps.nodes) {
      const executor = module.executor;
      if (executor.category === 'transform') {
        scope.transforms.set(
          nodeId,
          await executor.open(createNodeContext(this.contextDeps(), node, config)),
        );
      } else if (executor.category === 'target') {
        scope.targets.set(nodeId, await executor.open(createNodeContext(this.contextDeps(), node, config)));
      }
    }
  }

  private async close(scope: RunScope): Promise<void> {
    for (const instance of [...scope.transforms.values(), ...scope.targets.values()]) {
      try {
        await instance.close?.();
      } catch (error) {
        this.writer.event({
          type: 'log',
          level: 'warn',
          message: `Closing a node failed: ${errorOf(error).message}`,
        });
      }
    }
  }

  private async runTriggers(scope: RunScope): Promise<void> {
    const { flow } = this.options;
    const triggerRecord: TriggerRecord = {
      trigger: this.options.trigger,
      runId: this.runId,
      startedAt: new Date(this.startedAt).toISOString(),
    };
    for (const [nodeId, { node, module, config }] of this.deps.nodes) {
      const executor = module.executor;
      if (executor.category !== 'trigger') continue;
      const fired = await executor.fire(createNodeContext(this.contextDeps(), node, config), triggerRecord);
      scope.counters(nodeId).passed++;
      const record: FlowRecord = { data: fired, createOnly: [] };
      const direct: { nodeId: string; record: FlowRecord }[] = [];
      for (const edge of flow.edges.filter((candidate) => candidate.source === nodeId)) {
        if (this.signal.aborted) return;
        const next = this.deps.nodes.get(edge.target);
        if (next?.module.executor.category === 'source') await this.runSource(scope, edge.target, record);
        else direct.push({ nodeId: edge.target, record });
      }
      if (direct.length > 0) {
        const item = this.newItem(
          { system: 'koppel', entity: 'trigger', id: this.runId },
          nodeId,
          fired,
          {},
          null,
        );
        await this.launch(scope, item, direct, () => {});
      }
    }
    await this.drain();
  }

  /** Reads a source page by page, starting each record once a slot is free. */
  private async runSource(scope: RunScope, nodeId: string, input: FlowRecord): Promise<void> {
    const entry = this.deps.nodes.get(nodeId);
    if (!entry || entry.module.executor.category !== 'source') return;
    const executor: SourceExecutor<unknown> = entry.module.executor;
    const { flow, dryRun, limit: runLimit } = this.options;
    const amount = isJsonObject(entry.node.config) ? entry.node.config.amountPerRun : undefined;
    const limits = [runLimit, typeof amount === 'number' ? amount : null].filter(
      (value): value is number => value !== null,
    );
    const limit = limits.length > 0 ? Math.min(...limits) : null;
    const cursor = this.deps.store.exactlyOnce.cursor(flow.id, nodeId);
    const ctx = {
      ...createNodeContext(this.contextDeps(), entry.node, entry.config),
      cursor,
      limit,
      input,
    };
    const tracker = new CursorTracker();
    const saveCursor = (moved: JsonValue | undefined) => {
      if (moved === undefined || dryRun) return;
      this.writer.putCursor(flow.id, nodeId, moved, this.deps.clock.now());
      this.writer.event({ type: 'cursorSaved', nodeId, cursor: moved });
    };
    const counters = scope.counters(nodeId);
    let read = 0;
    const iterator = executor.read(ctx)[Symbol.asyncIterator]();
    try {
      for (;;) {
        if (this.signal.aborted || (limit !== null && read >= limit)) break;
        const page = await iterator.next();
        if (page.done) break;
        let complete = true;
        for (const record of page.value.records) {
          if (limit !== null && read >= limit) {
            complete = false;
            break;
          }
          await this.slots.acquire();
          if (this.signal.aborted) {
            this.slots.release();
            complete = false;
            break;
          }
          read++;
          counters.received++;
          counters.passed++;
          const position = tracker.add(record.checkpoint);
          const item = this.newItem(record.key, nodeId, record.data, record.businessKeys ?? {}, null);
          await this.launch(
            scope,
            item,
            this.next(nodeId, 'out', record),
            (end) => saveCursor(tracker.finish(position, end.passable)),
            true,
          );
        }
        if (!complete) break;
        saveCursor(tracker.mark(page.value.checkpoint));
      }
    } catch (error) {
      if (!isAbort(error, this.signal)) {
        const stepError = classifyError(error, this.deps.clock.now());
        this.stop({
          code: stepError.unreachable ? 'connection_failed' : 'source_failed',
          message: `Reading "${entry.node.label ?? entry.module.definition.label.en}" failed: ${stepError.message}`,
        });
      }
    } finally {
      await this.drain();
      // Stops a generator we left early (limit, cancel), so it can release its resources.
      await iterator.return?.(undefined).catch(() => undefined);
    }
  }

  private next(nodeId: string, port: string, record: SourceRecord): { nodeId: string; record: FlowRecord }[] {
    const flowRecord: FlowRecord = { data: record.data, createOnly: [] };
    return this.options.flow.edges
      .filter((edge) => edge.source === nodeId && edge.sourcePort === port)
      .map((edge) => ({ nodeId: edge.target, record: flowRecord }));
  }

  private newItem(
    key: { system: string; entity: string; id: string },
    nodeId: string,
    source: JsonObject | null,
    businessKeys: BusinessKeys,
    retry: { id: number; rootId: number; attempts: number } | null,
  ): { record: ItemRecord; info: ItemInfo } {
    const id = this.deps.store.ids.take();
    const record: ItemRecord = {
      id,
      runId: this.runId,
      key: formatItemKey(key),
      status: 'running',
      nodeId,
      reason: null,
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
    return { record, info: { itemId: id, key: record.key, keyParts: key, businessKeys, source } };
  }

  /** Starts an item in the background (the caller holds a slot when `holdsSlot`). */
  private async launch(
    scope: RunScope,
    item: { record: ItemRecord; info: ItemInfo },
    start: readonly { nodeId: string; record: FlowRecord }[],
    onEnd: (end: ItemEnd) => void,
    holdsSlot = false,
  ): Promise<void> {
    if (!holdsSlot) await this.slots.acquire();
    this.counts.total++;
    this.writer.saveItem(item.record);
    this.writer.event({
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
    const run = () => runItem(scope, item.record, item.info, start);
    const task: Promise<void> = (previous ? previous.then(run) : run())
      .catch((error: unknown): ItemEnd => {
        // runItem handles record failures itself; this is a bug, reported on the run.
        this.writer.event({
          type: 'log',
          level: 'error',
          message: `Internal error on ${item.record.key}: ${errorOf(error).message}`,
        });
        return { passable: false, unreachable: false };
      })
      .then((end) => {
        onEnd(end);
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

  private async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Five records in a row failing because a system is unreachable stop the run (exit code 3). */
  private trackUnreachable(end: ItemEnd, item: ItemRecord): void {
    if (item.status !== 'failed' || !end.unreachable) {
      if (item.status !== 'failed') this.consecutiveUnreachable = 0;
      return;
    }
    this.consecutiveUnreachable++;
    if (this.consecutiveUnreachable >= this.deps.unreachableLimit && !this.runError) {
      this.stop({
        code: 'connection_failed',
        message: `Stopped after ${this.consecutiveUnreachable} records in a row failed because a system could not be reached (last: ${item.error?.message ?? 'unknown'}).`,
      });
    }
  }

  private async runRetries(
    scope: RunScope,
    retry: { parentRunId: string; itemIds: readonly number[] },
  ): Promise<void> {
    for (const originalId of retry.itemIds) {
      if (this.signal.aborted) break;
      const original = this.deps.store.items.retrySource(originalId);
      if (
        !original ||
        original.runId !== retry.parentRunId ||
        original.status !== 'failed' ||
        !original.nodeId
      )
        continue;
      const source = isJsonObject(original.source) ? original.source : null;
      const [system = 'unknown', entity = 'unknown', ...rest] = original.key.split(':');
      const businessKeys: BusinessKeys = {
        ...(original.orderNumber ? { orderNumber: original.orderNumber } : {}),
        ...(original.email ? { email: original.email } : {}),
        ...(original.sku ? { sku: original.sku } : {}),
      };
      const item = this.newItem(
        { system, entity, id: rest.join(':') || original.key },
        original.nodeId,
        source,
        businessKeys,
        {
          id: original.id,
          rootId: original.rootId,
          attempts: original.attempts,
        },
      );
      const input = storedInput(original.input);
      if (!input || !this.deps.nodes.has(original.nodeId)) {
        this.failUnstartable(item.record, {
          code: input ? 'node_gone' : 'input_missing',
          message: input
            ? `Node ${original.nodeId} is no longer in the flow, so the record cannot be retried from there.`
            : 'The stored input of this record was erased (or never kept), so it cannot be retried.',
          nodeId: original.nodeId,
          transient: false,
        });
        continue;
      }
      const start = [{ nodeId: original.nodeId, record: input }];
      await this.launch(scope, item, start, () => this.writer.resolveOriginal(original.id, item.record));
    }
    await this.drain();
  }

  /** A retried record that cannot start: it fails at once, naming why. */
  private failUnstartable(item: ItemRecord, error: NonNullable<ItemRecord['error']>): void {
    const now = this.deps.clock.now();
    Object.assign(item, {
      status: 'failed',
      error,
      reason: error.message,
      finishedAt: now,
      attempts: item.attempts + 1,
    });
    this.counts.total++;
    this.counts.failed++;
    this.writer.saveItem(item);
    this.writer.event({
      type: 'itemStarted',
      itemId: item.id,
      key: item.key,
      nodeId: item.nodeId ?? '',
      businessKeys: {},
      retryOf: item.retryOf,
    });
    this.writer.event({
      type: 'itemFailed',
      itemId: item.id,
      key: item.key,
      nodeId: item.nodeId ?? '',
      attempt: item.attempts,
      error,
    });
  }

  private recountParent(parentRunId: string): void {
    this.writer.flushNow();
    this.deps.store.runs.recount(parentRunId, this.deps.store.items.countsOf(parentRunId));
  }

  private stop(error: { code: string; message: string }): void {
    this.runError ??= error;
    if (!this.signal.aborted) this.controller.abort(new StopRun(error.message));
  }

  private beat(): void {
    const alive = this.deps.store.locks.heartbeat(
      this.options.flow.id,
      this.deps.store.owner.id,
      this.deps.clock.now(),
    );
    if (!alive) {
      this.stop({
        code: 'lock_lost',
        message: 'Another process took this flow over (this run was presumed dead); stopping.',
      });
    }
  }

  private reportProgress(): void {
    for (const [nodeId, counters] of this.counters) {
      const signature = `${counters.received}/${counters.passed}/${counters.skipped}/${counters.failed}`;
      if (this.reported.get(nodeId) === signature) continue;
      this.reported.set(nodeId, signature);
      this.writer.event({ type: 'nodeProgress', nodeId, ...counters });
    }
  }
}

function storedInput(value: JsonValue | null): FlowRecord | null {
  if (!isJsonObject(value) || !isJsonObject(value.data)) return null;
  const createOnly = Array.isArray(value.createOnly)
    ? value.createOnly.filter((entry) => typeof entry === 'string')
    : [];
  return { data: value.data, createOnly };
}

function errorOf(error: unknown): { code: string; message: string } {
  const stepError = classifyError(error);
  return { code: stepError.code, message: stepError.message };
}
