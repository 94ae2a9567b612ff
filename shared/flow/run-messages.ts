import { apiMessageText } from '../api/api-messages';
import { coreMessages } from './messages/core-messages';
import { engineMessages } from './messages/engine-messages';
import { mplusMessages } from './messages/mplus-messages';
import { teamleaderMessages } from './messages/teamleader-messages';
import { CodedText, textCatalogue, type TextLanguage } from './wording';

/**
 * A record's error or a run's log line as a code and its parameters, so every screen says it in
 * the user's language. Errors and log events also keep the English sentence (`message`): the
 * command line prints it, search finds it, and it stands in for a code this version does not know.
 * Words that come from elsewhere (a system's own error text, a JavaScript error in the user's
 * code) are parameters, shown as they came.
 */
export const RunMessage = CodedText;
export type RunMessage = CodedText;

/** Every message the engine and the node kinds give, in English and Dutch (one file per area). */
const catalogue = { ...engineMessages, ...coreMessages, ...teamleaderMessages, ...mplusMessages };

const messages = textCatalogue(catalogue);

/** Every code this version knows. */
export const RUN_MESSAGE_CODES = messages.codes;

/** A message with its parameters checked against its wording. */
export const runMessage = messages.make;

/** The message in `language`; null for a code this version does not know. */
export const runMessageText = messages.text;

/**
 * A stored code's words: a run message's, or a failed call's (a step or a run can stop on one, e.g.
 * a connection that is not set up). Codes are unique across the catalogues (a test checks).
 */
function wordsOf(message: RunMessage, language: TextLanguage): string | null {
  return runMessageText(message, language) ?? apiMessageText(message, language);
}

/** The English sentence stored beside the code. */
export function englishMessage(message: RunMessage): string {
  return wordsOf(message, 'en') ?? message.code;
}

/**
 * A stored error or log line in `language`: worded from its code when it has one this version
 * knows, else the stored sentence.
 */
export function messageIn(
  stored: { message: string; text?: RunMessage | undefined; retryNote?: RunMessage | undefined },
  language: TextLanguage,
): string {
  const note = stored.retryNote && wordsOf(stored.retryNote, language);
  if (!note || !stored.retryNote) return (stored.text && wordsOf(stored.text, language)) ?? stored.message;
  // The stored sentence ends with the note in English; a system's own words keep the rest.
  const english = ` (${englishMessage(stored.retryNote)})`;
  const own = stored.message.endsWith(english) ? stored.message.slice(0, -english.length) : stored.message;
  return `${(stored.text && wordsOf(stored.text, language)) ?? own} (${note})`;
}

/** The fields an event or error stores for `message`: the English sentence, and the code when there is one. */
export function messageFields(message: string | RunMessage): { message: string; text?: RunMessage } {
  return typeof message === 'string' ? { message } : { message: englishMessage(message), text: message };
}
