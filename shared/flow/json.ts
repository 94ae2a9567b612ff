import { z } from 'zod';

/** Any JSON value: what records, cursors and API payloads are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object: the shape of every record that moves through a flow. */
export type JsonObject = { [key: string]: JsonValue };

export const JsonValue: z.ZodType<JsonValue> = z.json();
export const JsonObject: z.ZodType<JsonObject> = z.record(z.string(), z.json());

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
