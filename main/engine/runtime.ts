import path from 'node:path';
import type { EventBus } from '../app/event-bus';
import type { Logger } from '../app/logger';
import { resourcesDir } from '../app/paths';
import { createNodeRegistry, type NodeRegistry } from '../nodes';
import { Scheduler } from '../scheduler/scheduler';
import type { SettingsStore } from '../settings/settings-store';
import type { DocumentBackendFactory } from '../store/document-backend';
import { FlowStore } from '../store/flow-store';
import { FlowWatch } from '../store/flow-watch';
import { Store } from '../store/store';
import { TemplateStore } from '../store/template-store';
import { systemClock, type Clock } from './clock';
import type { ConnectionProvider } from './connections';
import { Engine } from './engine';
import { EventBatcher } from './event-batcher';
import { ForeignRuns } from './foreign-runs';
import { applyHeapPolicy } from './heap-policy';

const DAY = 24 * 60 * 60 * 1000;

export interface SyncRuntimeOptions {
  dataDir: string;
  settings: SettingsStore;
  bus: EventBus;
  logger: Logger;
  connections: ConnectionProvider;
  /** Where `flows.json` lives (conf under Node, electron-store on the desktop). */
  documents: DocumentBackendFactory;
  clock?: Clock;
  registry?: NodeRegistry;
  /** Default: `<resources>/templates`. */
  templatesDir?: string;
  /** Run flows on their schedules in this process (desktop app, web host, `koppel schedule`). */
  scheduler: boolean;
  /** Run the daily retention job in this process. */
  retention: boolean;
  /**
   * Start the writer thread and load QuickJS now, in the background (long-lived hosts: the desktop
   * app and the web host), so the first run does not pay for them.
   */
  warmUp: boolean;
  /**
   * Tell the windows (`flows.changed`) and the scheduler when flows are saved or deleted, here or
   * by another process on the data folder (long-lived hosts).
   */
  watchFlows: boolean;
  /** With the watch: why the flows file does not read now (edited by hand), or `undefined` once it does. */
  onFlowsProblem?: (file: string, problem: unknown) => void;
  /** Show the windows the runs other processes on the data folder make, as they go (long-lived hosts). */
  followOtherRuns: boolean;
}

/**
 * The sync side of the app, built once per process: the run database, the engine, the saved flows
 * and templates, the scheduler and the daily retention job. Services reach it as `ctx.sync`.
 */
export class SyncRuntime {
  readonly store: Store;
  readonly engine: Engine;
  readonly flows: FlowStore;
  readonly templates: TemplateStore;
  readonly scheduler: Scheduler;
  readonly registry: NodeRegistry;
  readonly clock: Clock;
  private readonly batcher: EventBatcher;
  private retentionTimer: NodeJS.Timeout | undefined;
  private readonly flowWatch: FlowWatch | undefined;
  private readonly foreignRuns: ForeignRuns | undefined;

  constructor(private readonly options: SyncRuntimeOptions) {
    // Process-wide, and every host that runs flows builds this runtime (once per process).
    applyHeapPolicy();
    this.clock = options.clock ?? systemClock;
    this.registry = options.registry ?? createNodeRegistry();
    this.store = Store.openDataDir(options.dataDir);
    this.flows = new FlowStore(options.documents(options.dataDir, 'flows'), () => this.clock.now());
    this.templates = new TemplateStore(options.templatesDir ?? path.join(resourcesDir(), 'templates'));
    this.batcher = new EventBatcher((batch) => options.bus.emit('runs.events', batch));
    this.engine = new Engine({
      store: this.store,
      registry: this.registry,
      connections: options.connections,
      clock: this.clock,
      onEvents: (batch) => this.batcher.push(batch),
      defaultPayloadLogging: () => options.settings.get().payloadLogging,
      logger: options.logger,
    });
    // Runs left "running" by a process that died are finished now, each with its runFinished.
    this.engine.recover();
    if (options.warmUp) {
      this.engine.warmUp().catch((error: unknown) => {
        // Only a head start: the first run loads what it needs itself.
        options.logger.warn('Warming up the engine failed', { error: String(error) });
      });
    }
    this.scheduler = new Scheduler({
      flows: () => this.flows.list(),
      schedules: this.store.schedules,
      clock: this.clock,
      logger: options.logger,
      startRun: (flow) => this.engine.start({ flow, trigger: 'schedule' }).runId,
    });
    if (options.watchFlows) {
      this.flowWatch = new FlowWatch({
        flows: this.flows,
        onChanges: (changes) => {
          // This process's saves and another's: their schedules count without waiting for a poll.
          this.scheduler.refresh();
          options.bus.emit('flows.changed', { changes });
        },
        onProblem: (problem) => options.onFlowsProblem?.(this.flows.path, problem),
      });
      this.flowWatch.start();
    } else {
      // Without a watch (the command line), this process's own saves are what the schedule hears.
      this.flows.onChange(() => this.scheduler.refresh());
    }
    if (options.followOtherRuns) {
      this.foreignRuns = new ForeignRuns({
        store: this.store,
        emit: (batch) => options.bus.emitToWindows('runs.events', batch),
        listening: () => options.bus.windowsListen('runs.events'),
      });
      this.foreignRuns.start();
    }
    if (options.scheduler) this.scheduler.start();
    if (options.retention) this.startRetention();
  }

  /** Deletes old runs when the last clean-up is a day old (checked hourly). */
  runRetentionIfDue(): void {
    const last = this.store.lastRetentionAt();
    const now = this.clock.now();
    if (last !== undefined && now - last < DAY) return;
    try {
      const result = this.store.applyRetention(this.options.settings.get().retentionDays, now);
      if (result.runsDeleted > 0) this.options.logger.info('Retention removed old runs', { ...result });
    } catch (error) {
      this.options.logger.warn('Retention failed', { error: String(error) });
    }
  }

  async dispose(): Promise<void> {
    this.scheduler.stop();
    this.flowWatch?.stop();
    this.foreignRuns?.stop();
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    await this.engine.shutdown();
    this.batcher.flush();
    this.store.close();
  }

  private startRetention(): void {
    // Not at once: start-up should not wait on a vacuum.
    setTimeout(() => this.runRetentionIfDue(), 30_000).unref();
    this.retentionTimer = setInterval(() => this.runRetentionIfDue(), 60 * 60 * 1000);
    this.retentionTimer.unref();
  }
}
