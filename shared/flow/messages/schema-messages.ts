import { wording } from '../wording';
import { operatorWord } from './operator-words';

type None = Record<string, never>;

/**
 * The messages the flow document's and the node kinds' schemas give their checks (`.min(1, …)`,
 * `.regex(…, …)`: "Choose a field."), in English and Dutch. zod words its standard checks itself, in
 * both languages (see issue-words.ts); these are the ones it cannot know. zod keeps only a check's
 * message, so these take no parameters: the Dutch is found by the English words.
 */
export const schemaCheckMessages = {
  idCharacters: wording<None>(
    () => 'Ids use letters, digits, "_" and "-" only (at most 64).',
    () => 'Een id bestaat uit letters, cijfers, "_" en "-" (hoogstens 64).',
  ),
  /** The settings' `folderId`: Koppel makes it, so only a hand edit breaks it. */
  folderIdShape: wording<None>(
    () =>
      'The data folder\'s id is 8 to 64 letters, digits, "_" or "-". Koppel made it: put back the id it wrote, or delete the line and Koppel makes a new one (then enter the e-mail alerts\' password again).',
    () =>
      'Het id van de gegevensmap bestaat uit 8 tot 64 letters, cijfers, "_" of "-". Koppel heeft het gemaakt: zet het id terug dat Koppel schreef, of verwijder de regel en Koppel maakt een nieuw (voer dan het wachtwoord van de e-mailmeldingen opnieuw in).',
  ),
  nodeKindShape: wording<None>(
    () => 'A node kind looks like "core.transform.map".',
    () => 'Een nodesoort ziet eruit als "core.transform.map".',
  ),
  writeCron: wording<None>(
    () => 'Write a cron expression, e.g. "0 * * * *".',
    () => 'Schrijf een cron-expressie, bijv. "0 * * * *".',
  ),
  nameFlow: wording<None>(
    () => 'Give the flow a name.',
    () => 'Geef de flow een naam.',
  ),
  chooseField: wording<None>(
    () => 'Choose a field.',
    () => 'Kies een veld.',
  ),
  chooseSourceField: wording<None>(
    () => 'Choose a source field.',
    () => 'Kies een bronveld.',
  ),
  chooseTargetField: wording<None>(
    () => 'Choose a target field.',
    () => 'Kies een doelveld.',
  ),
  chooseLookupField: wording<None>(
    () => 'Choose the field to look up.',
    () => 'Kies het veld om op te zoeken.',
  ),
  writeCode: wording<None>(
    () => 'Write some code.',
    () => 'Schrijf wat code.',
  ),
  writeExpression: wording<None>(
    () => 'Write an expression.',
    () => 'Schrijf een expressie.',
  ),
  atLeastOneRow: wording<None>(
    () => 'Add at least one row.',
    () => 'Voeg minstens één rij toe.',
  ),
  atLeastOneLookupRow: wording<None>(
    () => 'Add at least one row to the lookup table.',
    () => 'Voeg minstens één rij toe aan de opzoektabel.',
  ),
  atLeastOneRule: wording<None>(
    () => 'Add at least one rule.',
    () => 'Voeg minstens één regel toe.',
  ),
  atLeastOneTaxRule: wording<None>(
    () => 'Add at least one tax rule.',
    () => 'Voeg minstens één btw-regel toe.',
  ),
  atLeastOneDefault: wording<None>(
    () => 'Add at least one default.',
    () => 'Voeg minstens één standaardwaarde toe.',
  ),
  atLeastOneCondition: wording<None>(
    () => 'Add at least one condition.',
    () => 'Voeg minstens één voorwaarde toe.',
  ),
  atLeastOneStatus: wording<None>(
    () => 'Map at least one status.',
    () => 'Koppel minstens één status.',
  ),
  countryCode: wording<None>(
    () => 'A country is a two-letter code (NL, BE) or *.',
    () => 'Een land is een code van twee letters (NL, BE) of *.',
  ),
};

/** The messages of the schemas' refinements (`ctx.addIssue`), which carry their code in the issue. */
export const schemaRefinementMessages = {
  regexNeedsPattern: wording<None>(
    () => 'A regex rule needs a pattern.',
    () => 'Een regex-regel heeft een patroon nodig.',
  ),
  lengthNeeded: wording<None>(
    () => 'Give a length (a whole number).',
    () => 'Geef een lengte (een geheel getal).',
  ),
  listAllowedValues: wording<None>(
    () => 'List the allowed values.',
    () => 'Noem de toegestane waarden.',
  ),
  operatorNeedsValue: wording<{ operator: string }>(
    ({ operator }) => `"${operatorWord(operator, 'en')}" needs a value.`,
    ({ operator }) => `"${operatorWord(operator, 'nl')}" heeft een waarde nodig.`,
  ),
  operatorNeedsList: wording<{ operator: string }>(
    ({ operator }) => `"${operatorWord(operator, 'en')}" needs a list of values.`,
    ({ operator }) => `"${operatorWord(operator, 'nl')}" heeft een lijst van waarden nodig.`,
  ),
  matchesNeedsPattern: wording<None>(
    () => `"${operatorWord('matches', 'en')}" needs a regular expression.`,
    () => `"${operatorWord('matches', 'nl')}" heeft een reguliere expressie nodig.`,
  ),
  // JavaScript's own words about the pattern stay as it gives them.
  invalidPattern: wording<{ error: string }>(
    ({ error }) => `Not a valid regular expression: ${error}`,
    ({ error }) => `Geen geldige reguliere expressie: ${error}`,
  ),
  targetMappedTwice: wording<{ target: string; row: number }>(
    ({ target, row }) => `Target field "${target}" is already mapped (row ${row}).`,
    ({ target, row }) => `Doelveld "${target}" is al gekoppeld (rij ${row}).`,
  ),
};
