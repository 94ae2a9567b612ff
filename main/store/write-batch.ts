import type { Db } from './database';

/** A column value as SQLite takes it. */
export type SqlValue = string | number | null;
/** One statement's parameters, in the order of its `?` placeholders. */
export type SqlRow = SqlValue[];

/**
 * One transaction of a run's writes as plain rows (no closures, no objects to re-read), applied in
 * this order: items first (attempts refer to them), then attempts, ledger, intents, cursors,
 * waiting records, events and the run's counts. Rows are positional: binding an array is cheaper than looking up
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
  /** {@link WAITING_COLUMNS} values. */
  waitingPuts: SqlRow[];
  /** flow_id, item_key. */
  waitingDeletes: SqlRow[];
  /** run_id, seq, type, item_id, body. */
  events: SqlRow[];
  /** At most one row: total, succeeded, skipped, failed, last seq, run id. */
  counts: SqlRow[];
}

export const ITEM_COLUMNS = [
  'id',
  'run_id',
  'item_key',
  'status',
  'node_id',
  'reason',
  'reasons_json',
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
  'reasons_json',
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
  'reasons_json',
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
  'node_id',
  'attempts',
  'reason',
  'reasons_json',
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

/** A record waiting for another (see `waitsForAnotherRecord`); `since` is kept by later puts. */
export const WAITING_COLUMNS = [
  'flow_id',
  'item_key',
  'node_id',
  'key_json',
  'record_json',
  'business_keys_json',
  'reasons_json',
  'item_id',
  'since',
  'checked_at',
] as const;

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
    waitingPuts: [],
    waitingDeletes: [],
    events: [],
    counts: [],
  };
}

/** The statements of a batch, in the order they are applied (the order of {@link WriteBatch}'s fields). */
const BATCH_STATEMENTS: readonly (readonly [keyof WriteBatch, string])[] = [
  ['itemInserts', `INSERT INTO items (${ITEM_COLUMNS.join(', ')}) VALUES (${placeholders(ITEM_COLUMNS)})`],
  ['itemUpdates', `UPDATE items SET ${assignments(ITEM_UPDATE_COLUMNS)} WHERE id = ?`],
  ['itemOutcomes', `UPDATE items SET ${assignments(ITEM_OUTCOME_COLUMNS)} WHERE id = ?`],
  [
    'attempts',
    `INSERT INTO attempts (${ATTEMPT_COLUMNS.join(', ')}) VALUES (${placeholders(ATTEMPT_COLUMNS)})`,
  ],
  ['resolves', `UPDATE items SET ${assignments(RESOLVE_COLUMNS)} WHERE id = ?`],
  [
    'ledger',
    `INSERT INTO ledger (${LEDGER_COLUMNS.join(', ')}) VALUES (${placeholders(LEDGER_COLUMNS)})
     ON CONFLICT (flow_id, node_id, source_key) DO UPDATE SET target_ids = excluded.target_ids,
       payload_hash = excluded.payload_hash, run_id = excluded.run_id, updated_at = excluded.updated_at`,
  ],
  [
    'intentPuts',
    `INSERT OR REPLACE INTO intents (${INTENT_COLUMNS.join(', ')}) VALUES (${placeholders(INTENT_COLUMNS)})`,
  ],
  ['intentDeletes', 'DELETE FROM intents WHERE flow_id = ? AND node_id = ? AND source_key = ?'],
  [
    'cursors',
    `INSERT INTO cursors (${CURSOR_COLUMNS.join(', ')}) VALUES (${placeholders(CURSOR_COLUMNS)})
     ON CONFLICT (flow_id, node_id) DO UPDATE SET value_json = excluded.value_json, run_id = excluded.run_id,
       updated_at = excluded.updated_at`,
  ],
  [
    'waitingPuts',
    `INSERT INTO waiting (${WAITING_COLUMNS.join(', ')}) VALUES (${placeholders(WAITING_COLUMNS)})
     ON CONFLICT (flow_id, item_key) DO UPDATE SET node_id = excluded.node_id, key_json = excluded.key_json,
       record_json = excluded.record_json, business_keys_json = excluded.business_keys_json,
       reasons_json = excluded.reasons_json, item_id = excluded.item_id, checked_at = excluded.checked_at`,
  ],
  ['waitingDeletes', 'DELETE FROM waiting WHERE flow_id = ? AND item_key = ?'],
  ['events', 'INSERT INTO events (run_id, seq, type, item_id, body) VALUES (?, ?, ?, ?, ?)'],
  [
    'counts',
    'UPDATE runs SET total = ?, succeeded = ?, skipped = ?, failed = ?, last_seq = MAX(last_seq, ?) WHERE id = ?',
  ],
];

/** The SQL of every batch statement; a group's index points into it. */
export const BATCH_SQL: readonly string[] = BATCH_STATEMENTS.map(([, sql]) => sql);

/** A batch as (statement index, rows) pairs, empty ones left out: what a connection applies. */
export type BatchGroups = [number, SqlRow[]][];

export function batchGroups(batch: WriteBatch): BatchGroups {
  const groups: BatchGroups = [];
  BATCH_STATEMENTS.forEach(([field], index) => {
    const rows = batch[field];
    if (rows.length > 0) groups.push([index, rows]);
  });
  return groups;
}

/** The batch statements prepared on one connection, and the transaction that applies a batch there. */
export class BatchStatements {
  /** Applies a batch in one transaction; throws (and writes nothing) if SQLite refuses any row. */
  readonly apply: (groups: BatchGroups) => void;

  constructor(db: Db) {
    const statements = BATCH_SQL.map((sql) => db.prepare(sql));
    this.apply = db.transaction((groups: BatchGroups) => {
      for (const [index, rows] of groups) {
        const statement = statements[index];
        if (!statement) throw new Error(`No batch statement ${index}.`);
        for (const row of rows) statement.run(row);
      }
    });
  }
}
