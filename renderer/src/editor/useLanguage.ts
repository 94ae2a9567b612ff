import { useTranslation } from 'react-i18next';

export type Language = 'en' | 'nl';

/** The UI language, for picking the `en`/`nl` texts of catalogue entries. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'nl' ? 'nl' : 'en';
}
