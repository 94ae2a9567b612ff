import { hash } from 'node:crypto';
import type { JsonValue } from '../../shared/flow/json';

/** JSON with object keys sorted, so equal records give equal text whatever their key order. */
export function stableStringify(value: JsonValue | undefined): string {
  // The native JSON.stringify of a copy with its keys in order: this runs for every record a
  // target sees, and building the text key by key (with a sort per object) cost several times more.
  const ordered = inKeyOrder(value);
  if (ordered === UNORDERABLE) return concatenated(value);
  return JSON.stringify(ordered) ?? 'null';
}

/** Returned when an object's keys cannot be put in text order by insertion (see below). */
const UNORDERABLE = Symbol('unorderable');

/**
 * The value with every object's keys in sorted order (the value itself when they already are).
 * Objects list integer-like keys first whatever the insertion order, and objects with `toJSON`
 * are not written as their keys: those take the key-by-key path.
 */
function inKeyOrder(value: JsonValue | undefined): JsonValue | undefined | typeof UNORDERABLE {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: JsonValue[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const entry = value[index];
      const ordered = inKeyOrder(entry);
      if (ordered === UNORDERABLE) return UNORDERABLE;
      if (ordered !== entry) {
        copy ??= value.slice();
        copy[index] = ordered === undefined ? null : ordered;
      }
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return UNORDERABLE;
  const keys = Object.keys(value);
  let sorted = true;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) return UNORDERABLE;
    if (index > 0 && (keys[index - 1] as string) > key) sorted = false;
  }
  let copy: Record<string, JsonValue> | undefined;
  if (!sorted) {
    // Insertion sort: objects are small, and Array.prototype.sort allocates per call.
    for (let index = 1; index < keys.length; index++) {
      const key = keys[index] as string;
      let at = index - 1;
      while (at >= 0 && (keys[at] as string) > key) {
        keys[at + 1] = keys[at] as string;
        at--;
      }
      keys[at + 1] = key;
    }
    // No prototype: a "__proto__" key stays an ordinary key.
    copy = Object.create(null) as Record<string, JsonValue>;
  }
  for (const key of keys) {
    const entry = value[key];
    const ordered = inKeyOrder(entry);
    if (ordered === UNORDERABLE) return UNORDERABLE;
    if (ordered !== entry && !copy) {
      // A child changed: copy this object too, keys in their (sorted) order.
      copy = Object.create(null) as Record<string, JsonValue>;
      for (const earlier of keys) {
        if (earlier === key) break;
        const kept = value[earlier];
        if (kept !== undefined) copy[earlier] = kept;
      }
    }
    if (copy && ordered !== undefined) copy[key] = ordered;
  }
  return copy ?? value;
}

/** The key-by-key form of {@link stableStringify}, for values {@link inKeyOrder} cannot reorder. */
function concatenated(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += concatenated(value[index]);
    }
    return `${text}]`;
  }
  let text = '{';
  for (const key of Object.keys(value).sort()) {
    const entry = value[key];
    if (entry === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${concatenated(entry)}`;
  }
  return `${text}}`;
}

/** The hash the ledger compares to decide "unchanged". */
export function payloadHash(payload: JsonValue, createOnly: readonly string[]): string {
  // One call over the joined text: the same digest as hashing the parts in turn, at less cost.
  return hash('sha1', `${stableStringify(payload)}\n${createOnly.join('\n')}`);
}

/**
 * The idempotency key of a write: derived from flow, target node and source key (plus what makes
 * this write different, e.g. "create" or the payload hash of an update), formatted as a UUID
 * because some APIs require one. The same write always gets the same key, across retries and crashes.
 */
export function idempotencyKey(
  flowId: string,
  nodeId: string,
  sourceKey: string,
  discriminator: string,
): string {
  const hex = hash('sha256', `${flowId}\0${nodeId}\0${sourceKey}\0${discriminator}`);
  // Version-5-style layout: 8-4-4-4-12 with the version and variant bits set.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
