import type { JsonValue } from '../../shared/flow/json';
import type { RunEvent, RunEventDraft } from '../../shared/flow/run-events';
import type { RunCounts } from '../../shared/flow/run-records';
import type { PayloadLogging } from '../../shared/settings/settings';
import type { Db } from './database';
import { EventsRepo } from './events-repo';
import { ExactlyOnceRepo, type Intent } from './exactly-once-repo';
import { ItemsRepo, type AttemptRecord, type ItemRecord } from './items-repo';
import type { RunsRepo } from './runs-repo';

/** Where a writer sends the events of each committed batch (the UI's `runs.events` stream). */
export type CommitListener = (events: RunEvent[]) => void;

export interface RunWriterDeps {
  db: Db;
  runs: RunsRepo;
  items: ItemsRepo;
  events: EventsRepo;
  exactlyOnce: ExactlyOnceRepo;
}

/**
 * Batches one run's writes: item states, attempts, events, ledger, intents and cursors are queued
 * and committed together in one transaction per event-loop turn (or sooner when the queue is
 * long). Events are handed to listeners only after their transaction committed ("persisted before
 * emitted"). `commit()` resolves once everything queued so far is durable in the database — the
 * engine awaits it before every write to a target system.
 */
export class RunWriter {
  private readonly dirtyItems = new Map<number, ItemRecord>();
  /** Items already in the table, with the payloads last written (compared by reference). */
  private readonly writtenItems = new Map<number, { mapped: JsonValue | null; request: JsonValue | null }>();
  private ops: (() => void)[] = [];
  private pendingEvents: RunEvent[] = [];
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private scheduled = false;
  private failure: Error | undefined;
  private seq: number;
  private lastAt = -1;
  private lastIso = '';
  private committedSeq: number;
  private readonly transaction: () => RunEvent[];

  constructor(
    private readonly deps: RunWriterDeps,
    readonly runId: string,
    /** The counts object the engine keeps current; written with every batch. */
    private readonly counts: RunCounts,
    private readonly payloadLogging: PayloadLogging,
    private readonly onCommit: CommitListener,
    startSeq = 0,
  ) {
    this.seq = startSeq;
    this.committedSeq = startSeq;
    this.transaction = deps.db.transaction(() => this.writeBatch());
  }

  /** Numbers an event and queues it. */
  event(draft: RunEventDraft, at: number = Date.now()): RunEvent {
    // The draft is one member of the union minus the numbering; adding it back gives that member.
    // Many events share a millisecond: format its time once.
    if (at !== this.lastAt) {
      this.lastAt = at;
      this.lastIso = new Date(at).toISOString();
    }
    const event = { ...draft, runId: this.runId, seq: ++this.seq, at: this.lastIso } as RunEvent;
    this.pendingEvents.push(event);
    this.schedule();
    return event;
  }

  /** Queues the item's current state (inserted the first time, updated after). */
  saveItem(item: ItemRecord): void {
    this.dirtyItems.set(item.id, item);
    this.schedule();
  }

  attempt(attempt: AttemptRecord): void {
    this.queue(() => this.deps.items.attemptStmt.run(ItemsRepo.attemptParams(attempt)));
  }

  /** A retry finished `item`: its original (in an earlier run) takes the same outcome. */
  resolveOriginal(originalId: number, item: ItemRecord): void {
    this.queue(() =>
      this.deps.items.resolveStmt.run({
        id: originalId,
        status: item.status,
        reason: item.status === 'failed' ? item.reason : `retried in run ${this.runId}`,
        error: item.error === null ? null : JSON.stringify(item.error),
        action: item.action,
        targetIds: item.targetIds === null ? null : JSON.stringify(item.targetIds),
        finishedAt: item.finishedAt,
      }),
    );
  }

  putLedger(entry: {
    flowId: string;
    nodeId: string;
    sourceKey: string;
    targetIds: Record<string, string>;
    payloadHash: string;
    at: number;
  }): void {
    this.queue(() =>
      this.deps.exactlyOnce.ledgerPut.run({
        flowId: entry.flowId,
        nodeId: entry.nodeId,
        sourceKey: entry.sourceKey,
        targetIds: JSON.stringify(entry.targetIds),
        payloadHash: entry.payloadHash,
        runId: this.runId,
        updatedAt: entry.at,
      }),
    );
  }

  putIntent(intent: Intent): void {
    this.queue(() => this.deps.exactlyOnce.intentPut.run(ExactlyOnceRepo.intentParams(intent)));
  }

  clearIntent(flowId: string, nodeId: string, sourceKey: string): void {
    this.queue(() => this.deps.exactlyOnce.intentDelete.run(flowId, nodeId, sourceKey));
  }

  putCursor(flowId: string, nodeId: string, value: JsonValue, at: number): void {
    this.queue(() =>
      this.deps.exactlyOnce.cursorPut.run({
        flowId,
        nodeId,
        value: JSON.stringify(value),
        runId: this.runId,
        updatedAt: at,
      }),
    );
  }

  /** Resolves when everything queued so far is committed; rejects if the database refused it. */
  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.hasWork()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Commits now, synchronously (the run's last batch). Throws if the database refused it. */
  flushNow(): void {
    this.flush();
    if (this.failure) throw this.failure;
  }

  /** Sequence number of the last committed event. */
  get lastCommittedSeq(): number {
    return this.committedSeq;
  }

  /** Whether writes are queued but not committed (e.g. an item whose ledger entry is not yet stored). */
  hasWork(): boolean {
    return this.ops.length > 0 || this.dirtyItems.size > 0 || this.pendingEvents.length > 0;
  }

  private queue(op: () => void): void {
    this.ops.push(op);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.failure) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const waiters = this.waiters;
    this.waiters = [];
    if (this.failure) {
      for (const waiter of waiters) waiter.reject(this.failure);
      return;
    }
    let events: RunEvent[] = [];
    try {
      if (this.hasWork()) events = this.transaction();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const waiter of waiters) waiter.reject(this.failure);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
    if (events.length > 0) this.onCommit(events);
  }

  /** Runs inside the transaction. */
  private writeBatch(): RunEvent[] {
    const { items, events: eventsRepo, runs } = this.deps;
    for (const dirty of this.dirtyItems.values()) {
      const item = this.redact(dirty);
      const written = this.writtenItems.get(item.id);
      if (!written) items.insertStmt.run(ItemsRepo.params(item));
      else if (written.mapped === item.mapped && written.request === item.request)
        items.outcomeStmt.run(ItemsRepo.outcomeParams(item));
      else items.updateStmt.run(ItemsRepo.params(item));
      // Finished items are not touched again; forget them so memory stays flat over long runs.
      if (item.finishedAt !== null) this.writtenItems.delete(item.id);
      else this.writtenItems.set(item.id, { mapped: item.mapped, request: item.request });
    }
    this.dirtyItems.clear();
    const ops = this.ops;
    this.ops = [];
    for (const op of ops) op();
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const event of events) eventsRepo.insertStmt.run(...EventsRepo.params(event));
    const lastSeq = events.at(-1)?.seq ?? this.committedSeq;
    runs.setCounts(this.runId, this.counts, lastSeq);
    this.committedSeq = lastSeq;
    return events;
  }

  /** Metadata-only logging keeps no payloads, except the input of a failed record (needed to retry it). */
  private redact(item: ItemRecord): ItemRecord {
    if (this.payloadLogging === 'full') return item;
    return {
      ...item,
      source: null,
      mapped: null,
      request: null,
      response: null,
      input: item.status === 'failed' ? item.input : null,
    };
  }
}
