import { isJsonObject, type JsonObject } from '../flow/json';

/**
 * A JSON copy of a plain value (API answers, parsed records) as a flow record. Throws for values
 * that are not objects; `undefined` fields are dropped, as JSON drops them.
 */
export function toJsonObject(value: unknown): JsonObject {
  const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
  if (!isJsonObject(copy)) throw new TypeError('Expected an object to turn into a record.');
  return copy;
}
