import os from 'node:os';
import type { Db } from './database';

/** Who runs a flow: one per process (random id), with its host and pid for liveness checks. */
export interface LockOwner {
  readonly id: string;
  readonly host: string;
  readonly pid: number;
}

export interface LockHolder {
  runId: string;
  owner: string;
  host: string;
  pid: number;
  heartbeatAt: number;
}

interface LockRow {
  flow_id: string;
  run_id: string;
  owner: string;
  host: string;
  pid: number;
  acquired_at: number;
  heartbeat_at: number;
  cancel_requested_at: number | null;
}

/** Whether a process on this machine still exists. Other hosts cannot be asked: only heartbeats count. */
export function processAlive(host: string, pid: number): boolean {
  if (host !== os.hostname()) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FlowLocksOptions {
  /** A holder whose heartbeat is older than this is dead (default 60 s; heartbeats come every 10 s). */
  staleAfterMs?: number;
  isAlive?: (host: string, pid: number) => boolean;
}

/**
 * "Never two runs of one flow at once", across processes sharing the data folder: a row per
 * running flow with the owner's pid and a heartbeat. A holder that died (its pid is gone, or its
 * heartbeat is stale) is taken over; the caller finishes its run as interrupted first.
 */
export class FlowLocks {
  readonly staleAfterMs: number;
  private readonly isAlive: (host: string, pid: number) => boolean;
  private readonly getStmt;
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly beatStmt;
  private readonly allStmt;
  private readonly askCancelStmt;
  private readonly cancelAskedStmt;

  constructor(db: Db, options: FlowLocksOptions = {}) {
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.isAlive = options.isAlive ?? processAlive;
    this.getStmt = db.prepare<[string], LockRow>('SELECT * FROM flow_locks WHERE flow_id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO flow_locks (flow_id, run_id, owner, host, pid, acquired_at, heartbeat_at)
       VALUES (@flowId, @runId, @owner, @host, @pid, @now, @now)`,
    );
    this.deleteStmt = db.prepare('DELETE FROM flow_locks WHERE flow_id = ? AND owner = ?');
    this.beatStmt = db.prepare('UPDATE flow_locks SET heartbeat_at = ? WHERE flow_id = ? AND owner = ?');
    this.allStmt = db.prepare<[], LockRow>('SELECT * FROM flow_locks');
    this.askCancelStmt = db.prepare(
      'UPDATE flow_locks SET cancel_requested_at = ? WHERE flow_id = ? AND run_id = ?',
    );
    this.cancelAskedStmt = db.prepare<[string, string], { cancel_requested_at: number | null }>(
      'SELECT cancel_requested_at FROM flow_locks WHERE flow_id = ? AND owner = ?',
    );
  }

  /**
   * Asks the process running `runId` (its flow's live holder) to cancel it: that process looks
   * every second (`cancelAsked`). False when no live process runs it.
   */
  askCancel(flowId: string, runId: string, now: number): boolean {
    const holder = this.holder(flowId);
    if (!holder || holder.runId !== runId || !holder.alive) return false;
    return this.askCancelStmt.run(now, flowId, runId).changes === 1;
  }

  /** Whether another process asked this holder to cancel the flow's run. */
  cancelAsked(flowId: string, ownerId: string): boolean {
    return (this.cancelAskedStmt.get(flowId, ownerId)?.cancel_requested_at ?? null) !== null;
  }

  /** The current holder, alive or not. */
  holder(flowId: string): (LockHolder & { alive: boolean }) | undefined {
    const row = this.getStmt.get(flowId);
    return row ? { ...toHolder(row), alive: this.alive(row, Date.now()) } : undefined;
  }

  all(now: number): (LockHolder & { flowId: string; alive: boolean })[] {
    return this.allStmt
      .all()
      .map((row) => ({ ...toHolder(row), flowId: row.flow_id, alive: this.alive(row, now) }));
  }

  /**
   * Takes the lock inside the caller's transaction. Returns the live holder when someone else runs
   * the flow, `{ dead }` with the previous holder's run when it was taken over, or `{}`.
   */
  take(
    flowId: string,
    runId: string,
    owner: LockOwner,
    now: number,
  ): { busy?: LockHolder; dead?: LockHolder } {
    const row = this.getStmt.get(flowId);
    if (row && this.alive(row, now)) return { busy: toHolder(row) };
    if (row) this.deleteStmt.run(flowId, row.owner);
    this.insertStmt.run({ flowId, runId, owner: owner.id, host: owner.host, pid: owner.pid, now });
    return row ? { dead: toHolder(row) } : {};
  }

  heartbeat(flowId: string, ownerId: string, now: number): boolean {
    return this.beatStmt.run(now, flowId, ownerId).changes === 1;
  }

  release(flowId: string, ownerId: string): void {
    this.deleteStmt.run(flowId, ownerId);
  }

  private alive(row: LockRow, now: number): boolean {
    return now - row.heartbeat_at < this.staleAfterMs && this.isAlive(row.host, row.pid);
  }
}

function toHolder(row: LockRow): LockHolder {
  return { runId: row.run_id, owner: row.owner, host: row.host, pid: row.pid, heartbeatAt: row.heartbeat_at };
}
