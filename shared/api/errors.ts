import { z } from 'zod';
import { issueWords } from '../flow/issue-words';
import { CodedText } from '../flow/wording';
import { englishApiMessage } from './api-messages';

/** Every failure crossing a transport has this one shape. */
export const ApiErrorCode = z.enum([
  'invalid_input',
  'invalid_output',
  'unknown_call',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_flow',
  'keychain_unavailable',
  'connection_failed',
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiError = z.object({
  code: ApiErrorCode,
  /** The English sentence (the command line prints it, logs keep it). */
  message: z.string(),
  /** The same as a code and its parameters (`api-messages.ts`), for screens to word in their language. */
  text: CodedText.optional(),
  detail: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** What every transport carries back for a call: the output or the one error shape. */
export const ApiResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type ApiResult = z.infer<typeof ApiResult>;

/** Thrown by services for an expected failure; adapters turn it into an {@link ApiError}. */
export class KoppelError extends Error {
  readonly code: ApiErrorCode;
  readonly detail: unknown;
  /** The message as a code (see `api-messages.ts`); absent for a sentence from elsewhere. */
  readonly text: CodedText | undefined;

  /**
   * `message` is a coded text from `apiMessage(…)`, or a sentence that has no code (a system's own
   * words). `text` goes with a sentence given as is: an error a transport carried back.
   */
  constructor(code: ApiErrorCode, message: string | CodedText, detail?: unknown, text?: CodedText) {
    super(typeof message === 'string' ? message : englishApiMessage(message));
    this.name = 'KoppelError';
    this.code = code;
    this.detail = detail;
    this.text = typeof message === 'string' ? text : message;
  }

  /** The error a transport carried, with its sentence as sent (a code this version does not know keeps it). */
  static fromApiError(error: ApiError): KoppelError {
    return new KoppelError(error.code, error.message, error.detail, error.text);
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.text ? { text: this.text } : {}),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

/**
 * What went wrong, as screens keep it: the English sentence, and its code when Koppel gave one, so it
 * reads in the UI's language when shown.
 */
export interface Failure {
  message: string;
  text?: CodedText;
}

/** The failure a thrown value stands for: a failed call keeps its code, anything else its message. */
export function failureOf(thrown: unknown): Failure {
  if (thrown instanceof KoppelError)
    return thrown.text ? { message: thrown.message, text: thrown.text } : { message: thrown.message };
  return { message: thrown instanceof Error ? thrown.message : String(thrown) };
}

/**
 * Turns a zod failure into a readable list of `path: message` lines, each worded as the first
 * issue of a message is (issueWords: "Missing: this field is required." for an absent field).
 */
export function describeZodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issueWords(issue).issue,
  }));
}
