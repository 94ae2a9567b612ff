import { describe, expect, it } from 'vitest';
import {
  SKIP_REASON_CODES,
  distinctReasons,
  englishReasons,
  skipReason,
  skipReasonText,
  skipReasonsText,
  type SkipReason,
} from './skip-reasons';

/** Parameters that make any reason's wording complete (each code reads only its own). */
const anyParams = {
  node: 'Filter',
  port: 'false',
  runId: 'r1',
  path: 'country',
  operator: 'equals',
  value: '"NL"',
  status: 'open',
  system: 'MplusKASSA',
  origin: 'order 7',
  order: '2026-7',
  invoice: '2026/1',
  reference: 'o-7',
  id: 'f00',
  deal: 'd-1',
  kind: 'invoice',
  number: 'O-1',
  document: 'order',
  product: 'P-1',
  article: '400001',
  relation: '12',
  group: '3',
  sku: '400001',
  quantity: 4,
  amount: 4,
};

describe('skip reasons', () => {
  it('words every code in English and in Dutch, differently, with its parameters', () => {
    for (const code of SKIP_REASON_CODES) {
      const reason: SkipReason = { code, params: anyParams };
      const en = skipReasonText(reason, 'en');
      const nl = skipReasonText(reason, 'nl');
      expect(en, code).toMatch(/\S/);
      expect(nl, code).toMatch(/\S/);
      expect(nl, code).not.toBe(en);
      expect(`${en} ${nl}`, code).not.toMatch(/undefined|\[object/);
    }
  });

  it('words the filter condition with the operator in the language, and unary operators without a value', () => {
    const reason = skipReason('filteredOut', { path: 'email', operator: 'notExists' });
    expect(reason).toEqual({ code: 'filteredOut', params: { path: 'email', operator: 'notExists' } });
    expect(skipReasonText(reason, 'en')).toBe('filtered out: not email does not exist');
    expect(skipReasonText(reason, 'nl')).toBe('weggefilterd: niet email bestaat niet');
  });

  it('joins several reasons once each, and falls back to the stored sentence for unknown codes', () => {
    const reasons = [
      skipReason('unchanged'),
      skipReason('cameFrom', { system: 'Teamleader', origin: 'deal 4' }),
      skipReason('unchanged'),
    ];
    expect(distinctReasons(reasons)).toHaveLength(2);
    expect(skipReasonsText(reasons, 'nl', 'stored')).toBe(
      'ongewijzigd; komt uit Teamleader (deal 4) en gaat daar dus niet naartoe terug',
    );
    expect(englishReasons(distinctReasons(reasons))).toBe(
      'unchanged; came from Teamleader (deal 4), so it is not sent back',
    );
    // The document it came from is worded in the language; a reason stored with `origin` reads as stored.
    const invoice = skipReason('cameFrom', { system: 'Teamleader', kind: 'invoice', id: '2026/4' });
    expect(skipReasonText(invoice, 'en')).toBe(
      'came from Teamleader (invoice 2026/4), so it is not sent back',
    );
    expect(skipReasonText(invoice, 'nl')).toBe(
      'komt uit Teamleader (factuur 2026/4) en gaat daar dus niet naartoe terug',
    );
    // A code from a newer Koppel, and records stored before there were codes.
    expect(skipReasonsText([{ code: 'fromTheFuture', params: {} }], 'nl', 'as stored')).toBe('as stored');
    expect(skipReasonsText(undefined, 'nl', 'as stored')).toBe('as stored');
    expect(englishReasons([{ code: 'fromTheFuture', params: {} }])).toBe('fromTheFuture');
  });
});
