import { describe, expect, it } from 'vitest';
import { apiMessage } from '../../../shared/api/api-messages';
import { KoppelError } from '../../../shared/api/errors';
import { failureOf, failureText } from './failure-text';

describe('failureText', () => {
  const unknownCall = new KoppelError('unknown_call', apiMessage('unknownCall', { name: '"x"' }));

  it('words a failed call from its code, in Dutch and in English', () => {
    expect(failureText(unknownCall, 'nl')).toBe('Onbekende aanroep "x".');
    expect(failureText(unknownCall, 'en')).toBe('Unknown call "x".');
  });

  it('keeps the code across the transport: a KoppelError rebuilt from its ApiError still reads in Dutch', () => {
    const carried = KoppelError.fromApiError(
      new KoppelError('invalid_output', apiMessage('invalidCallOutput', { name: 'flows.list' })).toApiError(),
    );
    expect(carried.message).toBe('Koppel produced an invalid answer for flows.list.');
    expect(failureText(carried, 'nl')).toBe('Koppel gaf een ongeldig antwoord op flows.list.');
  });

  it('falls back to the sentence for a plain Error, a thrown string and a KoppelError without a code', () => {
    expect(failureText(new Error('socket hang up'), 'nl')).toBe('socket hang up');
    expect(failureText('offline', 'nl')).toBe('offline');
    expect(failureText(new KoppelError('connection_failed', 'HTTP 503 from the API'), 'nl')).toBe(
      'HTTP 503 from the API',
    );
  });

  it('falls back to the English sentence for a code this version does not know (a newer main)', () => {
    const newer = new KoppelError('not_found', 'There is no widget w1.', undefined, {
      code: 'widgetNotFound',
      params: { id: 'w1' },
    });
    expect(failureText(newer, 'nl')).toBe('There is no widget w1.');
  });

  it('words a Failure kept as data (what stores keep) in the language asked for each time', () => {
    const kept = failureOf(unknownCall);
    expect(kept).toEqual({
      message: 'Unknown call "x".',
      text: { code: 'unknownCall', params: { name: '"x"' } },
    });
    // Plain data: survives a structured copy (zustand persistence, devtools) unchanged.
    expect(structuredClone(kept)).toEqual(kept);
    expect(failureText(kept, 'nl')).toBe('Onbekende aanroep "x".');
    expect(failureText(kept, 'en')).toBe('Unknown call "x".');
    expect(failureOf(new Error('boom'))).toEqual({ message: 'boom' });
  });
});
