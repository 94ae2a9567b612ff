import { wording } from '../../flow/wording';

/** What the call dispatcher itself answers, in English and Dutch. */
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
};
