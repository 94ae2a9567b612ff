import { createRequire } from 'node:module';
import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startSourceWorker } from '../threads/source-worker';
import { CONNECTION_PRAGMAS } from './database';
import { RESERVE_IDS_SQL } from './item-ids';
import { BATCH_SQL, type BatchGroups } from './write-batch';

/** Told once the batch is committed (no error) or refused (the error; nothing of it was written). */
export type BatchDone = (error: Error | undefined) => void;

interface Ack {
  id: number;
  error: { message: string; code: string | undefined } | null;
  /** A reservation's first id. */
  value?: number | null;
}

type Answered = (error: Error | undefined, value: number | null) => void;

/**
 * The worker's whole program, a string (see threads/source-worker.ts for why); it loads
 * better-sqlite3 from the path the main thread resolved. It prepares the batch statements on its own connection and applies each
 * batch in one transaction, in the order received.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file, pragmas, sql, reserveSql, port, done } = workerData;
const finished = new Int32Array(done);
// Slot 0 counts answered messages; slot 1 becomes 1 once the connection is closed.
const db = new Database(file);
for (const pragma of pragmas) db.pragma(pragma);
const statements = sql.map((text) => db.prepare(text));
const reserveIds = db.prepare(reserveSql);
// Batch ids start at 1: answer 0 says the connection is open and the statements are prepared.
port.postMessage({ id: 0, error: null });
const apply = db.transaction((groups) => {
  for (const [index, rows] of groups) {
    const statement = statements[index];
    for (const row of rows) statement.run(row);
  }
});
port.on('message', (message) => {
  if (message === null) {
    try {
      db.close();
    } finally {
      Atomics.store(finished, 1, 1);
      Atomics.notify(finished, 1);
      port.close();
    }
    return;
  }
  let error = null;
  let value = null;
  try {
    // A batch, or a block of item ids to reserve.
    if (message.reserve !== undefined) value = reserveIds.get({ size: message.reserve }).start;
    else apply(message.groups);
  } catch (caught) {
    error = { message: caught instanceof Error ? caught.message : String(caught), code: caught && caught.code };
  }
  port.postMessage({ id: message.id, error, value });
  // After the answer is queued: a main thread blocked in waitFor() wakes and reads it.
  Atomics.add(finished, 0, 1);
  Atomics.notify(finished, 0);
});
`;

/**
 * The checkpointer's program: PASSIVE checkpoints on its own connection when asked. A checkpoint
 * copies the WAL into the database file and syncs it; done inside the writer's commit it stopped
 * the writer for ~100 ms per 40 MB of WAL, and with it every record waiting for a commit (a
 * fifth of a long run's time, measured with bench/engine.ts). A PASSIVE checkpoint runs beside
 * the writer's transactions.
 */
const CHECKPOINT_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file, pragmas, port, closed } = workerData;
const closedFlag = new Int32Array(closed);
const db = new Database(file);
for (const pragma of pragmas) db.pragma(pragma);
port.on('message', (message) => {
  if (message === null) {
    try {
      db.close();
    } finally {
      Atomics.store(closedFlag, 0, 1);
      Atomics.notify(closedFlag, 0);
      port.close();
    }
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failed: the next request (or SQLite's own auto-checkpoint) tries again.
  }
  port.postMessage(0);
});
`;

/** Batches between two checkpoint requests (a batch is typically 0.1–0.5 MB of WAL). */
const CHECKPOINT_EVERY = 64;

/**
 * The writer's connection checkpoints itself only when the WAL passes this many pages (~160 MB):
 * normally the checkpointer keeps it far smaller; this bounds it should that thread fail.
 */
export const WRITER_AUTOCHECKPOINT = 'wal_autocheckpoint = 40000';

/** How long `close` waits for a thread to close its connection (a checkpoint may be running). */
const CLOSE_WAIT_MS = 10_000;

/** How long `waitFor` blocks before deciding the thread is gone. */
const WAIT_LIMIT_MS = 120_000;

/**
 * Applies run writers' batches on a worker thread with its own SQLite connection, so SQLite's
 * work (statements, commits, WAL writes) runs beside the engine instead of on its thread. Batches
 * are applied one at a time in the order submitted; each one's callback runs on the main thread
 * when its answer arrives, or synchronously inside {@link waitFor}.
 */
export class BatchThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly finished: Int32Array;
  private readonly pending = new Map<number, Answered>();
  private nextId = 1;
  /** Answers received and not yet settled (settled together on the next turn of the event loop). */
  private received: Ack[] = [];
  private readonly settleReceived = () => {
    const acks = this.received;
    this.received = [];
    for (const ack of acks) this.settle(ack);
  };
  private failure: Error | undefined;
  private readonly checkpointer: { worker: Worker; port: MessagePort; closed: Int32Array };
  private markReady: () => void = () => {};
  /** Resolves once the thread has opened its connection and prepared its statements. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private checkpointing = false;
  private sinceCheckpoint = 0;

  constructor(file: string) {
    const done = new SharedArrayBuffer(8);
    this.finished = new Int32Array(done);
    // Neither keeps the process alive: a run awaits its batches, and close() ends the thread.
    ({ worker: this.worker, port: this.port } = startSourceWorker(WORKER_SOURCE, {
      driver: createRequire(__filename).resolve('better-sqlite3'),
      file,
      pragmas: [...CONNECTION_PRAGMAS, WRITER_AUTOCHECKPOINT],
      sql: BATCH_SQL,
      reserveSql: RESERVE_IDS_SQL,
      done,
    }));
    this.port.on('message', (ack: Ack) => this.receive(ack));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`The database writer thread stopped (exit code ${code}).`)),
    );
    this.checkpointer = startCheckpointer(file);
    this.checkpointer.port.on('message', () => {
      this.checkpointing = false;
    });
  }

  /** Queues a batch; `done` is called once it is committed or refused. */
  submit(groups: BatchGroups, done: BatchDone): void {
    if (this.failure) {
      done(this.failure);
      return;
    }
    const id = this.nextId++;
    this.pending.set(id, (error) => done(error));
    this.port.postMessage({ id, groups });
    if (++this.sinceCheckpoint >= CHECKPOINT_EVERY) this.checkpointSoon();
  }

  /**
   * Asks the checkpointer for a checkpoint, unless one is running: every {@link CHECKPOINT_EVERY}
   * batches, and when a run ends (its WAL need not wait for the next run).
   */
  checkpointSoon(): void {
    if (this.failure || this.checkpointing) return;
    this.sinceCheckpoint = 0;
    this.checkpointing = true;
    this.checkpointer.port.postMessage(1);
  }

  /**
   * Reserves a block of item ids on the thread's connection, after the batches already queued
   * (see ItemIds: this way the engine's thread never waits for the database lock).
   */
  reserveIds(size: number): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (error, value) => {
        if (error) reject(error);
        else if (typeof value === 'number') resolve(value);
        else reject(new Error('The writer thread reserved no item ids.'));
      });
      this.port.postMessage({ id, reserve: size });
    });
  }

  /**
   * Blocks the calling thread until `settled()` holds, taking the thread's answers as they come
   * (their callbacks run here). For the few places that must be synchronous, e.g. a run's last
   * commit; never call it while holding a write transaction on another connection that a queued
   * batch needs.
   */
  waitFor(settled: () => boolean): void {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    this.settleReceived();
    while (!settled()) {
      if (this.failure) throw this.failure;
      // Read the counter before looking for an answer: an answer posted after the look is
      // followed by an increment, so the wait below returns at once instead of sleeping.
      const seen = Atomics.load(this.finished, 0);
      const received = receiveMessageOnPort(this.port) as { message: Ack } | undefined;
      if (received) {
        this.settle(received.message);
        continue;
      }
      if (Date.now() > deadline) throw new Error('The database writer thread did not answer.');
      Atomics.wait(this.finished, 0, seen, 100);
    }
  }

  /** Ends the thread after the batches already queued. */
  close(): void {
    this.port.postMessage(null);
    this.checkpointer.port.postMessage(null);
    // Until both connections are closed they may still write the WAL and shared-memory files:
    // whoever closes the store may delete or copy the folder next.
    if (!this.failure) Atomics.wait(this.finished, 1, 0, CLOSE_WAIT_MS);
    Atomics.wait(this.checkpointer.closed, 0, 0, CLOSE_WAIT_MS);
  }

  /**
   * Node delivers up to 1,000 port messages in one go, running each one's callbacks and promise
   * jobs before the next. Settling an answer at once lets its records run, send the next batch and
   * get its answer within that same go: a run that never waits for other I/O (records skipped as
   * unchanged, a dry run, in-memory systems) kept the event loop for seconds — no timers, no IPC,
   * no UI messages (measured: 1.4 s at 10k records, 4.6 s at 100k). Answers are settled on the
   * next turn instead.
   */
  private receive(ack: Ack): void {
    this.received.push(ack);
    if (this.received.length === 1) setImmediate(this.settleReceived);
  }

  private settle(ack: Ack): void {
    if (ack.id === 0) {
      this.markReady();
      return;
    }
    const done = this.pending.get(ack.id);
    if (!done) return;
    this.pending.delete(ack.id);
    if (!ack.error) {
      done(undefined, ack.value ?? null);
      return;
    }
    const error = new Error(ack.error.message);
    if (ack.error.code !== undefined) Object.assign(error, { code: ack.error.code });
    done(error, null);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    // Nothing to wait for: the first batch reports the failure.
    this.markReady();
    for (const done of this.pending.values()) done(error, null);
    this.pending.clear();
  }
}

/** The checkpointer thread; it keeps nothing alive, and a failure only leaves checkpoints to SQLite. */
function startCheckpointer(file: string): { worker: Worker; port: MessagePort; closed: Int32Array } {
  const closed = new SharedArrayBuffer(4);
  const { worker, port } = startSourceWorker(CHECKPOINT_SOURCE, {
    driver: createRequire(__filename).resolve('better-sqlite3'),
    file,
    pragmas: CONNECTION_PRAGMAS,
    closed,
  });
  const flag = new Int32Array(closed);
  // A thread that failed or stopped has no connection to wait for.
  const gone = () => {
    Atomics.store(flag, 0, 1);
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return { worker, port, closed: flag };
}
