import { languageOfLocale } from '../../../shared/flow/wording';
import type { Language } from '../../../shared/settings/settings';
import type { App, CreateAppOptions } from '../../app/create-app';

/**
 * Builds the app, loading its modules on first use. Commands call this (and import the services
 * they need) inside their actions, so `koppel --help`, `--version` and usage errors do not load
 * the engine, the connectors, SQLite and axios first.
 */
export async function loadApp(options: CreateAppOptions): Promise<App> {
  const { createApp } = await import('../../app/create-app');
  return createApp({ systemLanguage: systemLanguage(), ...options });
}

/**
 * The language of the process's locale: Node takes it from LC_ALL, LC_MESSAGES or LANG (on
 * Windows and macOS from the user's regional settings), so `koppel serve` or `koppel run` on a
 * Dutch system starts a new data folder in Dutch.
 */
export function systemLanguage(): Language {
  return languageOfLocale(Intl.DateTimeFormat().resolvedOptions().locale);
}
