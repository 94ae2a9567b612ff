import { hash } from 'node:crypto';
import type { JsonValue } from '../../shared/flow/json';

/** JSON with object keys sorted, so equal records give equal text whatever their key order. */
export function stableStringify(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Built by concatenation: this runs for every record a target sees.
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += stableStringify(value[index]);
    }
    return `${text}]`;
  }
  let text = '{';
  for (const key of Object.keys(value).sort()) {
    const entry = value[key];
    if (entry === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${stableStringify(entry)}`;
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
