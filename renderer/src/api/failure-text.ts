import { useCallback } from 'react';
import { apiMessageIn } from '../../../shared/api/api-messages';
import { KoppelError } from '../../../shared/api/errors';
import type { CodedText, TextLanguage } from '../../../shared/flow/wording';
import { useLanguage } from '../i18n/useLanguage';

/**
 * What went wrong, as a screen or store keeps it: the English sentence, and its code when main
 * gave one. Kept as data rather than words, so it reads in the UI's language when shown (and again
 * after the language changes).
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

/** A failure (or anything thrown) in `language`: worded from its code when it has one, else its sentence. */
export function failureText(failure: unknown, language: TextLanguage): string {
  return apiMessageIn(isFailure(failure) ? failure : failureOf(failure), language);
}

function isFailure(value: unknown): value is Failure {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** {@link failureText} in the UI's language. */
export function useFailureText(): (failure: unknown) => string {
  const language = useLanguage();
  return useCallback((failure: unknown) => failureText(failure, language), [language]);
}
