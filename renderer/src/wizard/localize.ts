import type { LocalizedText } from '../../../shared/nodes/node-definition';

export type UiLanguage = 'en' | 'nl';

/** Text from main: plain (a system's own data) or in both languages (Koppel's own words). */
export function localize(text: string | LocalizedText | undefined, language: UiLanguage): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text[language];
}
