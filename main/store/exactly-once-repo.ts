import type { JsonValue } from '../../shared/flow/json';
import type { Db } from './database';
import { fromJsonColumn, idsFromColumn } from './json-columns';

/** What Koppel last wrote for a source record at a target node. */
export interface LedgerEntry {
  targetIds: Record<string, string>;
  payloadHash: string;
  runId: string | null;
  updatedAt: number;
}

/** A write that was about to happen (or happened without its outcome being stored). */
export interface Intent {
  flowId: string;
  nodeId: string;
  sourceKey: string;
  runId: string;
  itemId: number;
  mode: 'create' | 'update';
  idempotencyKey: string;
  reference: string;
  payloadHash: string;
  request: JsonValue;
  existing: Record<string, string> | null;
  createdAt: number;
}

interface IntentRow {
  flow_id: string;
  node_id: string;
  source_key: string;
  run_id: string;
  item_id: number;
  mode: string;
  idempotency_key: string;
  reference: string;
  payload_hash: string;
  request_json: string;
  existing_json: string | null;
  created_at: number;
}

/**
 * The ledger (flow + target node + source key → target ids and payload hash), the open write
 * intents, and the source cursors: the tables exactly-once and incremental reads rest on.
 * Reads are direct; writes are queued in the run writer so they commit with the item's state.
 */
export class ExactlyOnceRepo {
  private readonly ledgerGet;
  private readonly intentGet;
  private readonly intentsOfFlow;
  private readonly cursorGet;
  private readonly anyLedger;
  private readonly anyIntent;

  constructor(db: Db) {
    this.ledgerGet = db.prepare<
      [string, string, string],
      { target_ids: string; payload_hash: string; run_id: string | null; updated_at: number }
    >(
      'SELECT target_ids, payload_hash, run_id, updated_at FROM ledger WHERE flow_id = ? AND node_id = ? AND source_key = ?',
    );
    this.intentGet = db.prepare<[string, string, string], IntentRow>(
      'SELECT * FROM intents WHERE flow_id = ? AND node_id = ? AND source_key = ?',
    );
    this.intentsOfFlow = db.prepare<[string], IntentRow>('SELECT * FROM intents WHERE flow_id = ?');
    this.anyLedger = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM ledger WHERE flow_id = ? AND node_id = ? LIMIT 1',
    );
    this.anyIntent = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM intents WHERE flow_id = ? AND node_id = ? LIMIT 1',
    );
    this.cursorGet = db.prepare<[string, string], { value_json: string }>(
      'SELECT value_json FROM cursors WHERE flow_id = ? AND node_id = ?',
    );
  }

  /** Whether Koppel never wrote (or began to write) anything at this target: a first sync. */
  isFresh(flowId: string, nodeId: string): boolean {
    return !this.anyLedger.get(flowId, nodeId) && !this.anyIntent.get(flowId, nodeId);
  }

  ledger(flowId: string, nodeId: string, sourceKey: string): LedgerEntry | undefined {
    const row = this.ledgerGet.get(flowId, nodeId, sourceKey);
    if (!row) return undefined;
    return {
      targetIds: idsFromColumn(row.target_ids) ?? {},
      payloadHash: row.payload_hash,
      runId: row.run_id,
      updatedAt: row.updated_at,
    };
  }

  intent(flowId: string, nodeId: string, sourceKey: string): Intent | undefined {
    const row = this.intentGet.get(flowId, nodeId, sourceKey);
    return row ? toIntent(row) : undefined;
  }

  /** Open intents of a flow (a crashed run's writes whose outcome is unknown). */
  intents(flowId: string): Intent[] {
    return this.intentsOfFlow.all(flowId).map(toIntent);
  }

  cursor(flowId: string, nodeId: string): JsonValue | null {
    const row = this.cursorGet.get(flowId, nodeId);
    return row ? fromJsonColumn(row.value_json) : null;
  }
}

function toIntent(row: IntentRow): Intent {
  return {
    flowId: row.flow_id,
    nodeId: row.node_id,
    sourceKey: row.source_key,
    runId: row.run_id,
    itemId: row.item_id,
    mode: row.mode === 'update' ? 'update' : 'create',
    idempotencyKey: row.idempotency_key,
    reference: row.reference,
    payloadHash: row.payload_hash,
    request: fromJsonColumn(row.request_json),
    existing: idsFromColumn(row.existing_json),
    createdAt: row.created_at,
  };
}
