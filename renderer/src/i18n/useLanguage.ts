import { useTranslation } from 'react-i18next';
import type { TextLanguage } from '../../../shared/flow/wording';

/** The UI's languages: for catalogue texts (`label[language]`), coded texts and Intl formatting. */
export type Language = TextLanguage;

/** The UI language, 'en' or 'nl'. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'nl' ? 'nl' : 'en';
}
