import { MplusError, MplusNetworkError, MplusTimeoutError } from '../../../connectors/mplus/errors';
import { TeamleaderApiError, TeamleaderRateLimitError } from '../../../connectors/teamleader/errors';
import { permanentError, StepError, transientError } from '../../../engine/errors';

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Turns a connector failure into the engine's StepError, keeping what the connector knows (its
 * message as a code, so the screens word it in their language), whether
 * retrying may help, whether a write may have happened (look before writing again), whether the
 * system was reachable at all, and how long the API asked us to wait. Other errors pass unchanged.
 */
export function toStepError(error: unknown, now: number = Date.now()): unknown {
  if (error instanceof StepError) return error;
  if (error instanceof TeamleaderApiError) {
    const options = {
      code: `teamleader_${error.kind}`,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.field === undefined ? {} : { field: error.field }),
      cause: error,
    };
    if (error instanceof TeamleaderRateLimitError) {
      const wait = error.resetAt ? Math.max(0, error.resetAt.getTime() - now) : undefined;
      return transientError(error.text, {
        ...options,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      });
    }
    if (error.kind === 'transient') {
      return transientError(error.text, {
        ...options,
        ambiguous: error.maybeApplied,
        unreachable: error.status === undefined && !error.maybeApplied,
      });
    }
    return permanentError(error.text, options);
  }
  if (error instanceof MplusError) {
    const options = { code: `mplus_${error.kind}`, cause: error };
    // Koppel's words about the call go as a code (the screens word them in their language).
    const message = error.text ?? error.message;
    if (error.kind === 'permanent') return permanentError(message, options);
    if (error instanceof MplusNetworkError) {
      const refused = error.code !== undefined && unreachableCodes.has(error.code);
      return transientError(message, {
        ...options,
        unreachable: refused,
        ambiguous: !refused || error instanceof MplusTimeoutError,
      });
    }
    return transientError(message, { ...options, ambiguous: true });
  }
  return error;
}

/** Runs an API call, translating its failure with {@link toStepError}. */
export async function api<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStepError(error);
  }
}
