import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../../shared/settings/settings';
import { resources } from '../i18n';

/** The app's translations for a test without a DOM (`initI18n` also sets the page's `lang`). */
export async function initTestI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
