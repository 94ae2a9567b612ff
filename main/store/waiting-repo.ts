import { isJsonObject, type JsonObject } from '../../shared/flow/json';
import { BusinessKeys, ItemKeyParts } from '../../shared/flow/run-records';
import { SkipReason } from '../../shared/flow/skip-reasons';
import type { Db } from './database';

/** A record skipped because another it needs is not there yet; the next runs offer it again. */
export interface WaitingRecord {
  flowId: string;
  itemKey: string;
  nodeId: string;
  key: ItemKeyParts;
  record: JsonObject;
  businessKeys: BusinessKeys;
  reasons: SkipReason[];
  /** The last item that waited. */
  itemId: number;
  since: number;
  checkedAt: number;
}

interface WaitingRow {
  flow_id: string;
  item_key: string;
  node_id: string;
  key_json: string;
  record_json: string;
  business_keys_json: string;
  reasons_json: string;
  item_id: number;
  since: number;
  checked_at: number;
}

/**
 * Reads the `waiting` table; runs write it through their writer (`putWaiting`, `dropWaiting`), in
 * the transaction that stores the item's outcome; retention, erasure and a person's "stop waiting"
 * delete from it.
 */
export class WaitingRepo {
  private readonly ofSourceStmt;
  private readonly listStmt;
  private readonly stopStmt;

  constructor(db: Db) {
    this.ofSourceStmt = db.prepare<[string, string], WaitingRow>(
      'SELECT * FROM waiting WHERE flow_id = ? AND node_id = ? ORDER BY since, item_key',
    );
    this.listStmt = db.prepare<{ flowId: string | null }, WaitingRow & { run_id: string | null }>(
      `SELECT waiting.*, items.run_id FROM waiting LEFT JOIN items ON items.id = waiting.item_id
       WHERE @flowId IS NULL OR waiting.flow_id = @flowId ORDER BY waiting.since, waiting.flow_id, waiting.item_key`,
    );
    this.stopStmt = db.prepare<{ flowId: string | null; itemKey: string | null }>(
      `DELETE FROM waiting WHERE (@flowId IS NULL OR flow_id = @flowId) AND (@itemKey IS NULL OR item_key = @itemKey)`,
    );
  }

  /** The records of one source of a flow that wait, the longest waiting first. */
  ofSource(flowId: string, nodeId: string): WaitingRecord[] {
    return this.ofSourceStmt.all(flowId, nodeId).map(toRecord);
  }

  /** Every waiting record (of one flow), the longest waiting first, with the run of its last item. */
  list(flowId?: string): (WaitingRecord & { runId: string | null })[] {
    return this.listStmt
      .all({ flowId: flowId ?? null })
      .map((row) => ({ ...toRecord(row), runId: row.run_id }));
  }

  /**
   * Lets records go (a person's choice): one of a flow, all of a flow, or all. The next runs no
   * longer offer them; how many went.
   */
  stop(which: { flowId?: string; itemKey?: string } = {}): number {
    return this.stopStmt.run({ flowId: which.flowId ?? null, itemKey: which.itemKey ?? null }).changes;
  }
}

function toRecord(row: WaitingRow): WaitingRecord {
  const record: unknown = JSON.parse(row.record_json);
  const reasons: unknown = JSON.parse(row.reasons_json);
  return {
    flowId: row.flow_id,
    itemKey: row.item_key,
    nodeId: row.node_id,
    key: ItemKeyParts.parse(JSON.parse(row.key_json)),
    record: isJsonObject(record) ? record : {},
    businessKeys: BusinessKeys.catch({}).parse(JSON.parse(row.business_keys_json)),
    reasons: SkipReason.array().catch([]).parse(reasons),
    itemId: row.item_id,
    since: row.since,
    checkedAt: row.checked_at,
  };
}
