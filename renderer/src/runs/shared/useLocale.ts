import { useTranslation } from 'react-i18next';

/** The UI language as a locale for Intl formatting ('en' or 'nl'). */
export function useLocale(): 'en' | 'nl' {
  const { i18n } = useTranslation();
  return i18n.language === 'nl' ? 'nl' : 'en';
}
