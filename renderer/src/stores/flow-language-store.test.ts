import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import nl from '../i18n/locales/nl.json';
import { nodeText, useFlowLanguageStore } from './flow-language-store';

describe('canvas node texts', () => {
  beforeAll(async () => {
    await i18next.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: 'en' });
  });

  it('translates, fills in values and follows the language', async () => {
    expect(nodeText('editor.node.problems', { count: 2 })).toBe('2 problems');
    expect(nodeText('editor.node.problems', { count: 1 })).toBe('1 problem');
    expect(nodeText('editor.category.target')).toBe('Target');
    await i18next.changeLanguage('nl');
    expect(useFlowLanguageStore.getState().language).toBe('nl');
    expect(nodeText('editor.node.problems', { count: 2 })).toBe('2 problemen');
    expect(nodeText('editor.category.target')).toBe('Doel');
    await i18next.changeLanguage('en');
    expect(nodeText('editor.category.target')).toBe('Target');
  });
});
