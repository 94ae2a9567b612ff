import type { Db } from './database';

/** A column value as SQLite takes it. */
export type SqlValue = string | number | null;
/** One statement's parameters, in the order of its `?` placeholders. */
export type SqlRow = SqlValue[];

/**
 * One transaction of a run's writes as plain rows (no closures, no objects to re-read), applied in
 * this order: items first (attempts refer to them), then attempts, ledger, intents, cursors,
 * events and the run's counts. Rows are positional: binding an array is cheaper than looking up
 * named parameters, and a batch of arrays is cheap to build.
 */
export interface WriteBatch {
  /** {@link ITEM_COLUMNS} values. */
  itemInserts: SqlRow[];
  /** {@link ITEM_UPDATE_COLUMNS} values, then the id. */
  itemUpdates: SqlRow[];
  /** {@link ITEM_OUTCOME_COLUMNS} values, then the id. */
  itemOutcomes: SqlRow[];
  /** {@link ATTEMPT_COLUMNS} values. */
  attempts: SqlRow[];
  /** {@link RESOLVE_COLUMNS} values, then the id. */
  resolves: SqlRow[];
  /** {@link LEDGER_COLUMNS} values. */
  ledger: SqlRow[];
  /** {@link INTENT_COLUMNS} values. */
  intentPuts: SqlRow[];
  /** flow_id, node_id, source_key. */
  intentDeletes: SqlRow[];
  /** {@link CURSOR_COLUMNS} values. */
  cursors: SqlRow[];
  /** run_id, seq, type, item_id, body. */
  events: SqlRow[];
  /** total, succeeded, skipped, failed, last seq, run id. */
  counts: SqlRow;
}

export const ITEM_COLUMNS = [
  'id',
  'run_id',
  'item_key',
  'status',
  'node_id',
  'reason',
  'error_json',
  'attempts',
  'order_number',
  'email',
  'sku',
  'action',
  'target_ids',
  'retry_of',
  'root_id',
  'source_json',
  'input_json',
  'mapped_json',
  'request_json',
  'response_json',
  'started_at',
  'finished_at',
] as const;
/** What a later write of an item may change. */
export const ITEM_UPDATE_COLUMNS = [
  'status',
  'node_id',
  'reason',
  'error_json',
  'attempts',
  'action',
  'target_ids',
  'input_json',
  'mapped_json',
  'request_json',
  'response_json',
  'finished_at',
] as const;
/** The update when the mapped record and request are those already stored (the common case). */
export const ITEM_OUTCOME_COLUMNS = [
  'status',
  'node_id',
  'reason',
  'error_json',
  'attempts',
  'action',
  'target_ids',
  'input_json',
  'response_json',
  'finished_at',
] as const;
export const ATTEMPT_COLUMNS = [
  'root_id',
  'item_id',
  'run_id',
  'attempt',
  'node_id',
  'status',
  'error_json',
  'started_at',
  'finished_at',
] as const;
export const RESOLVE_COLUMNS = [
  'status',
  'reason',
  'error_json',
  'action',
  'target_ids',
  'finished_at',
] as const;
export const LEDGER_COLUMNS = [
  'flow_id',
  'node_id',
  'source_key',
  'target_ids',
  'payload_hash',
  'run_id',
  'updated_at',
] as const;
export const INTENT_COLUMNS = [
  'flow_id',
  'node_id',
  'source_key',
  'run_id',
  'item_id',
  'mode',
  'idempotency_key',
  'reference',
  'payload_hash',
  'request_json',
  'existing_json',
  'created_at',
] as const;
export const CURSOR_COLUMNS = ['flow_id', 'node_id', 'value_json', 'run_id', 'updated_at'] as const;

const placeholders = (columns: readonly string[]) => columns.map(() => '?').join(', ');
const assignments = (columns: readonly string[]) => columns.map((column) => `${column} = ?`).join(', ');

/** An empty batch. */
export function emptyBatch(): WriteBatch {
  return {
    itemInserts: [],
    itemUpdates: [],
    itemOutcomes: [],
    attempts: [],
    resolves: [],
    ledger: [],
    intentPuts: [],
    intentDeletes: [],
    cursors: [],
    events: [],
    counts: [],
  };
}

/**
 * The statements a run writer's batches need, prepared once per connection, and the
 * transaction that applies a batch.
 */
export class BatchStatements {
  /** Applies a batch in one transaction; throws (and writes nothing) if SQLite refuses any row. */
  readonly apply: (batch: WriteBatch) => void;

  constructor(db: Db) {
    const itemInsert = db.prepare(
      `INSERT INTO items (${ITEM_COLUMNS.join(', ')}) VALUES (${placeholders(ITEM_COLUMNS)})`,
    );
    const itemUpdate = db.prepare(`UPDATE items SET ${assignments(ITEM_UPDATE_COLUMNS)} WHERE id = ?`);
    const itemOutcome = db.prepare(`UPDATE items SET ${assignments(ITEM_OUTCOME_COLUMNS)} WHERE id = ?`);
    const attempt = db.prepare(
      `INSERT INTO attempts (${ATTEMPT_COLUMNS.join(', ')}) VALUES (${placeholders(ATTEMPT_COLUMNS)})`,
    );
    const resolve = db.prepare(`UPDATE items SET ${assignments(RESOLVE_COLUMNS)} WHERE id = ?`);
    const ledger = db.prepare(
      `INSERT INTO ledger (${LEDGER_COLUMNS.join(', ')}) VALUES (${placeholders(LEDGER_COLUMNS)})
       ON CONFLICT (flow_id, node_id, source_key) DO UPDATE SET target_ids = excluded.target_ids,
         payload_hash = excluded.payload_hash, run_id = excluded.run_id, updated_at = excluded.updated_at`,
    );
    const intentPut = db.prepare(
      `INSERT OR REPLACE INTO intents (${INTENT_COLUMNS.join(', ')}) VALUES (${placeholders(INTENT_COLUMNS)})`,
    );
    const intentDelete = db.prepare(
      'DELETE FROM intents WHERE flow_id = ? AND node_id = ? AND source_key = ?',
    );
    const cursor = db.prepare(
      `INSERT INTO cursors (${CURSOR_COLUMNS.join(', ')}) VALUES (${placeholders(CURSOR_COLUMNS)})
       ON CONFLICT (flow_id, node_id) DO UPDATE SET value_json = excluded.value_json, run_id = excluded.run_id,
         updated_at = excluded.updated_at`,
    );
    const event = db.prepare('INSERT INTO events (run_id, seq, type, item_id, body) VALUES (?, ?, ?, ?, ?)');
    const counts = db.prepare(
      `UPDATE runs SET total = ?, succeeded = ?, skipped = ?, failed = ?, last_seq = MAX(last_seq, ?) WHERE id = ?`,
    );
    this.apply = db.transaction((batch: WriteBatch) => {
      for (const row of batch.itemInserts) itemInsert.run(row);
      for (const row of batch.itemUpdates) itemUpdate.run(row);
      for (const row of batch.itemOutcomes) itemOutcome.run(row);
      for (const row of batch.attempts) attempt.run(row);
      for (const row of batch.resolves) resolve.run(row);
      for (const row of batch.ledger) ledger.run(row);
      for (const row of batch.intentPuts) intentPut.run(row);
      for (const row of batch.intentDeletes) intentDelete.run(row);
      for (const row of batch.cursors) cursor.run(row);
      for (const row of batch.events) event.run(row);
      if (batch.counts.length > 0) counts.run(batch.counts);
    });
  }
}
