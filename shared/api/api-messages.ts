import { textCatalogue, type CodedText, type TextLanguage } from '../flow/wording';
import { connectionMessages } from './messages/connection-messages';
import { dispatchMessages } from './messages/dispatch-messages';
import { flowMessages } from './messages/flow-messages';
import { runsMessages } from './messages/runs-messages';
import { sandboxMessages } from './messages/sandbox-messages';
import { wizardMessages } from './messages/wizard-messages';
import { alertMessages } from './messages/alert-messages';

/**
 * What a call's failure says, as a code and its parameters, so every screen words it in the
 * user's language (one file per area in `messages/`). The English sentence stays the error's
 * `message`: the command line prints it, logs keep it, and it stands in for an unknown code.
 */
const catalogue = {
  ...dispatchMessages,
  ...connectionMessages,
  ...sandboxMessages,
  ...flowMessages,
  ...runsMessages,
  ...wizardMessages,
  ...alertMessages,
};

const messages = textCatalogue(catalogue);

/** Every code this version knows. */
export const API_MESSAGE_CODES = messages.codes;

/** A failure's text with its parameters checked against its wording. */
export const apiMessage = messages.make;

/** The text in `language`; null for a code this version does not know. */
export const apiMessageText = messages.text;

/** The English sentence of a coded failure. */
export function englishApiMessage(text: CodedText): string {
  return apiMessageText(text, 'en') ?? text.code;
}

/** A failure's words in `language`: from its code when this version knows it, else its sentence. */
export function apiMessageIn(
  failure: { message: string; text?: CodedText | undefined },
  language: TextLanguage,
): string {
  return (failure.text && apiMessageText(failure.text, language)) ?? failure.message;
}
