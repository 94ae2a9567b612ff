import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/settings/settings';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const resources = { en: { translation: en }, nl: { translation: nl } } as const;

/** The app's translations in `language`, without touching the page (tests use it as it is). */
export async function initTranslations(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** English and Dutch from the first string; the language follows the settings. */
export async function initI18n(language: Language): Promise<void> {
  await initTranslations(language);
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
