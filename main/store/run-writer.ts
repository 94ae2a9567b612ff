import type { JsonObject, JsonValue } from '../../shared/flow/json';
import type { RunEvent, RunEventDraft } from '../../shared/flow/run-events';
import {
  formatItemKey,
  type BusinessKeys,
  type ItemKeyParts,
  type RunCounts,
} from '../../shared/flow/run-records';
import { englishReasons, skipReason, type SkipReason } from '../../shared/flow/skip-reasons';
import type { PayloadLogging } from '../../shared/settings/settings';
import type { BatchThread } from './batch-thread';
import type { Intent } from './exactly-once-repo';
import type { AttemptRecord, ItemRecord } from './items-repo';
import { ItemRows, JsonTexts, toJson } from './item-rows';
import { batchGroups, emptyBatch, type BatchStatements, type WriteBatch } from './write-batch';

/** Where a writer sends the events of each committed batch (the UI's `runs.events` stream). */
export type CommitListener = (events: RunEvent[]) => void;

interface LedgerPut {
  flowId: string;
  nodeId: string;
  sourceKey: string;
  targetIds: Record<string, string>;
  payloadHash: string;
  at: number;
}

interface IntentChange {
  flowId: string;
  nodeId: string;
  sourceKey: string;
  /** Null: delete the key's intent. */
  intent: Intent | null;
}

/**
 * Batches given to the writer thread at once. Records waiting for one batch cannot move until it
 * is committed; with two, one group of records is processed here while the other's batch is
 * written, instead of both threads taking turns (measured with bench/engine.ts).
 */
const MAX_IN_FLIGHT = 2;

/**
 * Records waiting for a commit that make a batch go at once rather than at the end of the tick
 * (64 measured best of 16 to 256 with bench/engine.ts: 6.1k → 8.1k records/s).
 */
const CHUNK = 64;

/**
 * Writes queued that send a batch to the writer thread at once. A run whose records never wait for
 * a commit (a dry run: no intents) is one long chain of promise callbacks that starves the
 * end-of-tick flush; without this its whole run queued here until it ended.
 */
export const FLUSH_AT = 1024;

/** Writes queued beyond which {@link RunWriter.room} asks new records to wait (memory stays flat). */
export const QUEUE_LIMIT = 4 * FLUSH_AT;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

interface InFlight {
  waiters: Waiter[];
  /** Ledger and intent keys the batch writes. */
  keys: Set<string>;
}

interface CursorPut {
  flowId: string;
  nodeId: string;
  value: JsonValue;
  at: number;
}

/** A record that waits for another (see `waitsForAnotherRecord`), as its item left it. */
export interface WaitingPut {
  flowId: string;
  /** The source node that read it: the next runs offer it to that node's next steps again. */
  nodeId: string;
  key: ItemKeyParts;
  record: JsonObject;
  businessKeys: BusinessKeys;
  reasons: readonly SkipReason[];
  itemId: number;
  /** When it first waited (a later put keeps the stored one). */
  since: number;
  at: number;
}

/**
 * Batches one run's writes: item states, attempts, events, ledger, intents, cursors and waiting
 * records are queued
 * and committed together in one transaction per event-loop turn (or sooner when the queue is
 * long). Events are handed to listeners only after their transaction committed ("persisted before
 * emitted"). `commit()` resolves once everything queued so far is durable in the database — the
 * engine awaits it before every write to a target system.
 *
 * Within a batch only the last state counts: an item is written once, an intent or ledger entry
 * once per key, and a source's cursor once (with one `cursorSaved` event), however many records
 * moved it.
 */
export class RunWriter {
  private readonly dirtyItems = new Map<number, ItemRecord>();
  private attempts: AttemptRecord[] = [];
  private resolves: { originalId: number; item: ItemRecord }[] = [];
  private readonly ledger = new Map<string, LedgerPut>();
  /** Per key: the intent to store, or null to delete it. */
  private readonly intents = new Map<string, IntentChange>();
  private readonly cursors = new Map<string, CursorPut>();
  /** Per flow and item key: the waiting record to store, or null to delete it. */
  private readonly waiting = new Map<string, { flowId: string; itemKey: string; put: WaitingPut | null }>();
  private pendingEvents: RunEvent[] = [];
  private waiters: Waiter[] = [];
  private scheduled = false;
  private flushQueued = false;
  /** Writes queued since the last batch was taken. */
  private queued = 0;
  private failure: Error | undefined;
  private seq: number;
  private lastAt = -1;
  private lastIso = '';
  private committedSeq: number;
  /** Batches the writer thread has been given and not yet answered, oldest first. */
  private readonly inFlight: InFlight[] = [];
  private readonly flushSoon = () => this.flush();
  /** What an item this run retried says once the retry settled it (the same for all of them). */
  private readonly retried: { sentence: string; json: string };
  private readonly itemRows: ItemRows;

  constructor(
    /** Where batches are applied: on this connection, or by the writer thread when there is one. */
    private readonly sink: { statements: BatchStatements; thread: BatchThread | undefined },
    readonly runId: string,
    /** The counts object the engine keeps current; written with every batch. */
    private readonly counts: RunCounts,
    payloadLogging: PayloadLogging,
    private readonly onCommit: CommitListener,
    startSeq = 0,
  ) {
    this.seq = startSeq;
    this.committedSeq = startSeq;
    this.itemRows = new ItemRows(payloadLogging);
    const retried = [skipReason('retriedIn', { runId })];
    this.retried = { sentence: englishReasons(retried), json: JSON.stringify(retried) };
  }

  /**
   * Numbers an event and queues it. The draft becomes the event (it gains `runId`, `seq` and
   * `at`): pass a fresh object.
   */
  event(draft: RunEventDraft, at: number = Date.now()): RunEvent {
    const event = this.number(draft, at);
    this.pendingEvents.push(event);
    this.schedule();
    return event;
  }

  private number(draft: RunEventDraft, at: number): RunEvent {
    // Many events share a millisecond: format its time once.
    if (at !== this.lastAt) {
      this.lastAt = at;
      this.lastIso = new Date(at).toISOString();
    }
    // Completing the draft in place keeps one object per event; copying it with a spread of
    // a dozen different shapes was a measurable share of a run's time.
    return Object.assign(draft, { runId: this.runId, seq: ++this.seq, at: this.lastIso }) as RunEvent;
  }

  /** Queues the item's current state (inserted the first time, updated after). */
  saveItem(item: ItemRecord): void {
    this.dirtyItems.set(item.id, item);
    this.schedule();
  }

  attempt(attempt: AttemptRecord): void {
    this.attempts.push(attempt);
    this.schedule();
  }

  /** A retry finished `item`: its original (in an earlier run) takes the same outcome. */
  resolveOriginal(originalId: number, item: ItemRecord): void {
    this.resolves.push({ originalId, item });
    this.schedule();
  }

  putLedger(entry: LedgerPut): void {
    this.ledger.set(exactlyOnceKey(entry.flowId, entry.nodeId, entry.sourceKey), entry);
    this.schedule();
  }

  putIntent(intent: Intent): void {
    const { flowId, nodeId, sourceKey } = intent;
    this.intents.set(exactlyOnceKey(flowId, nodeId, sourceKey), { flowId, nodeId, sourceKey, intent });
    this.schedule();
  }

  clearIntent(flowId: string, nodeId: string, sourceKey: string): void {
    this.intents.set(exactlyOnceKey(flowId, nodeId, sourceKey), { flowId, nodeId, sourceKey, intent: null });
    this.schedule();
  }

  /** Queues a source's cursor; the batch stores its last value and reports it with a `cursorSaved` event. */
  putCursor(flowId: string, nodeId: string, value: JsonValue, at: number): void {
    this.cursors.set(`${flowId}\n${nodeId}`, { flowId, nodeId, value, at });
    this.schedule();
  }

  /** Queues a record that waits for another: the next runs of its flow offer it again. */
  putWaiting(put: WaitingPut): void {
    const itemKey = formatItemKey(put.key);
    this.waiting.set(`${put.flowId}\n${itemKey}`, { flowId: put.flowId, itemKey, put });
    this.schedule();
  }

  /** Queues the end of a record's wait (it went through, failed, or waited too long). */
  dropWaiting(flowId: string, itemKey: string): void {
    this.waiting.set(`${flowId}\n${itemKey}`, { flowId, itemKey, put: null });
    this.schedule();
  }

  /** Resolves when everything queued so far is committed; rejects if the database refused it. */
  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const inFlight = this.inFlight.at(-1);
    if (!this.hasWork()) {
      if (!inFlight) return Promise.resolve();
      return new Promise((resolve, reject) => inFlight.waiters.push({ resolve, reject }));
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      // With a writer thread, a full chunk of waiting records goes now: the thread writes it while
      // the records still to come are processed here.
      if (this.waiters.length >= CHUNK && this.sink.thread && this.inFlight.length < MAX_IN_FLIGHT)
        this.flush();
      else this.schedule();
    });
  }

  /**
   * Undefined while the queue is short; else a promise (never rejected) that resolves once the
   * writer has caught up by a batch. The engine awaits it before starting another record, so a run
   * that never awaits `commit()` cannot queue faster than the database writes.
   */
  room(): Promise<void> | undefined {
    if (this.failure || this.queued < QUEUE_LIMIT) return undefined;
    return new Promise((resolve) => {
      // A failure is reported by commit() and the run; here it only ends the wait.
      const waiter = { resolve, reject: () => resolve() };
      const oldest = this.inFlight[0];
      if (oldest) oldest.waiters.push(waiter);
      else {
        this.waiters.push(waiter);
        this.schedule();
      }
    });
  }

  /**
   * Commits now, synchronously (the run's last batch): waits for the batch the writer thread is
   * applying, then applies the rest on this connection. Throws if the database refused it.
   */
  flushNow(): void {
    if (this.inFlight.length > 0) this.sink.thread?.waitFor(() => this.inFlight.length === 0);
    if (this.failure) throw this.failure;
    this.flush(true);
    if (this.failure) throw this.failure;
  }

  /**
   * Whether a write of this ledger or intent key is queued or being applied: read the key from the
   * database only after `commit()`.
   */
  hasUncommitted(flowId: string, nodeId: string, sourceKey: string): boolean {
    const key = exactlyOnceKey(flowId, nodeId, sourceKey);
    return (
      this.ledger.has(key) || this.intents.has(key) || this.inFlight.some((batch) => batch.keys.has(key))
    );
  }

  /** Writes queued and not yet handed to a batch. */
  get backlog(): number {
    return this.queued;
  }

  /** Sequence number of the last committed event. */
  get lastCommittedSeq(): number {
    return this.committedSeq;
  }

  /** Whether writes are queued but not committed (e.g. an item whose ledger entry is not yet stored). */
  hasWork(): boolean {
    return (
      this.dirtyItems.size > 0 ||
      this.pendingEvents.length > 0 ||
      this.attempts.length > 0 ||
      this.resolves.length > 0 ||
      this.ledger.size > 0 ||
      this.intents.size > 0 ||
      this.cursors.size > 0 ||
      this.waiting.size > 0
    );
  }

  private schedule(): void {
    if (this.failure) return;
    if (++this.queued >= FLUSH_AT && this.sink.thread && this.inFlight.length < MAX_IN_FLIGHT) {
      // After the caller's synchronous code, never inside it: an item is often changed (finished)
      // and saved a few statements apart, and a batch taken in between would insert it twice.
      if (!this.flushQueued) {
        this.flushQueued = true;
        queueMicrotask(this.flushSoon);
      }
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flushSoon);
  }

  /**
   * Sends what is queued as one batch. With a writer thread up to {@link MAX_IN_FLIGHT} batches
   * are in flight; what queues meanwhile goes in the next one (bigger batches, fewer commits).
   */
  private flush(here = false): void {
    this.scheduled = false;
    this.flushQueued = false;
    if (this.failure) {
      this.settle(this.takeWaiters(), [], this.failure);
      return;
    }
    if (this.inFlight.length >= MAX_IN_FLIGHT) return;
    const waiters = this.takeWaiters();
    if (!this.hasWork()) {
      this.settle(waiters, [], undefined);
      return;
    }
    this.queued = 0;
    const keys = new Set([...this.ledger.keys(), ...this.intents.keys()]);
    const groups = batchGroups(this.takeBatch());
    const events = this.pendingEvents;
    this.pendingEvents = [];
    const thread = here ? undefined : this.sink.thread;
    if (thread) {
      const inFlight: InFlight = { waiters, keys };
      this.inFlight.push(inFlight);
      thread.submit(groups, (error) => {
        // The thread answers in the order it was given batches.
        this.inFlight.shift();
        this.settle(inFlight.waiters, events, error);
        // What the waiters do next (send, finish items) queues for the next batch.
        if (this.hasWork() || this.waiters.length > 0) this.schedule();
      });
      return;
    }
    let failure: Error | undefined;
    try {
      this.sink.statements.apply(groups);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    this.settle(waiters, events, failure);
  }

  private takeWaiters(): Waiter[] {
    const waiters = this.waiters;
    this.waiters = [];
    return waiters;
  }

  /** After a batch: waiters resolved and events emitted, or everyone told of the failure. */
  private settle(waiters: Waiter[], events: RunEvent[], error: Error | undefined): void {
    if (error) {
      this.failure ??= error;
      for (const waiter of [...waiters, ...this.takeWaiters()]) waiter.reject(this.failure);
      return;
    }
    this.committedSeq = events.at(-1)?.seq ?? this.committedSeq;
    for (const waiter of waiters) waiter.resolve();
    if (events.length > 0) this.onCommit(events);
  }

  /** Turns everything queued into rows and empties the queues. */
  private takeBatch(): WriteBatch {
    const batch = emptyBatch();
    // The request an intent stores is the one its item stores: serialise it once.
    const json = new JsonTexts();
    for (const item of this.dirtyItems.values()) this.itemRows.push(batch, item, json);
    this.dirtyItems.clear();
    for (const attempt of this.attempts) {
      batch.attempts.push([
        attempt.rootId,
        attempt.itemId,
        attempt.runId,
        attempt.attempt,
        attempt.nodeId,
        attempt.status,
        toJson(attempt.error),
        attempt.startedAt,
        attempt.finishedAt,
      ]);
    }
    this.attempts = [];
    for (const { originalId, item } of this.resolves) {
      batch.resolves.push([
        item.status,
        item.nodeId,
        // The retry continues the original's count, so its count is the record's.
        item.attempts,
        item.status === 'failed' ? item.reason : this.retried.sentence,
        item.status === 'failed' ? null : this.retried.json,
        toJson(item.error),
        item.action,
        toJson(item.targetIds),
        item.finishedAt,
        originalId,
      ]);
    }
    this.resolves = [];
    for (const entry of this.ledger.values()) {
      batch.ledger.push([
        entry.flowId,
        entry.nodeId,
        entry.sourceKey,
        JSON.stringify(entry.targetIds),
        entry.payloadHash,
        this.runId,
        entry.at,
      ]);
    }
    this.ledger.clear();
    for (const { flowId, nodeId, sourceKey, intent } of this.intents.values()) {
      if (!intent) batch.intentDeletes.push([flowId, nodeId, sourceKey]);
      else {
        batch.intentPuts.push([
          intent.flowId,
          intent.nodeId,
          intent.sourceKey,
          intent.runId,
          intent.itemId,
          intent.mode,
          intent.idempotencyKey,
          intent.reference,
          intent.payloadHash,
          json.of(intent.request) ?? 'null',
          toJson(intent.existing),
          intent.createdAt,
        ]);
      }
    }
    this.intents.clear();
    for (const cursor of this.cursors.values()) {
      batch.cursors.push([cursor.flowId, cursor.nodeId, JSON.stringify(cursor.value), this.runId, cursor.at]);
      this.pendingEvents.push(
        this.number({ type: 'cursorSaved', nodeId: cursor.nodeId, cursor: cursor.value }, Date.now()),
      );
    }
    this.cursors.clear();
    for (const { flowId, itemKey, put } of this.waiting.values()) {
      if (!put) batch.waitingDeletes.push([flowId, itemKey]);
      else {
        batch.waitingPuts.push([
          flowId,
          itemKey,
          put.nodeId,
          JSON.stringify(put.key),
          JSON.stringify(put.record),
          JSON.stringify(put.businessKeys),
          JSON.stringify(put.reasons),
          put.itemId,
          put.since,
          put.at,
        ]);
      }
    }
    this.waiting.clear();
    for (const event of this.pendingEvents) {
      batch.events.push([
        event.runId,
        event.seq,
        event.type,
        'itemId' in event ? event.itemId : null,
        JSON.stringify(event),
      ]);
    }
    const lastSeq = this.pendingEvents.at(-1)?.seq ?? this.committedSeq;
    const { total, succeeded, skipped, failed } = this.counts;
    batch.counts.push([total, succeeded, skipped, failed, lastSeq, this.runId]);
    return batch;
  }
}

function exactlyOnceKey(flowId: string, nodeId: string, sourceKey: string): string {
  return `${flowId}\n${nodeId}\n${sourceKey}`;
}
