import type { Language } from '../../../shared/settings/settings';

/** The desktop shell's own words (tray menu, the notice when its window closes), in each language. */
export interface DesktopWords {
  tooltip: string;
  open: string;
  quit: string;
  stillRunningTitle: string;
  stillRunningBody: string;
}

const words: Record<Language, DesktopWords> = {
  en: {
    tooltip: 'Koppel: runs your flows on their schedules',
    open: 'Open Koppel',
    quit: 'Quit Koppel',
    stillRunningTitle: 'Koppel is still running',
    stillRunningBody:
      'Your flows keep running on their schedules. Open Koppel or quit it from its icon in the notification area.',
  },
  nl: {
    tooltip: 'Koppel: voert je flows volgens hun planning uit',
    open: 'Koppel openen',
    quit: 'Koppel afsluiten',
    stillRunningTitle: 'Koppel draait nog',
    stillRunningBody:
      'Je flows blijven volgens hun planning lopen. Open of sluit Koppel via het pictogram in het systeemvak.',
  },
};

export function desktopWords(language: Language): DesktopWords {
  return words[language];
}
