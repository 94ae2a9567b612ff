import { coreMessages } from './messages/core-messages';
import { engineMessages } from './messages/engine-messages';
import { mplusMessages } from './messages/mplus-messages';
import { teamleaderMessages } from './messages/teamleader-messages';
import { CodedText, keptParams, type TextLanguage, type Wording } from './wording';

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

export type RunMessageCode = keyof typeof catalogue;
type ParamsOf<C extends RunMessageCode> = Parameters<(typeof catalogue)[C]['en']>[0];

/** Every code this version knows. */
export const RUN_MESSAGE_CODES = Object.keys(catalogue) as RunMessageCode[];

/** A message with its parameters checked against its wording. */
export function runMessage<C extends RunMessageCode>(
  code: C,
  ...params: ParamsOf<C> extends Record<string, never> ? [] : [ParamsOf<C>]
): RunMessage {
  return { code, params: keptParams((params[0] ?? {}) as Record<string, string | number | undefined>) };
}

/** The message in `language`; null for a code this version does not know. */
export function runMessageText(message: RunMessage, language: TextLanguage): string | null {
  if (!Object.hasOwn(catalogue, message.code)) return null;
  const words = catalogue[message.code as RunMessageCode] as Wording<Record<string, string | number>>;
  return words[language](message.params);
}

/** The English sentence stored beside the code. */
export function englishMessage(message: RunMessage): string {
  return runMessageText(message, 'en') ?? message.code;
}

/**
 * A stored error or log line in `language`: worded from its code when it has one this version
 * knows, else the stored sentence.
 */
export function messageIn(
  stored: { message: string; text?: RunMessage | undefined },
  language: TextLanguage,
): string {
  return (stored.text && runMessageText(stored.text, language)) ?? stored.message;
}

/** The fields an event or error stores for `message`: the English sentence, and the code when there is one. */
export function messageFields(message: string | RunMessage): { message: string; text?: RunMessage } {
  return typeof message === 'string' ? { message } : { message: englishMessage(message), text: message };
}
