import { setMaxListeners } from 'node:events';
import type { FlowDocument, FlowEdge } from '../../shared/flow/flow-document';
import type { RunEvent } from '../../shared/flow/run-events';
import type { RetryFrom, RunCounts, RunStatus, RunTrigger, RunError } from '../../shared/flow/run-records';
import type { TriggerRecord } from '../../shared/nodes/record-types';
import { messageFields, messageIn, runMessage } from '../../shared/flow/run-messages';
import type { RunWriter } from '../store/run-writer';
import type { Store } from '../store/store';
import { RunShared } from './run-shared';
import { BloomFilter } from './bloom-filter';
import type { Clock } from './clock';
import { watchWaits, type ConnectionProvider } from './connections';
import { EarlierFailures } from './earlier-failures';
import { classifyError, isAbort } from './errors';
import type { FlowRecord } from './executor';
import { newId } from './ids';
import { ItemLauncher } from './item-launcher';
import { makingLockOf } from './making-lock';
import { createNodeContext, type NodeContextDeps } from './node-context';
import { retryItems } from './retry-items';
import { edgeKey, type NodeCounters, type RunScope, type ScopeNode } from './run-scope';
import type { Semaphore } from './semaphore';
import { readSource, type SourceReadDeps } from './source-reader';

export interface RunOptions {
  flow: FlowDocument;
  trigger: RunTrigger;
  dryRun: boolean;
  /** At most this many records (the CLI's `--limit`). */
  limit: number | null;
  /** A retry run: these failed items of `parentRunId`, from the node each failed at (or the start). */
  retry: { parentRunId: string; itemIds: readonly number[]; from?: RetryFrom } | null;
  /** A run recorded only to say why it could not start (a scheduled flow that cannot run). */
  refusal: RunError | null;
}

export interface RunResult {
  runId: string;
  status: Exclude<RunStatus, 'running'>;
  counts: RunCounts;
  durationMs: number;
  error: RunError | null;
  /** Of the failed records, those that failed because a system could not be reached. */
  unreachableFailed: number;
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
  /** How often the run looks whether another process asked to cancel it. */
  cancelCheckMs: number;
  progressMs: number;
  unreachableLimit: number;
}

class StopRun extends Error {}

/** Abort listeners one record may hold at once: a wait (backoff, rate limit), a request and the
 * client layers around it (MplusKASSA's SOAP caller and transport each listen). */
const RUN_SIGNAL_LISTENERS_PER_RECORD = 4;
/** The run's own (source reads, the writer, the scheduler's cancel). */
const RUN_SIGNAL_OWN_LISTENERS = 16;

/** One run of a flow, from taking the lock to its one `runFinished`. */
export class RunExecution {
  readonly runId = newId();
  private readonly controller = new AbortController();
  private readonly counts: RunCounts = { total: 0, succeeded: 0, skipped: 0, failed: 0 };
  private readonly counters = new Map<string, NodeCounters>();
  private readonly reported = new Map<string, string>();
  private readonly startedAt: number;
  private readonly startedAtWall = Date.now();
  private writer!: RunWriter;
  private cancelledByUser = false;
  private runError: { code: string; message: string } | null = null;
  private launcher!: ItemLauncher;
  private earlierFailures!: EarlierFailures;
  /** The connections as this run's nodes see them: long waits (rate limits) go to its log. */
  private waits!: ReturnType<typeof watchWaits>;
  /** What the run's nodes share (the reference lists of a connection, read once). */
  private readonly shared = new RunShared(this.controller.signal);

  constructor(
    private readonly deps: RunDeps,
    private readonly options: RunOptions,
  ) {
    this.startedAt = deps.clock.now();
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
    this.writer = store.writer(this.runId, this.counts, this.deps.payloadLogging, (events) =>
      this.deps.publish(this.runId, events),
    );
    this.waits = watchWaits(this.deps.connections, (message, waitMs) => {
      // The event's time and its end from one clock: a wait told as "59 s" ends 59 s after `at`.
      const now = this.deps.clock.now();
      this.writer.event(
        {
          type: 'log',
          level: 'info',
          ...messageFields(message),
          until: new Date(now + waitMs).toISOString(),
        },
        now,
      );
    });
    // Records in flight are many more than calls at once per connection (the connection limiters
    // bound those): intents and results of many records then share one transaction.
    const itemWindow = Math.min(1024, Math.max(64, flow.settings.concurrency * 16));
    // Every record in flight may wait on the run's signal at once (a backoff, a rate-limit queue,
    // a request): Node's default of 10 listeners printed a "possible memory leak" warning on the
    // command line whenever a Teamleader rate limit held more than ten calls. The bound stays
    // finite, so listeners that really leak (thousands over a long run) are still reported.
    setMaxListeners(
      RUN_SIGNAL_LISTENERS_PER_RECORD * itemWindow + RUN_SIGNAL_OWN_LISTENERS,
      this.controller.signal,
    );
    this.earlierFailures = new EarlierFailures(
      { store, flowId: flow.id, dryRun: this.options.dryRun },
      this.writer,
    );
    this.launcher = new ItemLauncher(
      {
        onItemEnd: (item) => this.earlierFailures.settle(item),
        runId: this.runId,
        writer: this.writer,
        counts: this.counts,
        clock: this.deps.clock,
        takeId: () => store.ids.take(),
        unreachableLimit: this.deps.unreachableLimit,
        onUnreachable: (count, last) =>
          this.stop({
            code: 'connection_failed',
            ...messageFields(
              runMessage('unreachableInARow', {
                count,
                last: last?.message ?? 'unknown',
                lastNl: last?.text ? messageIn(last, 'nl') : undefined,
              }),
            ),
          }),
      },
      itemWindow,
    );
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
    const cancelCheck = setInterval(() => this.checkCancelAsked(), this.deps.cancelCheckMs);
    cancelCheck.unref();
    const progress = setInterval(() => this.reportProgress(), this.deps.progressMs);
    progress.unref();
    const scope = this.scope();
    try {
      if (this.options.refusal) throw new RefusedRun(this.options.refusal);
      await this.open(scope);
      if (this.options.retry) {
        await retryItems(
          {
            flowId: this.options.flow.id,
            dryRun: this.options.dryRun,
            store: this.deps.store,
            writer: this.writer,
            clock: this.deps.clock,
            counts: this.counts,
            signal: this.signal,
            launcher: this.launcher,
            hasNode: (nodeId) => this.deps.nodes.has(nodeId),
          },
          scope,
          this.options.retry,
        );
      } else await this.runTriggers(scope);
    } catch (error) {
      if (error instanceof RefusedRun) this.stop(error.runError);
      else if (!isAbort(error, this.signal)) this.stop(errorOf(error));
    } finally {
      await this.launcher.drain();
      clearInterval(heartbeat);
      clearInterval(cancelCheck);
      clearInterval(progress);
      await this.close(scope);
      this.waits.stop();
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
      unreachableFailed: this.launcher.unreachableFailed,
    };
    this.recount(this.options.retry?.parentRunId, this.earlierFailures.settledRuns());
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
      freshTargets: new Set(
        [...this.deps.nodes.values()]
          .filter((entry) => entry.module.definition.category === 'target')
          .map((entry) => entry.node.id)
          .filter((nodeId) => this.deps.store.exactlyOnce.isFresh(flow.id, nodeId)),
      ),
      writtenKeys: new BloomFilter(),
      openIntents: this.openIntents(),
      random: this.deps.random,
    };
  }

  /** The flow's open intents at its targets, by target node (none in a dry run, which writes nothing). */
  private openIntents(): Map<string, Set<string>> {
    const open = new Map<string, Set<string>>();
    if (this.options.dryRun) return open;
    for (const intent of this.deps.store.exactlyOnce.intents(this.options.flow.id)) {
      if (this.deps.nodes.get(intent.nodeId)?.module.definition.category !== 'target') continue;
      let keys = open.get(intent.nodeId);
      if (!keys) open.set(intent.nodeId, (keys = new Set()));
      keys.add(intent.sourceKey);
    }
    return open;
  }

  private contextDeps(): NodeContextDeps {
    return {
      flow: this.options.flow,
      runId: this.runId,
      dryRun: this.options.dryRun,
      signal: this.signal,
      clock: this.deps.clock,
      writer: this.writer,
      connections: this.waits.connections,
      random: this.deps.random,
      making: makingLockOf(this.deps.store.making),
      startedAtWall: this.startedAtWall,
      writtenFrom: (key) => this.deps.store.items.writtenFrom(key),
      shared: this.shared,
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
          ...messageFields(runMessage('closingNodeFailed', { detail: errorOf(error).message })),
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
        if (next?.module.executor.category === 'source')
          await readSource(this.sourceDeps(), scope, next, record);
        else direct.push({ nodeId: edge.target, record });
      }
      if (direct.length > 0) {
        const item = this.launcher.newItem(
          { system: 'koppel', entity: 'trigger', id: this.runId },
          nodeId,
          fired,
          {},
          null,
        );
        await this.launcher.launch(scope, item, direct, () => {});
      }
    }
    await this.launcher.drain();
  }

  private sourceDeps(): SourceReadDeps {
    return {
      flowId: this.options.flow.id,
      edges: this.options.flow.edges,
      dryRun: this.options.dryRun,
      runLimit: this.options.limit,
      store: this.deps.store,
      writer: this.writer,
      clock: this.deps.clock,
      signal: this.signal,
      launcher: this.launcher,
      context: (entry) => createNodeContext(this.contextDeps(), entry.node, entry.config),
      stop: (error) => this.stop(error),
    };
  }

  /**
   * Counts the items of earlier runs again, once each, after one flush: the run this one retried,
   * and those whose failures it settled.
   */
  private recount(parentRunId: string | undefined, settled: ReadonlySet<string>): void {
    const runs = new Set(settled);
    if (parentRunId) runs.add(parentRunId);
    if (runs.size === 0) return;
    this.writer.flushNow();
    for (const runId of runs) this.deps.store.runs.recount(runId, this.deps.store.items.countsOf(runId));
  }

  private stop(error: RunError): void {
    this.runError ??= error;
    if (!this.signal.aborted) this.controller.abort(new StopRun(error.message));
  }

  /** A cancel asked for elsewhere (a window of another process) is this run's user's cancel. */
  private checkCancelAsked(): void {
    try {
      if (this.deps.store.locks.cancelAsked(this.options.flow.id, this.deps.store.owner.id)) this.cancel();
    } catch {
      // A busy database: the next look asks again.
    }
  }

  private beat(): void {
    const alive = this.deps.store.locks.heartbeat(
      this.options.flow.id,
      this.deps.store.owner.id,
      this.deps.clock.now(),
    );
    if (!alive) {
      this.stop({ code: 'lock_lost', ...messageFields(runMessage('lockLost')) });
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

/** Ends a run before it opens a node, with the error it was refused for. */
class RefusedRun extends Error {
  constructor(readonly runError: RunError) {
    super(runError.message);
  }
}

function errorOf(error: unknown): RunError {
  const stepError = classifyError(error);
  return {
    code: stepError.code,
    message: stepError.message,
    ...(stepError.text ? { text: stepError.text } : {}),
  };
}
