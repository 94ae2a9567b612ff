import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../shared/flow/run-events';
import { messageFields, runMessage } from '../../../../shared/flow/run-messages';
import en from '../../i18n/locales/en.json';
import nl from '../../i18n/locales/nl.json';
import { itemReason } from '../../../../shared/flow/item-reason';
import { eventText } from './event-text';

const skipped: RunEvent = {
  runId: 'r1',
  seq: 4,
  at: '2026-11-29T10:00:00.000Z',
  type: 'itemSkipped',
  itemId: 3,
  key: 'mplus:orders:7',
  nodeId: 'skip',
  reason: 'already in Teamleader as invoice 2026/12 (purchase order number 7)',
  reasons: [{ code: 'teamleaderInvoiceExists', params: { invoice: '2026/12', reference: '7' } }],
};

describe('skip reasons on screen', () => {
  beforeAll(async () => {
    // As the app sets it up (i18n.ts): React escapes, i18next does not.
    await i18next.init({
      resources: { en: { translation: en }, nl: { translation: nl } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  it('words a skipped record in the log in the UI language, from its codes', async () => {
    await i18next.changeLanguage('nl');
    expect(eventText(i18next.t, skipped, 'nl')).toBe(
      'Overgeslagen: staat al in Teamleader als factuur 2026/12 (bestelbonnummer 7)',
    );
    await i18next.changeLanguage('en');
    expect(eventText(i18next.t, skipped, 'en')).toContain(
      'already in Teamleader as invoice 2026/12 (purchase order number 7)',
    );
    // An event stored before there were codes shows its sentence.
    const { reasons: _codes, ...older } = skipped;
    await i18next.changeLanguage('nl');
    expect(eventText(i18next.t, older, 'nl')).toBe(`Overgeslagen: ${skipped.reason}`);
  });

  it("shows a failed record's error and a skipped record's reasons in the records table's words", () => {
    const base = { reason: 'unchanged', error: null };
    expect(
      itemReason({ ...base, status: 'skipped', reasons: [{ code: 'unchanged', params: {} }] }, 'nl'),
    ).toBe('ongewijzigd');
    expect(itemReason({ ...base, status: 'skipped', reasons: null }, 'nl')).toBe('unchanged');
    expect(
      itemReason(
        {
          status: 'failed',
          reason: 'bad SKU',
          error: { code: 'x', message: 'SKU "A" is not numeric', transient: false },
        },
        'nl',
      ),
    ).toBe('SKU "A" is not numeric');
    // An error with a code reads in the UI's language.
    const lookup = runMessage('lookupMissing', { path: 'country', key: 'FR' });
    expect(
      itemReason(
        {
          status: 'failed',
          reason: null,
          error: { code: 'lookup_missing', ...messageFields(lookup), transient: false },
        },
        'nl',
      ),
    ).toBe('"country" is "FR", en dat staat niet in de opzoektabel.');
  });

  it("words a failed record and the engine's log lines in the UI language, from their codes", async () => {
    await i18next.changeLanguage('nl');
    const failed: RunEvent = {
      runId: 'r1',
      seq: 5,
      at: '2026-11-29T10:00:00.000Z',
      type: 'itemFailed',
      itemId: 4,
      key: 'mplus:orders:8',
      nodeId: 'lookup',
      attempt: 1,
      error: {
        code: 'lookup_missing',
        ...messageFields(runMessage('lookupMissing', { path: 'country', key: 'FR', target: 'taxCode' })),
        transient: false,
      },
    };
    expect(eventText(i18next.t, failed, 'nl')).toBe(
      'Mislukt (poging 1): "country" is "FR", en dat staat niet in de opzoektabel (voor "taxCode").',
    );
    const wait: RunEvent = {
      runId: 'r1',
      seq: 6,
      at: '2026-11-29T10:00:00.000Z',
      type: 'log',
      level: 'info',
      ...messageFields(
        runMessage('rateLimitWait', { system: 'Teamleader', limit: 200, windowS: 60, waitS: 38 }),
      ),
    };
    expect(eventText(i18next.t, wait, 'nl')).toBe(
      'Teamleader staat 200 calls per minuut toe: de volgende call wacht 38 s.',
    );
    // A line a node wrote as plain text is shown as written.
    expect(eventText(i18next.t, { ...wait, message: 'As written.', text: undefined }, 'nl')).toBe(
      'As written.',
    );
  });
});
