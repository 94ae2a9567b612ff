import { describe, expect, it } from 'vitest';
import {
  RUN_MESSAGE_CODES,
  englishMessage,
  messageFields,
  messageIn,
  runMessage,
  runMessageText,
  type RunMessage,
} from './run-messages';

/** Parameters for any message: each name reads as itself («name»), so a missing one shows. */
const anyParams = new Proxy({} as Record<string, string | number>, {
  // The validate node's broken rules: a count, and no user-written message (shown as written).
  get: (_target, name) =>
    name === 'count' ? 1 : typeof name !== 'string' || /^custom\d+$/.test(name) ? undefined : `«${name}»`,
  has: () => true,
});

describe('run messages', () => {
  it('word every code in English and in Dutch, differently, using their parameters', () => {
    expect(RUN_MESSAGE_CODES.length).toBeGreaterThan(0);
    for (const code of RUN_MESSAGE_CODES) {
      const message: RunMessage = { code, params: anyParams };
      const en = runMessageText(message, 'en');
      const nl = runMessageText(message, 'nl');
      expect(en, code).toMatch(/\S/);
      expect(nl, code).toMatch(/\S/);
      // JavaScript's own error text reads the same in any language.
      if (code !== 'codeJsError') expect(nl, code).not.toBe(en);
      expect(`${en} ${nl}`, code).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it('keep the English sentence beside the code, and fall back to it for a code this version does not know', () => {
    const wait = runMessage('rateLimitWait', { system: 'Teamleader', limit: 200, windowS: 60, waitS: 38 });
    expect(messageFields(wait)).toEqual({
      message: 'Teamleader allows 200 calls a minute: the next call waits 38 s.',
      text: wait,
    });
    expect(messageIn(messageFields(wait), 'nl')).toBe(
      'Teamleader staat 200 calls per minuut toe: de volgende call wacht 38 s.',
    );
    expect(messageFields('As written.')).toEqual({ message: 'As written.' });
    const unknown = { message: 'From a newer Koppel.', text: { code: 'notYetInvented', params: {} } };
    expect(messageIn(unknown, 'nl')).toBe('From a newer Koppel.');
    expect(englishMessage(unknown.text)).toBe('notYetInvented');
  });

  it("add why a failure was not tried again after the failure's words, in the language asked", () => {
    const note = runMessage('retryWaitTooLong', { waitS: 3600, maxS: 300 });
    const coded = {
      ...messageFields(
        runMessage('rateLimitWait', { system: 'Teamleader', limit: 200, windowS: 60, waitS: 38 }),
      ),
      retryNote: note,
    };
    coded.message = `${coded.message} (${englishMessage(note)})`;
    expect(messageIn(coded, 'en')).toBe(coded.message);
    expect(messageIn(coded, 'nl')).toBe(
      'Teamleader staat 200 calls per minuut toe: de volgende call wacht 38 s. (het systeem vroeg 3600 s te wachten, langer dan de langste wachttijd van de flow (300 s))',
    );
    // A system's own words have no code: they stay as they came, the note follows in Dutch.
    const own = {
      message: 'Bad Gateway (gave up after 3 attempts)',
      retryNote: runMessage('retriesUsedUp', { attempts: 3 }),
    };
    expect(messageIn(own, 'nl')).toBe('Bad Gateway (opgegeven na 3 pogingen)');
    expect(messageIn(own, 'en')).toBe('Bad Gateway (gave up after 3 attempts)');
  });
});
