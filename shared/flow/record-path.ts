import type { JsonObject, JsonValue } from './json';

/**
 * Field paths into a record: `customer.email`, `lines.0.sku` or `lines[0].sku`. Used by the field
 * mapper, filters, validation rules and the editor's preview, so they live here (no Node APIs).
 */
export type PathSegment = string | number;

const cache = new Map<string, PathSegment[]>();

/** Splits a path into segments; numeric segments index arrays. */
export function parsePath(path: string): PathSegment[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const segments: PathSegment[] = [];
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') continue;
    segments.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(path, segments);
  return segments;
}

/** The value at `path`, or undefined when any step is missing. */
export function getPath(record: JsonValue | undefined, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = record;
  for (const segment of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? typeof segment === 'number'
        ? current[segment]
        : undefined
      : Object.prototype.hasOwnProperty.call(current, segment)
        ? current[segment]
        : undefined;
  }
  return current;
}

/** Writes `value` at `path`, creating objects (or arrays, for numeric segments) on the way. */
export function setPath(record: JsonObject, path: string, value: JsonValue): void {
  const segments = parsePath(path);
  if (segments.length === 0) throw new Error('An empty field path cannot be written.');
  let current: JsonValue = record;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const container = current as Record<string | number, JsonValue>;
    if (last) {
      container[segment] = value;
      return;
    }
    let next: JsonValue | undefined = container[segment];
    if (next === null || typeof next !== 'object') {
      next = typeof segments[index + 1] === 'number' ? [] : {};
      container[segment] = next;
    }
    current = next;
  });
}

/** Removes the value at `path`; returns whether something was there. */
export function deletePath(record: JsonObject, path: string): boolean {
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  if (last === undefined) return false;
  const parent = segments.length === 1 ? record : getPath(record, segments.slice(0, -1).join('.'));
  if (parent === null || typeof parent !== 'object') return false;
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last >= parent.length) return false;
    parent.splice(last, 1);
    return true;
  }
  if (!Object.prototype.hasOwnProperty.call(parent, last)) return false;
  Reflect.deleteProperty(parent, String(last));
  return true;
}

/**
 * Every leaf path of a sample record with its value (arrays by their first element), for the field
 * mapper's source list: `{ path: 'lines.0.sku', value: 'A-1' }`.
 */
export function leafPaths(record: JsonValue, prefix = ''): { path: string; value: JsonValue }[] {
  if (record === null || typeof record !== 'object') return prefix ? [{ path: prefix, value: record }] : [];
  const entries = Array.isArray(record)
    ? record.length > 0
      ? [['0', record[0] as JsonValue] as const]
      : []
    : Object.entries(record);
  if (entries.length === 0) return prefix ? [{ path: prefix, value: record }] : [];
  return entries.flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
}
