import type { JsonValue } from '../../shared/flow/json';
import {
  ItemAction,
  ItemStatus,
  type BusinessKeys,
  type ItemAttempt,
  type RunItemDetail,
  type RunItemSummary,
  type StepErrorInfo,
} from '../../shared/flow/run-records';
import type { SkipReason } from '../../shared/flow/skip-reasons';
import type { Db } from './database';
import { stoppedByCancel } from './stopped-by-cancel';
import {
  errorFromColumn,
  fromJsonColumn,
  idsFromColumn,
  iso,
  isoOrNull,
  reasonsFromColumn,
} from './json-columns';

/** A run item as the writer inserts it; fields may still change until the batch is flushed. */
export interface ItemRecord {
  id: number;
  runId: string;
  key: string;
  status: ItemStatus;
  nodeId: string | null;
  reason: string | null;
  /** Why it was skipped, as codes (the screens word them); `reason` is their English sentence. */
  reasons: SkipReason[] | null;
  error: StepErrorInfo | null;
  attempts: number;
  orderNumber: string | null;
  email: string | null;
  sku: string | null;
  action: ItemAction | null;
  targetIds: Record<string, string> | null;
  retryOf: number | null;
  rootId: number;
  source: JsonValue | null;
  input: JsonValue | null;
  mapped: JsonValue | null;
  request: JsonValue | null;
  response: JsonValue | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface AttemptRecord {
  rootId: number;
  itemId: number;
  runId: string;
  attempt: number;
  nodeId: string | null;
  status: ItemStatus;
  error: StepErrorInfo | null;
  startedAt: number;
  finishedAt: number | null;
}

/** What a retry run needs of the item it retries. */
export interface RetrySource {
  id: number;
  runId: string;
  key: string;
  status: ItemStatus;
  nodeId: string | null;
  rootId: number;
  attempts: number;
  input: JsonValue | null;
  source: JsonValue | null;
  orderNumber: string | null;
  email: string | null;
  sku: string | null;
  erased: boolean;
}

/** A record a Koppel run wrote to a system, as the run history holds it. */
export interface WrittenRecord {
  /** The run that wrote it. */
  runId: string;
  /** Its ids in the system it was written to. */
  targetIds: Record<string, string>;
  businessKeys: BusinessKeys;
}

interface ItemRow {
  id: number;
  run_id: string;
  item_key: string;
  status: string;
  node_id: string | null;
  reason: string | null;
  reasons_json: string | null;
  error_json: string | null;
  attempts: number;
  order_number: string | null;
  email: string | null;
  sku: string | null;
  action: string | null;
  target_ids: string | null;
  retry_of: number | null;
  root_id: number;
  started_at: number;
  finished_at: number | null;
}

interface ItemDetailRow extends ItemRow {
  source_json: string | null;
  input_json: string | null;
  mapped_json: string | null;
  request_json: string | null;
  response_json: string | null;
  erased: number;
}

interface AttemptRow {
  attempt: number;
  run_id: string;
  item_id: number;
  node_id: string | null;
  status: string;
  error_json: string | null;
  started_at: number;
  finished_at: number | null;
}

/** A run's items (`@runId`) with `status` (`@status`), else all, as a WHERE clause. */
function itemsWhere(status: ItemStatus | undefined): string {
  // A literal lets SQLite use the partial index of failed items.
  if (status === 'failed') return "run_id = @runId AND status = 'failed'";
  return status ? 'run_id = @runId AND status = @status' : 'run_id = @runId';
}

/** Items {@link ItemsRepo.each} reads at a time. */
const EACH_PAGE = 1000;

const summaryColumns = `id, run_id, item_key, status, node_id, reason, reasons_json, error_json, attempts, order_number, email, sku,
  action, target_ids, retry_of, root_id, started_at, finished_at`;

/**
 * Ids of items whose order number, e-mail, SKU or item key holds `@needle` (lower case) anywhere.
 * Exported for the query plan test: each branch must scan its index, not the table.
 */
export const CONTAINS_SQL = `
  SELECT id FROM items WHERE order_number IS NOT NULL AND instr(lower(order_number), @needle) > 0
  UNION SELECT id FROM items WHERE email IS NOT NULL AND instr(lower(email), @needle) > 0
  UNION SELECT id FROM items WHERE sku IS NOT NULL AND instr(lower(sku), @needle) > 0
  UNION SELECT id FROM items WHERE instr(lower(item_key), @needle) > 0`;

/** `text` if it is one of `options`, else `otherwise`: a set look-up, not a zod parse per row (a 100k-record export reads 100k rows). */
function oneOf<T extends string>(options: ReadonlySet<string>, text: string, otherwise: T): T {
  return options.has(text) ? (text as T) : otherwise;
}
const STATUSES: ReadonlySet<string> = new Set(ItemStatus.options);
const ACTIONS: ReadonlySet<string> = new Set(ItemAction.options);

function toSummary(row: ItemRow): RunItemSummary {
  return {
    id: row.id,
    runId: row.run_id,
    key: row.item_key,
    status: oneOf<ItemStatus>(STATUSES, row.status, 'failed'),
    nodeId: row.node_id,
    reason: row.reason,
    reasons: reasonsFromColumn(row.reasons_json),
    error: errorFromColumn(row.error_json),
    attempts: row.attempts,
    businessKeys: {
      ...(row.order_number === null ? {} : { orderNumber: row.order_number }),
      ...(row.email === null ? {} : { email: row.email }),
      ...(row.sku === null ? {} : { sku: row.sku }),
    },
    action: row.action === null ? null : oneOf<ItemAction>(ACTIONS, row.action, 'created'),
    targetIds: idsFromColumn(row.target_ids),
    retryOf: row.retry_of,
    startedAt: iso(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}

/** Run items and their attempt history. Writes go through the run writer; this is the read side. */
export class ItemsRepo {
  private readonly detailStmt;
  private readonly historyStmt;
  private readonly maxIdStmt;
  private readonly writtenStmt;
  private readonly failedOfFlowStmt;

  constructor(private readonly db: Db) {
    this.detailStmt = db.prepare<[number], ItemDetailRow>(
      `SELECT ${summaryColumns}, source_json, input_json, mapped_json, request_json, response_json, erased
       FROM items WHERE id = ?`,
    );
    this.historyStmt = db.prepare<[number], AttemptRow>(
      `SELECT attempt, run_id, item_id, node_id, status, error_json, started_at, finished_at
       FROM attempts WHERE root_id = ? ORDER BY id`,
    );
    this.maxIdStmt = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM items');
    this.failedOfFlowStmt = db.prepare<
      [string],
      { id: number; run_id: string; item_key: string; attempts: number }
    >(
      `SELECT i.id, i.run_id, i.item_key, i.attempts FROM runs r
       JOIN items i ON i.run_id = r.id AND i.status = 'failed'
       WHERE r.flow_id = ? AND r.dry_run = 0 ORDER BY i.id`,
    );
    this.writtenStmt = db.prepare<[string], ItemRow>(
      `SELECT ${summaryColumns} FROM items
       WHERE item_key = ? AND status = 'succeeded' AND target_ids IS NOT NULL
         AND run_id IN (SELECT id FROM runs WHERE dry_run = 0)
       ORDER BY id DESC LIMIT 10`,
    );
  }

  /**
   * The items of a flow's runs (not dry runs) that failed and are failing still, oldest first: what a
   * later run's outcome settles (`engine/earlier-failures.ts`). Few, through the index of failed items.
   */
  failedOfFlow(flowId: string): { id: number; runId: string; key: string; attempts: number }[] {
    return this.failedOfFlowStmt
      .all(flowId)
      .map((row) => ({ id: row.id, runId: row.run_id, key: row.item_key, attempts: row.attempts }));
  }

  /**
   * What runs (not dry runs) wrote from the source record `key` (`system:entity:id`), newest
   * first, while the history keeps their items.
   */
  writtenFrom(key: string): WrittenRecord[] {
    return this.writtenStmt.all(key).flatMap((row) => {
      const { runId, targetIds, businessKeys } = toSummary(row);
      return targetIds ? [{ runId, targetIds, businessKeys }] : [];
    });
  }

  maxId(): number {
    return this.maxIdStmt.get()?.id ?? 0;
  }

  list(
    runId: string,
    options: { status?: ItemStatus; limit: number; offset: number },
  ): { items: RunItemSummary[]; total: number } {
    const where = itemsWhere(options.status);
    const params = { runId, status: options.status ?? null, limit: options.limit, offset: options.offset };
    const rows = this.db
      .prepare<typeof params, ItemRow>(
        `SELECT ${summaryColumns} FROM items WHERE ${where} ORDER BY id LIMIT @limit OFFSET @offset`,
      )
      .all(params);
    const total = this.db
      .prepare<typeof params, { n: number }>(`SELECT COUNT(*) AS n FROM items WHERE ${where}`)
      .get(params);
    return { items: rows.map(toSummary), total: total?.n ?? 0 };
  }

  /**
   * Every item of a run (with `status`, else all), read a page of 1,000 at a time: a run can hold
   * 100k. Each page starts after the last id read (no offset to count past, no total to count).
   */
  *each(runId: string, status?: ItemStatus): Generator<RunItemSummary> {
    const where = itemsWhere(status);
    const page = this.db.prepare<{ runId: string; status: string | null; after: number }, ItemRow>(
      `SELECT ${summaryColumns} FROM items WHERE ${where} AND id > @after ORDER BY id LIMIT ${EACH_PAGE}`,
    );
    for (let after = 0; ;) {
      const rows = page.all({ runId, status: status ?? null, after });
      for (const row of rows) yield toSummary(row);
      const last = rows.at(-1);
      if (!last || rows.length < EACH_PAGE) return;
      after = last.id;
    }
  }

  /** Every failed item of a run (for "retry all failed"). */
  failed(runId: string): RunItemSummary[] {
    return this.db
      .prepare<[string], ItemRow>(
        `SELECT ${summaryColumns} FROM items WHERE run_id = ? AND status = 'failed' ORDER BY id`,
      )
      .all(runId)
      .map(toSummary);
  }

  /** The newest item of a run with this key. */
  byKey(runId: string, key: string): RunItemSummary | undefined {
    const row = this.db
      .prepare<[string, string], ItemRow>(
        `SELECT ${summaryColumns} FROM items WHERE run_id = ? AND item_key = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(runId, key);
    return row ? toSummary(row) : undefined;
  }

  detail(id: number): RunItemDetail | undefined {
    const row = this.detailStmt.get(id);
    if (!row) return undefined;
    const history: ItemAttempt[] = this.historyStmt.all(row.root_id).map((attempt) => ({
      attempt: attempt.attempt,
      runId: attempt.run_id,
      itemId: attempt.item_id,
      nodeId: attempt.node_id,
      status: ItemStatus.catch('failed').parse(attempt.status),
      error: errorFromColumn(attempt.error_json),
      startedAt: iso(attempt.started_at),
      finishedAt: isoOrNull(attempt.finished_at),
    }));
    return {
      ...toSummary(row),
      source: fromJsonColumn(row.source_json),
      input: fromJsonColumn(row.input_json),
      mapped: fromJsonColumn(row.mapped_json),
      request: fromJsonColumn(row.request_json),
      response: fromJsonColumn(row.response_json),
      erased: row.erased === 1,
      history,
    };
  }

  /**
   * A record's key and the runs that made its attempts, first run first: what its log lines are
   * looked up by, without reading (and parsing) its stored payloads as `detail` does.
   */
  keyAndRuns(id: number): { key: string; runIds: string[] } | undefined {
    const item = this.db
      .prepare<[number], { item_key: string; run_id: string; root_id: number }>(
        'SELECT item_key, run_id, root_id FROM items WHERE id = ?',
      )
      .get(id);
    if (!item) return undefined;
    const runs = this.db
      .prepare<[number], { run_id: string }>(
        'SELECT run_id FROM attempts WHERE root_id = ? GROUP BY run_id ORDER BY MIN(id)',
      )
      .all(item.root_id)
      .map((row) => row.run_id);
    return { key: item.item_key, runIds: runs.includes(item.run_id) ? runs : [...runs, item.run_id] };
  }

  /** What a retry needs: the stored input, where it stopped, and its place in the attempt history. */
  retrySource(id: number): RetrySource | undefined {
    const row = this.detailStmt.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      runId: row.run_id,
      key: row.item_key,
      status: oneOf<ItemStatus>(STATUSES, row.status, 'failed'),
      nodeId: row.node_id,
      rootId: row.root_id,
      attempts: row.attempts,
      input: fromJsonColumn(row.input_json),
      source: fromJsonColumn(row.source_json),
      orderNumber: row.order_number,
      email: row.email,
      sku: row.sku,
      erased: row.erased === 1,
    };
  }

  /**
   * Items whose business key (order number, e-mail, SKU) or item key holds `text`, without case,
   * across runs: exact matches first, then those starting with it, then those holding it
   * elsewhere ("1042" finds order "O2026-001042"); newest first within each. The first two are
   * ranges of the indexes; the third scans them (never the items' rows, whose payloads are most
   * of the file), only when the first two leave room within `limit`.
   */
  search(text: string, limit: number): RunItemSummary[] {
    const value = text.trim();
    if (!value || limit <= 0) return [];
    const found = this.db
      .prepare<{ value: string; upper: string; limit: number }, ItemRow>(
        `SELECT ${summaryColumns} FROM items WHERE id IN (
           SELECT id FROM items
             WHERE order_number COLLATE NOCASE >= @value AND order_number COLLATE NOCASE < @upper
           UNION SELECT id FROM items WHERE email >= @value AND email < @upper
           UNION SELECT id FROM items WHERE sku COLLATE NOCASE >= @value AND sku COLLATE NOCASE < @upper
           UNION SELECT id FROM items WHERE item_key = @value)
         ORDER BY (order_number = @value COLLATE NOCASE OR email = @value OR sku = @value COLLATE NOCASE
           OR item_key = @value) DESC, id DESC
         LIMIT @limit`,
      )
      .all({ value, upper: `${value}\uffff`, limit });
    if (found.length < limit) {
      const seen = new Set(found.map((row) => row.id));
      const needle = value.toLowerCase();
      // Each branch reads one index alone (a covering scan): the query plan test holds it so.
      const elsewhere = this.db
        .prepare<{ needle: string; limit: number }, ItemRow>(
          `SELECT ${summaryColumns} FROM items WHERE id IN (${CONTAINS_SQL}) ORDER BY id DESC LIMIT @limit`,
        )
        .all({ needle, limit });
      for (const row of elsewhere) {
        if (found.length >= limit) break;
        if (!seen.has(row.id)) found.push(row);
      }
    }
    return found.map(toSummary);
  }

  /**
   * A run's records failed now, by the node they failed at: after a retry an item takes the
   * retry's outcome, so this differs from the counts the run reported as it went. `stopped` holds
   * those of them a cancel stopped (they stay failed, to retry, but failed of nothing of theirs).
   */
  failuresByNode(runId: string): { failed: Record<string, number>; stopped: Record<string, number> } {
    const rows = this.db
      .prepare<[string], { node_id: string | null; n: number; stopped: number }>(
        `SELECT node_id, COUNT(*) AS n,
           SUM(${stoppedByCancel()}) AS stopped
         FROM items WHERE run_id = ? AND status = 'failed' GROUP BY node_id`,
      )
      .all(runId);
    const failed: Record<string, number> = {};
    const stopped: Record<string, number> = {};
    for (const row of rows) {
      if (row.node_id === null) continue;
      failed[row.node_id] = row.n;
      if (row.stopped > 0) stopped[row.node_id] = row.stopped;
    }
    return { failed, stopped };
  }

  /** Open items of a run (pending or running), e.g. when it is found interrupted. */
  open(runId: string): ItemRow[] {
    return this.db
      .prepare<[string], ItemRow>(
        `SELECT ${summaryColumns} FROM items WHERE run_id = ? AND status IN ('pending', 'running')`,
      )
      .all(runId);
  }

  countsOf(runId: string): { total: number; succeeded: number; skipped: number; failed: number } {
    const row = this.db
      .prepare<
        [string],
        { total: number; succeeded: number | null; skipped: number | null; failed: number | null }
      >(
        `SELECT COUNT(*) AS total, SUM(status = 'succeeded') AS succeeded, SUM(status = 'skipped') AS skipped,
          SUM(status = 'failed') AS failed FROM items WHERE run_id = ?`,
      )
      .get(runId);
    return {
      total: row?.total ?? 0,
      succeeded: row?.succeeded ?? 0,
      skipped: row?.skipped ?? 0,
      failed: row?.failed ?? 0,
    };
  }
}
