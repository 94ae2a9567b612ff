import { apiMessageIn } from './api-messages';
import { failureOf } from './errors';
import type { TextLanguage } from '../flow/wording';

const TITLE: Record<TextLanguage, string> = {
  en: 'Koppel could not start',
  nl: 'Koppel kon niet starten',
};

const RETRY: Record<TextLanguage, string> = {
  en: 'Try again',
  nl: 'Opnieuw proberen',
};

/**
 * What Koppel shows when it cannot start: the desktop app's dialog (for example for settings a
 * newer Koppel wrote: without a window the user would otherwise see nothing happen at all), and
 * the web page's notice (no session token, no web host).
 */
export function startFailure(
  error: unknown,
  language: TextLanguage,
): { title: string; message: string; retry: string } {
  return {
    title: TITLE[language],
    message: apiMessageIn(failureOf(error), language),
    retry: RETRY[language],
  };
}
