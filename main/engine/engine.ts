import type { FlowDocument } from '../../shared/flow/flow-document';
import { hasErrors, type FlowProblem } from '../../shared/flow/flow-problem';
import type { RunEvent, RunEventBatch } from '../../shared/flow/run-events';
import type { RetryFrom, RunError, RunTrigger } from '../../shared/flow/run-records';
import type { PayloadLogging } from '../../shared/settings/settings';
import type { Logger } from '../app/logger';
import { silentLogger } from '../app/logger';
import type { NodeRegistry } from '../nodes/registry';
import type { Store } from '../store/store';
import { systemClock, type Clock } from './clock';
import type { ConnectionProvider } from './connections';
import { RunExecution, type RunResult } from './run-execution';
import type { ScopeNode } from './run-scope';
import { Semaphore } from './semaphore';
import { cannotRunError, InvalidFlowError, validateFlowDocument } from './validation';

export type { RunResult } from './run-execution';

export interface EngineOptions {
  store: Store;
  registry: NodeRegistry;
  connections: ConnectionProvider;
  clock?: Clock;
  /** Hears every committed batch of run events (the app forwards them to the `runs.events` stream). */
  onEvents?: (batch: RunEventBatch) => void;
  /** The app setting used when a flow says `payloadLogging: 'default'`. */
  defaultPayloadLogging?: () => PayloadLogging;
  heartbeatMs?: number;
  /** How often a run looks whether another process asked to cancel it (default 1 s). */
  cancelCheckMs?: number;
  progressMs?: number;
  /** Records failing in a row because a system is unreachable before the run stops (default 5). */
  unreachableLimit?: number;
  random?: () => number;
  logger?: Logger;
}

export interface StartRunOptions {
  flow: FlowDocument;
  trigger: RunTrigger;
  dryRun?: boolean;
  limit?: number | null;
  /**
   * Re-run these failed items of an earlier run (trigger `retry`), each from the node it failed at
   * or, with `from: 'start'`, from the first step after its source.
   */
  retry?: { parentRunId: string; itemIds: readonly number[]; from?: RetryFrom };
}

export interface RunHandle {
  readonly runId: string;
  readonly flowId: string;
  /** Resolves with the outcome once the run's `runFinished` is stored; never rejects. */
  readonly done: Promise<RunResult>;
  cancel(): void;
}

/**
 * Runs flows. Plain TypeScript: store, node registry, connections and clock are passed in, so the
 * same engine runs in Electron, the web host, the command line and tests.
 */
export class Engine {
  private readonly active = new Map<string, { handle: RunHandle; execution: RunExecution }>();
  private readonly limiters = new Map<string, Semaphore>();
  private readonly clock: Clock;

  constructor(private readonly options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get registry(): NodeRegistry {
    return this.options.registry;
  }

  /** Everything wrong with a flow (errors and warnings): cron checked with croner, connection ids against the connections. */
  validate(flow: FlowDocument): FlowProblem[] {
    return validateFlowDocument(flow, this.options.registry.catalog, this.options.connections);
  }

  /**
   * Starts a run: validates the flow (InvalidFlowError), takes its lock (FlowBusyError when it
   * runs elsewhere) and records the run before returning, then runs it in the background. A
   * scheduled start of a flow that cannot run is not thrown back to a scheduler nobody watches:
   * its run is recorded and fails at once with the flow's first problem (`invalid_flow`), once
   * per reason.
   */
  start(options: StartRunOptions): RunHandle {
    const { flow } = options;
    const problems = this.validate(flow);
    let refusal: RunError | null = null;
    if (hasErrors(problems)) {
      if (options.trigger !== 'schedule') throw new InvalidFlowError(flow, problems);
      refusal = cannotRunError(problems);
      // Said once: while the flow's last run was refused for the same reason, the schedule's
      // next times are skipped (the scheduler logs them) rather than filling the history.
      const last = this.options.store.runs.list({ flowId: flow.id, limit: 1 }).runs[0];
      if (last?.error?.code === refusal.code && last.error.message === refusal.message)
        throw new InvalidFlowError(flow, problems);
    }
    const nodes = refusal ? new Map<string, ScopeNode>() : this.resolveNodes(flow);
    const execution = new RunExecution(
      {
        store: this.options.store,
        connections: this.options.connections,
        clock: this.clock,
        random: this.options.random ?? Math.random,
        nodes,
        limiterFor: (kind, connectionId, limit) => this.limiter(`${kind}:${connectionId ?? ''}`, limit),
        payloadLogging:
          flow.settings.payloadLogging === 'default'
            ? (this.options.defaultPayloadLogging?.() ?? 'full')
            : flow.settings.payloadLogging,
        publish: (runId, events) => this.publish(runId, events),
        heartbeatMs: this.options.heartbeatMs ?? 10_000,
        cancelCheckMs: this.options.cancelCheckMs ?? 1000,
        progressMs: this.options.progressMs ?? 500,
        unreachableLimit: this.options.unreachableLimit ?? 5,
      },
      {
        flow,
        trigger: options.trigger,
        dryRun: options.dryRun ?? false,
        limit: options.limit ?? null,
        retry: options.retry ?? null,
        refusal,
      },
    );
    execution.begin();
    const done = execution.execute().finally(() => this.active.delete(execution.runId));
    const handle: RunHandle = {
      runId: execution.runId,
      flowId: flow.id,
      done,
      cancel: () => execution.cancel(),
    };
    this.active.set(execution.runId, { handle, execution });
    return handle;
  }

  /** Starts a run and waits for it. */
  run(options: StartRunOptions): Promise<RunResult> {
    return this.start(options).done;
  }

  /** Cancels a run of this process; false when it is not running here. */
  cancel(runId: string): boolean {
    const entry = this.active.get(runId);
    entry?.handle.cancel();
    return entry !== undefined;
  }

  /**
   * Asks the process that runs `runId` (another one on the data folder) to cancel it; that run
   * stops within a second or so, as if cancelled there. False when no live process runs it.
   */
  askCancel(runId: string): boolean {
    const run = this.options.store.runs.get(runId);
    if (!run || run.status !== 'running') return false;
    return this.options.store.locks.askCancel(run.flowId, runId, this.clock.now());
  }

  handle(runId: string): RunHandle | undefined {
    return this.active.get(runId)?.handle;
  }

  /** Runs in progress in this process. */
  activeRuns(): RunHandle[] {
    return [...this.active.values()].map((entry) => entry.handle);
  }

  isRunning(flowId: string): boolean {
    return [...this.active.values()].some((entry) => entry.handle.flowId === flowId);
  }

  /** Finishes runs left `running` by dead processes (call at start-up). */
  recover(): void {
    for (const event of this.options.store.recoverAbandonedRuns(this.clock.now()))
      this.publish(event.runId, [event]);
  }

  /**
   * One-time work before the first run, for a host to start when it starts: the store's writer
   * thread, and each node kind's `warmUp` (QuickJS for code and expressions).
   */
  async warmUp(): Promise<void> {
    await Promise.all([this.options.store.warmUp(), this.options.registry.warmUp()]);
  }

  /** Cancels every run and waits until each has stored its `runFinished`. */
  async shutdown(): Promise<void> {
    const handles = this.activeRuns();
    for (const handle of handles) handle.cancel();
    await Promise.allSettled(handles.map((handle) => handle.done));
  }

  private resolveNodes(flow: FlowDocument): Map<string, ScopeNode> {
    const nodes = new Map<string, ScopeNode>();
    for (const node of flow.nodes) {
      const module = this.options.registry.get(node.kind, node.version);
      // assertRunnable checked kinds and configs; a miss here means the registry changed underneath.
      if (!module) throw new Error(`No executor for ${node.kind}@${node.version}.`);
      nodes.set(node.id, { node, module, config: module.definition.config.parse(node.config) });
    }
    return nodes;
  }

  private limiter(key: string, limit: number): Semaphore {
    let semaphore = this.limiters.get(key);
    if (!semaphore) {
      semaphore = new Semaphore(limit);
      this.limiters.set(key, semaphore);
    }
    return semaphore;
  }

  private publish(runId: string, events: RunEvent[]): void {
    try {
      this.options.onEvents?.({ runId, events });
    } catch (error) {
      (this.options.logger ?? silentLogger).warn('A run event listener failed', { error: String(error) });
    }
  }
}
