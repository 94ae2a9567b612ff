import type { Db } from './database';

export interface ScheduleState {
  /** The due time last claimed (ms): the scheduler's memory across restarts. */
  lastDueAt: number | null;
  lastRunId: string | null;
}

/** Per flow, the last schedule due time handled; shared by every process on the data folder. */
export class ScheduleRepo {
  private readonly getStmt;
  private readonly claimStmt;
  private readonly insertStmt;
  private readonly runStmt;
  private readonly resetStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], { last_due_at: number | null; last_run_id: string | null }>(
      'SELECT last_due_at, last_run_id FROM schedule_state WHERE flow_id = ?',
    );
    this.claimStmt = db.prepare(
      'UPDATE schedule_state SET last_due_at = @due, updated_at = @now WHERE flow_id = @flowId AND last_due_at IS @previous',
    );
    this.insertStmt = db.prepare(
      'INSERT OR IGNORE INTO schedule_state (flow_id, last_due_at, last_run_id, updated_at) VALUES (@flowId, @due, NULL, @now)',
    );
    this.runStmt = db.prepare('UPDATE schedule_state SET last_run_id = ? WHERE flow_id = ?');
    this.resetStmt = db.prepare(
      `INSERT INTO schedule_state (flow_id, last_due_at, last_run_id, updated_at) VALUES (@flowId, @due, NULL, @now)
       ON CONFLICT (flow_id) DO UPDATE SET last_due_at = excluded.last_due_at, updated_at = excluded.updated_at`,
    );
  }

  get(flowId: string): ScheduleState | undefined {
    const row = this.getStmt.get(flowId);
    return row ? { lastDueAt: row.last_due_at, lastRunId: row.last_run_id } : undefined;
  }

  /**
   * Claims a due time if nobody else did: succeeds only when the stored time is still `previous`
   * (so two processes on one data folder never both start the same scheduled run).
   */
  claim(flowId: string, previous: number | null, due: number, now: number): boolean {
    return this.db.transaction(() => {
      if (previous === null && this.insertStmt.run({ flowId, due, now }).changes === 1) return true;
      return this.claimStmt.run({ flowId, due, previous, now }).changes === 1;
    })();
  }

  /** Sets the last due time without comparing (a resumed flow starts counting from now). */
  reset(flowId: string, due: number, now: number): void {
    this.resetStmt.run({ flowId, due, now });
  }

  recordRun(flowId: string, runId: string): void {
    this.runStmt.run(runId, flowId);
  }
}
