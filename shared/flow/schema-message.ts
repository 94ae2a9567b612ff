import { schemaCheckMessages, schemaRefinementMessages } from './messages/schema-messages';
import { CodedText as CodedTextShape, textCatalogue, type CodedText, type TextLanguage } from './wording';

const messages = { ...schemaCheckMessages, ...schemaRefinementMessages };
const catalogue = textCatalogue(messages);

type Code = keyof typeof messages;
type ParamsOf<C extends Code> = Parameters<(typeof messages)[C]['en']>[0];

/** A check's own message (`.min(1, schemaMessage('chooseField'))`), in English: zod keeps one message. */
export function schemaMessage(code: keyof typeof schemaCheckMessages): string {
  return schemaCheckMessages[code].en({});
}

/**
 * A refinement's issue with its words in both languages: the English message, and its code in the
 * issue's `params` (`ctx.addIssue({ code: 'custom', path, ...schemaIssue(…) })`).
 */
export function schemaIssue<C extends Code>(
  code: C,
  ...params: ParamsOf<C> extends Record<string, never> ? [] : [ParamsOf<C>]
): { message: string; params: { text: CodedText } } {
  const text = catalogue.make(code, ...params);
  return { message: catalogue.text(text, 'en') ?? code, params: { text } };
}

/** The checks' messages by their English words. */
const byEnglish = new Map<string, CodedText>(
  Object.entries(schemaCheckMessages).map(([code, words]) => [words.en({}), { code, params: {} }]),
);

/**
 * A schema's own message in `language`: from the code a refinement put in the issue's `params`, or
 * from a check's English words; undefined for a message this catalogue does not have.
 */
export function schemaMessageIn(
  message: string,
  params: unknown,
  language: TextLanguage,
): string | undefined {
  const given =
    typeof params === 'object' && params !== null ? (params as { text?: unknown }).text : undefined;
  const coded = CodedTextShape.safeParse(given);
  const text = coded.success ? coded.data : byEnglish.get(message);
  return text ? (catalogue.text(text, language) ?? undefined) : undefined;
}
