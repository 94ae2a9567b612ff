import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initTranslations } from './i18n';
import en from './locales/en.json';
import nl from './locales/nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('Dutch has every English key and no others', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('no string is left empty', () => {
    const empty = [...keys(en), ...keys(nl)].filter((key) => {
      const read = (source: unknown) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], source);
      return read(en) === '' || read(nl) === '';
    });
    expect(empty).toEqual([]);
  });

  it('says a count of one in the singular wherever a count comes before a noun', async () => {
    await initTranslations('en');
    // Placeholders that are not counts, or counts that never are one: named here, and why.
    const notCounts = new Set([
      'editor.refusal.typeMismatch', // {{carried}} and {{expected}} are kinds of record
      'dashboard.waitingBody', // {{days}} is the fixed waiting time (14)
      'wizard.dryRun.lead', // {{limit}} is the dry run's fixed limit
    ]);
    const nouns =
      /\{\{(\w+)\}\} (records?|rows?|rij(en)?|regels?|days?|dagen|minutes?|minuten|attempts?|problems?|problemen|flows?|nodes?)\b/;
    const wrong: string[] = [];
    for (const [language, source] of [
      ['en', en],
      ['nl', nl],
    ] as const) {
      for (const key of keys(source)) {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], source);
        const match = typeof text === 'string' ? nouns.exec(text) : null;
        if (!match || notCounts.has(key)) continue;
        // A count is {{count}} in a key with a singular form beside it (i18next picks by `count`).
        const plural = /_(one|other)$/.test(key);
        if (match[1] !== 'count' || !plural) wrong.push(`${language} ${key}: ${match[0]}`);
      }
    }
    expect(wrong).toEqual([]);
    // And i18next picks the singular for one, in both languages.
    const one = i18next.getFixedT('en');
    expect(one('editor.runLog.counts', { count: 1, succeeded: 1, skipped: 0, failed: 0 })).toBe(
      '1 record: 1 succeeded, 0 skipped, 0 failed',
    );
    expect(i18next.getFixedT('nl')('runs.detail.retryDone', { count: 1, succeeded: 1, failed: 0 })).toBe(
      '1 record opnieuw geprobeerd: 1 gelukt, 0 mislukt.',
    );
    expect(one('runs.detail.retryDone', { count: 2, succeeded: 1, failed: 1 })).toBe(
      'Retried 2 records: 1 succeeded, 1 failed.',
    );
  });
});
