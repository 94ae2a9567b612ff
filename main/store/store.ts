import os from 'node:os';
import { nanoid } from 'nanoid';
import type { LogEvent, RunEvent } from '../../shared/flow/run-events';
import type { RunCounts, RunStatus } from '../../shared/flow/run-records';
import type { PayloadLogging } from '../../shared/settings/settings';
import { databaseFile, openDatabase, type Db } from './database';
import { EventsRepo } from './events-repo';
import { ExactlyOnceRepo } from './exactly-once-repo';
import { FlowLocks, type FlowLocksOptions, type LockHolder, type LockOwner } from './flow-locks';
import { ItemIds } from './item-ids';
import { ItemsRepo } from './items-repo';
import { MakingClaims, type MakingClaimsOptions } from './making-claims';
import { finishInterruptedRun } from './recovery';
import {
  applyRetention,
  eraseByEmail,
  lastRetentionAt,
  type EraseResult,
  type RetentionResult,
} from './retention';
import { RunWriter, type CommitListener } from './run-writer';
import { RunsRepo, type NewRun } from './runs-repo';
import { ScheduleRepo } from './schedule-repo';
import { WaitingRepo } from './waiting-repo';
import { BatchThread, WRITER_AUTOCHECKPOINT } from './batch-thread';
import { BatchStatements } from './write-batch';
import { runStats } from './stats';
import type { RunStats } from '../../shared/api/calls/runs';
import { runMessage, type RunMessage } from '../../shared/flow/run-messages';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import type { CodedText } from '../../shared/flow/wording';

/** Another process (or this one) is running the flow. */
export class FlowBusyError extends Error {
  /** The message as a code, for the UI's language. */
  readonly text: CodedText;

  constructor(
    readonly flowId: string,
    readonly holder: LockHolder,
  ) {
    const text = apiMessage('flowAlreadyRunning', {
      flowId,
      runId: holder.runId,
      pid: holder.pid,
      host: holder.host,
    });
    super(englishApiMessage(text));
    this.name = 'FlowBusyError';
    this.text = text;
  }
}

export interface StoreOptions {
  /**
   * Apply run writers' batches on a worker thread with its own connection (default), so SQLite's
   * work runs beside the engine; false keeps every write on this thread.
   */
  writerThread?: boolean;
  locks?: FlowLocksOptions;
  making?: MakingClaimsOptions;
  /** This process as lock owner (tests give each simulated process its own). */
  owner?: LockOwner;
}

export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  counts: RunCounts;
  error: { code: string; message: string } | null;
  finishedAt: number;
  durationMs: number;
}

/**
 * Koppel's run database (`<dataDir>/koppel.db`): runs, items, attempts, events, the ledger,
 * intents, cursors, waiting records, flow locks, making claims and schedule state. One instance per process; the engine writes
 * through {@link RunWriter}s, the API reads through the repositories.
 */
export class Store {
  readonly runs: RunsRepo;
  readonly items: ItemsRepo;
  readonly events: EventsRepo;
  readonly exactlyOnce: ExactlyOnceRepo;
  readonly locks: FlowLocks;
  readonly making: MakingClaims;
  readonly waiting: WaitingRepo;
  readonly schedules: ScheduleRepo;
  readonly ids: ItemIds;
  readonly owner: LockOwner;
  private batchStatements: BatchStatements | undefined;
  private batchThread: BatchThread | undefined;

  constructor(
    readonly db: Db,
    private readonly options: StoreOptions = {},
  ) {
    this.runs = new RunsRepo(db);
    this.items = new ItemsRepo(db);
    this.events = new EventsRepo(db);
    this.exactlyOnce = new ExactlyOnceRepo(db);
    this.locks = new FlowLocks(db, options.locks);
    this.schedules = new ScheduleRepo(db);
    // Once a run has started the writer thread, it reserves the next block of ids ahead.
    this.ids = new ItemIds(db, (size) => this.batchThread?.reserveIds(size));
    this.owner = options.owner ?? { id: nanoid(10), host: os.hostname(), pid: process.pid };
    this.making = new MakingClaims(db, this.owner, options.making);
    this.waiting = new WaitingRepo(db);
  }

  static open(file: string, options?: StoreOptions): Store {
    return new Store(openDatabase(file), options);
  }

  static openDataDir(dataDir: string, options?: StoreOptions): Store {
    return Store.open(databaseFile(dataDir), options);
  }

  /**
   * Starts a run atomically: takes the flow's lock (finishing the run of a dead holder as
   * interrupted) and inserts the run. Throws {@link FlowBusyError} when a live process runs it.
   * Returns the `runFinished` event of a run it had to finish, for the caller to publish.
   */
  beginRun(run: NewRun): { recovered: RunEvent | undefined } {
    return this.db
      .transaction(() => {
        const taken = this.locks.take(run.flow.id, run.id, this.owner, run.startedAt);
        if (taken.busy) throw new FlowBusyError(run.flow.id, taken.busy);
        const recovered = taken.dead
          ? finishInterruptedRun(
              this.db,
              this,
              taken.dead.runId,
              interruptedMessage(taken.dead),
              run.startedAt,
            )
          : undefined;
        this.runs.insert(run);
        return { recovered };
      })
      .immediate();
  }

  writer(
    runId: string,
    counts: RunCounts,
    payloadLogging: PayloadLogging,
    onCommit: CommitListener,
  ): RunWriter {
    this.batchStatements ??= new BatchStatements(this.db);
    return new RunWriter(
      { statements: this.batchStatements, thread: this.writerThread() },
      runId,
      counts,
      payloadLogging,
      onCommit,
    );
  }

  /**
   * Starts the writer thread now rather than with the first run (the app does at start-up), and
   * resolves once it is ready to write.
   */
  async warmUp(): Promise<void> {
    await this.writerThread()?.ready;
  }

  private writerThread(): BatchThread | undefined {
    if (this.batchThread || this.options.writerThread === false || this.db.memory) return this.batchThread;
    this.batchThread = new BatchThread(this.db.name);
    // Checkpoints are the checkpointer thread's job now. At the default threshold a run's last
    // batch, committed here, copied the whole WAL into the database first (~100 ms at the end
    // of a 10,000-record run, bench/engine.ts profile).
    this.db.pragma(WRITER_AUTOCHECKPOINT);
    return this.batchThread;
  }

  /**
   * Commits the run's last writes, its one `runFinished` event and the lock release in one
   * transaction. Returns undefined if the run had already been finished (by recovery elsewhere).
   */
  finishRun(writer: RunWriter, flowId: string, outcome: RunOutcome): RunEvent | undefined {
    writer.flushNow();
    const event = this.db.transaction(() => {
      const finished = this.runs.finish(writer.runId, outcome);
      this.locks.release(flowId, this.owner.id);
      if (!finished) return undefined;
      const event = writer.event(
        {
          type: 'runFinished',
          status: outcome.status,
          counts: outcome.counts,
          durationMs: outcome.durationMs,
          error: outcome.error,
        },
        outcome.finishedAt,
      );
      writer.flushNow();
      return event;
    })();
    // The run's WAL goes into the database file in the background, not at the next run's commits.
    this.batchThread?.checkpointSoon();
    return event;
  }

  /**
   * Start-up recovery: runs left `running` by a process that is gone are finished as interrupted.
   * Returns their `runFinished` events.
   */
  recoverAbandonedRuns(now: number = Date.now()): RunEvent[] {
    return this.db
      .transaction(() => {
        const recovered: RunEvent[] = [];
        const locks = new Map(this.locks.all(now).map((lock) => [lock.runId, lock]));
        for (const run of this.runs.running()) {
          const lock = locks.get(run.id);
          if (lock?.alive) continue;
          if (lock) this.locks.release(lock.flowId, lock.owner);
          const event = finishInterruptedRun(
            this.db,
            this,
            run.id,
            lock ? interruptedMessage(lock) : runMessage('processStopped', { owner: run.owner }),
            now,
          );
          if (event) recovered.push(event);
        }
        return recovered;
      })
      .immediate();
  }

  applyRetention(retentionDays: number, now: number = Date.now()): RetentionResult {
    return applyRetention(this.db, retentionDays, now);
  }

  lastRetentionAt(): number | undefined {
    return lastRetentionAt(this.db);
  }

  /** A small fact the app keeps beside the runs (the meta table), e.g. how the last alert went. */
  readMeta(key: string): string | undefined {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)
      ?.value;
  }

  writeMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  /**
   * The log lines about one record (the warnings its nodes gave), across its attempts: the first
   * run's, then each retry's, whichever attempt's item is asked for. Undefined for an unknown item.
   */
  recordLog(itemId: number): LogEvent[] | undefined {
    const item = this.items.keyAndRuns(itemId);
    return item?.runIds.flatMap((runId) => this.events.linesAbout(runId, item.key));
  }

  /** Records per day and the most frequent errors, for the dashboard. */
  stats(days: number, now: number, flowId?: string): RunStats {
    return runStats(this.db, days, now, flowId);
  }

  eraseByEmail(email: string): EraseResult {
    return eraseByEmail(this.db, email);
  }

  close(): void {
    this.batchThread?.close();
    this.batchThread = undefined;
    if (this.db.open) this.db.close();
  }
}

function interruptedMessage(holder: LockHolder): RunMessage {
  return runMessage('processStopped', { pid: holder.pid, host: holder.host });
}
