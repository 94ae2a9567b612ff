import type { JsonValue } from '../../shared/flow/json';
import type { PayloadLogging } from '../../shared/settings/settings';
import type { ItemRecord } from './items-repo';
import type { SqlValue, WriteBatch } from './write-batch';

/**
 * An item's row in a batch: inserted the first time, then updated. The update leaves the mapped
 * record and request out when they are the ones already stored (the common case: a record's
 * outcome after its intent). Payloads follow the flow's logging level.
 */
export class ItemRows {
  /** Items already in the table, with the payloads last written (compared by reference). */
  private readonly writtenItems = new Map<number, { mapped: JsonValue | null; request: JsonValue | null }>();

  constructor(private readonly payloadLogging: PayloadLogging) {}

  push(batch: WriteBatch, item: ItemRecord, json: JsonTexts): void {
    // Metadata-only logging keeps no payloads, except the input of a failed record (needed to retry it).
    const full = this.payloadLogging === 'full';
    const mapped = full ? json.of(item.mapped) : null;
    const request = full ? json.of(item.request) : null;
    const input = full || item.status === 'failed' ? toJson(item.input) : null;
    const response = full ? toJson(item.response) : null;
    const error = toJson(item.error);
    const reasons = item.reasons ? JSON.stringify(item.reasons) : null;
    const targetIds = toJson(item.targetIds);
    const written = this.writtenItems.get(item.id);
    if (!written) {
      batch.itemInserts.push([
        item.id,
        item.runId,
        item.key,
        item.status,
        item.nodeId,
        item.reason,
        reasons,
        error,
        item.attempts,
        item.orderNumber,
        item.email,
        item.sku,
        item.action,
        targetIds,
        item.retryOf,
        item.rootId,
        full ? toJson(item.source) : null,
        input,
        mapped,
        request,
        response,
        item.startedAt,
        item.finishedAt,
      ]);
    } else if (written.mapped === item.mapped && written.request === item.request) {
      batch.itemOutcomes.push([
        item.status,
        item.nodeId,
        item.reason,
        reasons,
        error,
        item.attempts,
        item.action,
        targetIds,
        input,
        response,
        item.finishedAt,
        item.id,
      ]);
    } else {
      batch.itemUpdates.push([
        item.status,
        item.nodeId,
        item.reason,
        reasons,
        error,
        item.attempts,
        item.action,
        targetIds,
        input,
        mapped,
        request,
        response,
        item.finishedAt,
        item.id,
      ]);
    }
    // Finished items are not touched again; forget them so memory stays flat over long runs.
    if (item.finishedAt !== null) this.writtenItems.delete(item.id);
    else this.writtenItems.set(item.id, { mapped: item.mapped, request: item.request });
  }
}

/** JSON text for a column (null stays null). */
export function toJson(value: unknown): SqlValue {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** JSON texts of one batch, so a payload stored in two places is serialised once. */
export class JsonTexts {
  private readonly texts = new Map<object, string>();

  of(value: JsonValue | null): string | null {
    if (value === null) return null;
    if (typeof value !== 'object') return JSON.stringify(value);
    let text = this.texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      this.texts.set(value, text);
    }
    return text;
  }
}
