import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../shared/flow/json';
import { idempotencyKey, payloadHash, stableStringify } from './hash';

// Ledgers and intents store these values: a change here would make every stored record look
// changed (or every write look new) after an upgrade, so the digests are pinned.
describe('hash', () => {
  const record = { b: 1, a: [1, 'x', null, { z: true, y: -0.5 }], c: { e: 'é\n"q"', d: [] } };

  it('writes JSON with sorted keys', () => {
    expect(stableStringify(record)).toBe(
      '{"a":[1,"x",null,{"y":-0.5,"z":true}],"b":1,"c":{"d":[],"e":"é\\n\\"q\\""}}',
    );
    expect(stableStringify({})).toBe('{}');
    expect(stableStringify([])).toBe('[]');
  });

  it('writes the same text as sorting keys one object at a time, for any JSON', () => {
    // The definition stableStringify must keep (stored payload hashes depend on it).
    const reference = (value: JsonValue): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      const keys = Object.keys(value).sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(value[key] ?? null)}`).join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as JsonValue;
        expect(stableStringify(json)).toBe(reference(json));
      }),
      { numRuns: 500 },
    );
    const tricky = JSON.parse(
      '{"b":{"10":1,"9":2},"__proto__":{"y":1,"x":2},"a":[{"d":1,"c":2}]}',
    ) as JsonValue;
    expect(stableStringify(tricky)).toBe(reference(tricky));
    expect(stableStringify(tricky)).toBe(
      '{"__proto__":{"x":2,"y":1},"a":[{"c":2,"d":1}],"b":{"10":1,"9":2}}',
    );
  });

  it('hashes payloads the same whatever their key order, and apart by their create-only fields', () => {
    expect(payloadHash(record, [])).toBe('7603c5baebbbe901ae34c4ef2ce42ad3050a0b14');
    expect(payloadHash({ c: record.c, a: record.a, b: 1 }, [])).toBe(payloadHash(record, []));
    expect(payloadHash(record, ['customer.email', 'number'])).toBe(
      '8ae88b34f05e89b3b9702ba01e2ed463b2990777',
    );
    expect(payloadHash({}, [])).toBe('5f36b2ea290645ee34d943220a14b54ee5ea5be5');
  });

  it('derives stable UUID-shaped idempotency keys', () => {
    expect(idempotencyKey('flow-1', 'target', 'memory:orders:o1', 'create')).toBe(
      '180a1f2e-0c54-5433-8d64-139ff8456db9',
    );
    expect(idempotencyKey('f', 'n', 'k', 'update:abc')).toBe('7cdf9ca9-bea1-5822-a9b5-c3cbf8447358');
  });
});
