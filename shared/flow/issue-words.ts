import type { z } from 'zod';
import english from 'zod/v4/locales/en.js';
import dutch from 'zod/v4/locales/nl.js';
import { schemaMessageIn } from './schema-message';

const en = english();
const nl = dutch();

function said(map: z.core.$ZodErrorMap, issue: z.core.$ZodIssue): string | undefined {
  // A finalised issue keeps what the locales read (code, expected, bounds; `input` when parsed
  // with `reportInput`), so it words as the raw issue did.
  const words = map(issue as unknown as z.core.$ZodRawIssue);
  return typeof words === 'string' ? words : (words?.message ?? undefined);
}

/**
 * A zod issue in English and Dutch: zod's own words for its standard checks, in each language; a
 * message of Koppel's schemas from their catalogue (schema-message.ts); any other message as
 * written, in both. Parse with `{ reportInput: true }`, or a wrong type reads "received undefined"
 * and looks like a schema's own message.
 */
export function issueWords(issue: z.core.$ZodIssue): { issue: string; issueNl: string } {
  // zod says "expected string, received undefined" of a field that is not there at all, and
  // "Invalid input: expected 2" of a missing fixed value (a literal or an enum).
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    'input' in issue &&
    issue.input === undefined
  ) {
    return { issue: 'Missing: this field is required.', issueNl: 'Ontbreekt: dit veld is verplicht.' };
  }
  const own = schemaMessageIn(issue.message, 'params' in issue ? issue.params : undefined, 'nl');
  if (own !== undefined) return { issue: issue.message, issueNl: own };
  const standard = said(en.localeError, issue) === issue.message;
  // zod says "Too small: expected string to have >=1 characters" of an empty text field.
  if (standard && issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return { issue: 'Empty: this field needs a value.', issueNl: 'Leeg: dit veld heeft een waarde nodig.' };
  }
  return { issue: issue.message, issueNl: (standard && said(nl.localeError, issue)) || issue.message };
}
