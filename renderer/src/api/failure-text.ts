import { useCallback } from 'react';
import { apiMessageIn } from '../../../shared/api/api-messages';
import { failureOf, type Failure } from '../../../shared/api/errors';
import type { TextLanguage } from '../../../shared/flow/wording';
import { useLanguage } from '../i18n/useLanguage';

// Stores and screens keep a Failure (data, not words), so it reads in the UI's language when shown
// and again after the language changes.
export { failureOf, type Failure };

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
