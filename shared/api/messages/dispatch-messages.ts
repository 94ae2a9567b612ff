import { wording } from '../../flow/wording';

/** What the call dispatcher itself answers, and the transport to it, in English and Dutch. */
export const dispatchMessages = {
  unknownCall: wording<{ name: string }>(
    ({ name }) => `Unknown call ${name}.`,
    ({ name }) => `Onbekende aanroep ${name}.`,
  ),
  invalidCallInput: wording<{ name: string; path: string; issue: string; issueNl: string }>(
    ({ name, path, issue }) => `Invalid input for ${name}: ${path}: ${issue}`,
    ({ name, path, issueNl }) => `Ongeldige invoer voor ${name}: ${path}: ${issueNl}`,
  ),
  invalidCallOutput: wording<{ name: string }>(
    ({ name }) => `Koppel produced an invalid answer for ${name}.`,
    ({ name }) => `Koppel gaf een ongeldig antwoord op ${name}.`,
  ),
  invalidCallData: wording<{ name: string }>(
    ({ name }) => `Invalid data in ${name}.`,
    ({ name }) => `Ongeldige gegevens in ${name}.`,
  ),
  /** The web host's WebSocket closed while calls were waiting for their answers. */
  hostConnectionLost: wording<Record<string, never>>(
    () => 'The connection to Koppel was lost.',
    () => 'De verbinding met Koppel is verbroken.',
  ),
  hostUnreachable: wording<Record<string, never>>(
    () => 'Cannot reach the Koppel web host.',
    () => 'De Koppel-webhost is niet bereikbaar.',
  ),
  /** The web host answers but refuses the page's session token: it was started again since. */
  hostTokenExpired: wording<Record<string, never>>(
    () =>
      'Koppel’s web host was restarted and no longer knows this page: open the address it printed when it started (it ends in ?token=…).',
    () =>
      'De Koppel-webhost is opnieuw gestart en kent deze pagina niet meer: open het adres dat hij bij het starten toonde (het eindigt op ?token=…).',
  ),
  /** The data folder cannot be created or written; `reason` says why in each language. */
  dataFolderUnusable: wording<{ folder: string; reason: string; reasonNl: string }>(
    ({ folder, reason }) =>
      `Koppel cannot use the data folder ${folder}: ${reason}. Choose another one (--data-dir or KOPPEL_DATA_DIR).`,
    ({ folder, reasonNl }) =>
      `Koppel kan de gegevensmap ${folder} niet gebruiken: ${reasonNl}. Kies een andere (--data-dir of KOPPEL_DATA_DIR).`,
  ),
  sessionTokenMissing: wording<Record<string, never>>(
    () => 'This page needs the session token: open the full URL that "koppel serve" printed.',
    () => 'Deze pagina heeft het sessietoken nodig: open het volledige adres dat "koppel serve" toonde.',
  ),
};
