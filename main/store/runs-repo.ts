import type { FlowDocument } from '../../shared/flow/flow-document';
import { migrateFlow } from '../../shared/flow/migrations';
import {
  RunStatus,
  RunTrigger,
  type RunCounts,
  type RunError,
  type RunSummary,
} from '../../shared/flow/run-records';
import type { Db } from './database';
import { iso, isoOrNull, textFromColumn } from './json-columns';
import { stoppedByCancel } from './stopped-by-cancel';

export interface RunRow {
  id: string;
  flow_id: string;
  flow_name: string;
  flow_revision: number;
  trigger: string;
  parent_run_id: string | null;
  dry_run: number;
  status: string;
  started_at: number;
  finished_at: number | null;
  owner: string;
  total: number;
  succeeded: number;
  skipped: number;
  failed: number;
  error_code: string | null;
  error_message: string | null;
  error_text_json: string | null;
  last_seq: number;
  /** Of `failed`, the records a cancel stopped (counted for cancelled runs only). */
  stopped: number;
  /** Warning lines in the run's log. */
  warnings: number;
}

export interface NewRun {
  id: string;
  flow: FlowDocument;
  trigger: RunTrigger;
  parentRunId: string | null;
  dryRun: boolean;
  owner: string;
  startedAt: number;
}

export interface RunFilter {
  flowId?: string;
  status?: RunStatus;
  /** Started at or after (ms). */
  from?: number;
  /** Started before (ms). */
  to?: number;
  limit: number;
  /** Page after this run (the previous page's `nextCursor`). */
  after?: string;
}

/** For `FROM runs r`. Only a cancel stops records, so only cancelled runs are looked into. */
const columns = `id, flow_id, flow_name, flow_revision, trigger, parent_run_id, dry_run, status, started_at,
  finished_at, owner, total, succeeded, skipped, failed, error_code, error_message, error_text_json, last_seq,
  CASE WHEN r.status = 'cancelled' AND r.failed > 0
    THEN (SELECT COUNT(*) FROM items i WHERE i.run_id = r.id AND i.status = 'failed' AND ${stoppedByCancel('i')})
    ELSE 0 END AS stopped,
  (SELECT COUNT(*) FROM events e INDEXED BY events_logs
    WHERE e.run_id = r.id AND e.type = 'log' AND json_extract(e.body, '$.level') = 'warn') AS warnings`;

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    flowRevision: row.flow_revision,
    trigger: RunTrigger.catch('manual').parse(row.trigger),
    parentRunId: row.parent_run_id,
    dryRun: row.dry_run === 1,
    status: RunStatus.catch('failed').parse(row.status),
    startedAt: iso(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    durationMs: row.finished_at === null ? null : row.finished_at - row.started_at,
    counts: { total: row.total, succeeded: row.succeeded, skipped: row.skipped, failed: row.failed },
    error:
      row.error_code === null
        ? null
        : {
            code: row.error_code,
            message: row.error_message ?? '',
            ...textFromColumn(row.error_text_json),
          },
    lastSeq: row.last_seq,
    ...(row.stopped > 0 ? { stopped: row.stopped } : {}),
    ...(row.warnings > 0 ? { warnings: row.warnings } : {}),
  };
}

/** A run another process makes, as `RunsRepo.others` finds it. */
export interface OtherRun {
  id: string;
  status: string;
  startedAt: number;
  lastSeq: number;
}

/** The runs table: one row per run, counts kept up to date by the run writer. */
export class RunsRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly countsStmt;
  private readonly finishStmt;
  private readonly flowStmt;
  private readonly runningStmt;
  private readonly othersStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO runs (id, flow_id, flow_name, flow_revision, flow_json, trigger, parent_run_id, dry_run, status,
        started_at, owner) VALUES (@id, @flowId, @flowName, @revision, @flowJson, @trigger, @parentRunId, @dryRun,
        'running', @startedAt, @owner)`,
    );
    this.getStmt = db.prepare<[string], RunRow>(`SELECT ${columns} FROM runs r WHERE id = ?`);
    this.countsStmt = db.prepare(
      `UPDATE runs SET total = @total, succeeded = @succeeded, skipped = @skipped, failed = @failed,
        last_seq = MAX(last_seq, @lastSeq) WHERE id = @id`,
    );
    this.finishStmt = db.prepare(
      `UPDATE runs SET status = @status, finished_at = @finishedAt, total = @total, succeeded = @succeeded,
        skipped = @skipped, failed = @failed, error_code = @errorCode, error_message = @errorMessage,
        error_text_json = @errorText
        WHERE id = @id AND status = 'running'`,
    );
    this.flowStmt = db.prepare<[string], { flow_json: string }>('SELECT flow_json FROM runs WHERE id = ?');
    this.runningStmt = db.prepare<[], RunRow>(`SELECT ${columns} FROM runs r WHERE status = 'running'`);
    // Through the status and finish indexes: a handful of rows, read once a second.
    this.othersStmt = db.prepare<[string, number, string], OtherRun>(
      `SELECT id, status, started_at AS startedAt, last_seq AS lastSeq FROM runs
         WHERE status = 'running' AND owner <> ?
       UNION
       SELECT id, status, started_at AS startedAt, last_seq AS lastSeq FROM runs
         WHERE finished_at >= ? AND owner <> ?`,
    );
  }

  /**
   * Runs of other processes on the data folder that are running, or finished since `finishedSince`
   * (ms): what `ForeignRuns` follows.
   */
  others(owner: string, finishedSince: number): OtherRun[] {
    return this.othersStmt.all(owner, finishedSince, owner);
  }

  insert(run: NewRun): void {
    this.insertStmt.run({
      id: run.id,
      flowId: run.flow.id,
      flowName: run.flow.name,
      revision: run.flow.revision,
      flowJson: JSON.stringify(run.flow),
      trigger: run.trigger,
      parentRunId: run.parentRunId,
      dryRun: run.dryRun ? 1 : 0,
      startedAt: run.startedAt,
      owner: run.owner,
    });
  }

  row(id: string): RunRow | undefined {
    return this.getStmt.get(id);
  }

  get(id: string): RunSummary | undefined {
    const row = this.getStmt.get(id);
    return row ? toRunSummary(row) : undefined;
  }

  /** The runs that retried records of this one, oldest first. */
  retriesOf(id: string): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        'SELECT id FROM runs WHERE parent_run_id = ? ORDER BY started_at, rowid',
      )
      .all(id)
      .map((row) => row.id);
  }

  /** The flow document as it ran (for retries when the flow is no longer saved). */
  flowOf(id: string): FlowDocument | undefined {
    const row = this.flowStmt.get(id);
    return row ? migrateFlow(JSON.parse(row.flow_json)) : undefined;
  }

  setCounts(id: string, counts: RunCounts, lastSeq: number): void {
    this.countsStmt.run({ id, ...counts, lastSeq });
  }

  /** Sets the counts without touching the event numbering (a retry run changed some of its items). */
  recount(id: string, counts: RunCounts): void {
    this.db
      .prepare(
        'UPDATE runs SET total = @total, succeeded = @succeeded, skipped = @skipped, failed = @failed WHERE id = @id',
      )
      .run({ id, ...counts });
  }

  /** Finishes a running run; false when it was already finished (so `runFinished` is written once). */
  finish(
    id: string,
    outcome: {
      status: RunStatus;
      finishedAt: number;
      counts: RunCounts;
      error: RunError | null;
    },
  ): boolean {
    const result = this.finishStmt.run({
      id,
      status: outcome.status,
      finishedAt: outcome.finishedAt,
      ...outcome.counts,
      errorCode: outcome.error?.code ?? null,
      errorMessage: outcome.error?.message ?? null,
      errorText: outcome.error?.text ? JSON.stringify(outcome.error.text) : null,
    });
    return result.changes === 1;
  }

  running(): RunRow[] {
    return this.runningStmt.all();
  }

  /** Newest first, filtered; `nextCursor` continues the list. */
  list(filter: RunFilter): { runs: RunSummary[]; nextCursor: string | null } {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit + 1 };
    if (filter.flowId) {
      where.push('flow_id = @flowId');
      params.flowId = filter.flowId;
    }
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.from !== undefined) {
      where.push('started_at >= @from');
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      where.push('started_at < @to');
      params.to = filter.to;
    }
    if (filter.after) {
      const anchor = this.getStmt.get(filter.after);
      if (anchor) {
        where.push('(started_at < @anchorStart OR (started_at = @anchorStart AND id < @anchorId))');
        params.anchorStart = anchor.started_at;
        params.anchorId = anchor.id;
      }
    }
    const rows = this.db
      .prepare<Record<string, string | number>, RunRow>(
        `SELECT ${columns} FROM runs r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY started_at DESC, id DESC LIMIT @limit`,
      )
      .all(params);
    const page = rows.slice(0, filter.limit);
    return {
      runs: page.map(toRunSummary),
      nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** The newest run of each flow (flows list: last run). */
  latestPerFlow(): Map<string, RunSummary> {
    const rows = this.db
      .prepare<[], RunRow>(
        `SELECT ${columns} FROM runs r WHERE started_at = (SELECT MAX(started_at) FROM runs WHERE flow_id = r.flow_id)`,
      )
      .all();
    return new Map(rows.map((row) => [row.flow_id, toRunSummary(row)]));
  }
}
