import { describe, expect, it } from 'vitest';
import { runMessage, runMessageText } from '../run-messages';
import { MPLUS_VALUE_REASON_CODES, mplusValueReason, valueReasonWords } from './mplus-value-reasons';

/** Parameters for any reason: each name reads as itself («name»), so a missing one shows. */
const anyParams = new Proxy({} as Record<string, string | number>, {
  get: (_target, name) => (name === 'places' ? 9 : typeof name === 'string' ? `«${name}»` : undefined),
  has: () => true,
});

describe('MplusKASSA value reasons', () => {
  it('word every code in English and in Dutch, differently, using their parameters', () => {
    expect(MPLUS_VALUE_REASON_CODES.length).toBeGreaterThan(20);
    for (const code of MPLUS_VALUE_REASON_CODES) {
      const en = valueReasonWords({ code, params: anyParams }, 'en');
      const nl = valueReasonWords({ code, params: anyParams }, 'nl');
      expect(en, code).toMatch(/\S/);
      expect(nl, code).not.toBe(en);
      expect(`${en} ${nl}`, code).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it('read inside a request or answer message after the field, in the language asked for', () => {
    const reason = mplusValueReason('expectedNumber', { what: 'quantity', got: 'string' });
    const path = 'createOrderV3.request.order.lineList.line[0].data.quantity';
    const request = runMessage('mplusRequestInvalid', { path, reason: reason.code, ...reason.params });
    expect(runMessageText(request, 'en')).toBe(
      `Not sent to MplusKASSA: ${path}: expected a quantity as a number, got string`,
    );
    expect(runMessageText(request, 'nl')).toBe(
      `Niet naar MplusKASSA gestuurd: ${path}: verwachtte een aantal als getal, kreeg string`,
    );
    const answer = runMessage('mplusAnswerInvalid', {
      path: 'GetOrderResponse.order.orderDate',
      reason: 'notCalendarDate',
      value: '2026-02-30',
    });
    expect(runMessageText(answer, 'nl')).toBe(
      'Het antwoord van MplusKASSA was niet te lezen: GetOrderResponse.order.orderDate: 2026-02-30 is geen bestaande datum',
    );
    // A reason code a later version added reads as its code, inside words this version has.
    expect(
      runMessageText({ code: 'mplusRequestInvalid', params: { path: 'x', reason: 'newReason' } }, 'en'),
    ).toBe('Not sent to MplusKASSA: x: newReason');
  });
});
