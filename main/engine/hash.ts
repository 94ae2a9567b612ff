import { createHash } from 'node:crypto';
import type { JsonValue } from '../../shared/flow/json';

/** JSON with object keys sorted, so equal records give equal text whatever their key order. */
export function stableStringify(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((entry) => stableStringify(entry)).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const entry = value[key];
    if (entry !== undefined) parts.push(`${JSON.stringify(key)}:${stableStringify(entry)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The hash the ledger compares to decide "unchanged". */
export function payloadHash(payload: JsonValue, createOnly: readonly string[]): string {
  return createHash('sha1')
    .update(stableStringify(payload))
    .update('\n')
    .update(createOnly.join('\n'))
    .digest('hex');
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
  const hex = createHash('sha256')
    .update(`${flowId}\0${nodeId}\0${sourceKey}\0${discriminator}`)
    .digest('hex');
  // Version-5-style layout: 8-4-4-4-12 with the version and variant bits set.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
