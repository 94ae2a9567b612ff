import { describe, expect, it } from 'vitest';
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
