import { describe, expect, it } from 'vitest';
import { problemMessages } from '../flow/messages/problem-messages';
import { schemaCheckMessages, schemaRefinementMessages } from '../flow/messages/schema-messages';
import { RUN_MESSAGE_CODES } from '../flow/run-messages';
import { textCatalogue, type CodedText } from '../flow/wording';
import { API_MESSAGE_CODES, apiMessage, apiMessageIn, apiMessageText } from './api-messages';
import { KoppelError } from './errors';

/** Parameters for any message: each name reads as itself («name»), so a missing one shows. */
const anyParams = new Proxy({} as Record<string, string | number>, {
  get: (_target, name) => (typeof name === 'string' ? `«${name}»` : undefined),
  has: () => true,
});

/** Every catalogue of coded texts but the run messages' (tested beside them), by name. */
const catalogues = {
  api: { codes: API_MESSAGE_CODES, text: apiMessageText },
  problems: textCatalogue(problemMessages),
  schemaChecks: textCatalogue(schemaCheckMessages),
  schemaRefinements: textCatalogue(schemaRefinementMessages),
};

describe('coded texts outside the run messages', () => {
  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name}: word every code in English and in Dutch, differently, using their parameters`, () => {
      expect(catalogue.codes.length).toBeGreaterThan(0);
      for (const code of catalogue.codes) {
        const text: CodedText = { code, params: anyParams };
        const en = catalogue.text(text, 'en');
        const nl = catalogue.text(text, 'nl');
        expect(en, code).toMatch(/\S/);
        expect(nl, code).toMatch(/\S/);
        expect(nl, code).not.toBe(en);
        expect(`${en} ${nl}`, code).not.toMatch(/undefined|\[object|NaN/);
      }
    });
  }

  it('never give two texts one code, so a stored code means one thing whichever catalogue reads it', () => {
    const all = [
      ...RUN_MESSAGE_CODES,
      ...API_MESSAGE_CODES,
      ...catalogues.problems.codes,
      ...catalogues.schemaChecks.codes,
      ...catalogues.schemaRefinements.codes,
    ];
    const repeated = all.filter((code, index) => all.indexOf(code) !== index);
    expect(repeated).toEqual([]);
  });

  it('carry a failure’s code across a transport, and keep its sentence for a code this version does not know', () => {
    const sent = new KoppelError('unknown_call', apiMessage('unknownCall', { name: '"x.y"' })).toApiError();
    const received = KoppelError.fromApiError(JSON.parse(JSON.stringify(sent)));
    expect(received.message).toBe('Unknown call "x.y".');
    expect(apiMessageIn(received, 'nl')).toBe('Onbekende aanroep "x.y".');
    const newer = KoppelError.fromApiError({
      code: 'conflict',
      message: 'From a newer Koppel.',
      text: { code: 'notYetInvented', params: {} },
    });
    expect(apiMessageIn(newer, 'nl')).toBe('From a newer Koppel.');
    expect(apiMessageIn(new KoppelError('internal', 'As written.'), 'nl')).toBe('As written.');
  });
});
