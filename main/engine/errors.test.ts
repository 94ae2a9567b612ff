import { describe, expect, it } from 'vitest';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { messageIn } from '../../shared/flow/run-messages';
import { classifyError } from './errors';

describe('classifyError', () => {
  it('keeps a failed call’s code, so a run stopped by it reads in the UI’s language', () => {
    const missing = new KoppelError(
      'not_found',
      apiMessage('connectionNoneOfKind', { system: 'Teamleader' }),
    );
    const error = classifyError(missing);
    expect(error).toMatchObject({ code: 'not_found', transient: false, message: missing.message });
    expect(error.text).toEqual(missing.text);
    expect(messageIn(error, 'nl')).toBe(
      'Geen Teamleader-koppeling: verbind er een op het scherm Koppelingen, of zet de sandbox aan in Instellingen.',
    );
  });

  it('treats an unreachable connection as transient and keeps a sentence without a code as it is', () => {
    const error = classifyError(new KoppelError('connection_failed', 'Teamleader answered 503.'));
    expect(error).toMatchObject({ transient: true, unreachable: true, message: 'Teamleader answered 503.' });
    expect(error.text).toBeUndefined();
    expect(messageIn(error, 'nl')).toBe('Teamleader answered 503.');
  });
});
