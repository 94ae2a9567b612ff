import { describe, expect, it } from 'vitest';
import { languageOfLocale } from './wording';

describe('languageOfLocale', () => {
  it('takes Dutch from any Dutch locale and English otherwise', () => {
    expect(languageOfLocale('nl')).toBe('nl');
    expect(languageOfLocale('nl-BE')).toBe('nl');
    expect(languageOfLocale('NL_nl.UTF-8')).toBe('nl');
    expect(languageOfLocale('fr-BE')).toBe('en');
    expect(languageOfLocale('')).toBe('en');
    expect(languageOfLocale(undefined)).toBe('en');
  });
});
