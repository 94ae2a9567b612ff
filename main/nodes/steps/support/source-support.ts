import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/flow/json';
import type { BusinessKeys, ItemKeyParts } from '../../../../shared/flow/run-records';
import { evaluateConditions } from '../../../../shared/nodes/conditions';
import type { SourceFilters } from '../../../../shared/nodes/steps/fields';
import type { SourceRecord } from '../../../engine/executor';

/** Whether a record passes the source's custom filters (none: everything passes). */
export function passesFilters(filters: SourceFilters | undefined, record: JsonObject): boolean {
  if (!filters || filters.conditions.length === 0) return true;
  return evaluateConditions(record, filters.match, filters.conditions);
}

/** Drops empty business keys, so searches never match on "". */
export function businessKeys(keys: BusinessKeys): BusinessKeys {
  const out: BusinessKeys = {};
  if (keys.orderNumber) out.orderNumber = keys.orderNumber;
  if (keys.email) out.email = keys.email.toLowerCase();
  if (keys.sku) out.sku = keys.sku;
  return out;
}

export function sourceRecord(
  key: ItemKeyParts,
  data: JsonObject,
  keys: BusinessKeys,
  checkpoint: JsonValue | undefined,
): SourceRecord {
  return { key, data, businessKeys: businessKeys(keys), ...(checkpoint === undefined ? {} : { checkpoint }) };
}

/** Reads an object-shaped cursor stored by an earlier run (anything else counts as none). */
export function cursorObject(cursor: JsonValue | null): JsonObject | null {
  return isJsonObject(cursor) ? cursor : null;
}

/** The page size for the next request: no more than the run still may read. */
export function pageSizeFor(pageSize: number, limit: number | null, read: number): number {
  return limit === null ? pageSize : Math.max(1, Math.min(pageSize, limit - read));
}
