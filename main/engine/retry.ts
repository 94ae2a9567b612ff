import type { RetryPolicy } from '../../shared/flow/flow-document';
import { englishMessage, runMessage, type RunMessage } from '../../shared/flow/run-messages';
import type { Clock } from './clock';
import { classifyError, type StepError } from './errors';

/**
 * The wait before retry number `attempt` (1 = the first retry): exponential from the base delay,
 * capped at the longest delay, with "equal jitter" (half fixed, half random) so many records
 * failing together do not retry in lock-step.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = policy.baseDelaySeconds * 1000;
  const cap = policy.maxDelaySeconds * 1000;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Retry again after `delayMs`, or not: `why` in English (the stored message ends with it), `note`
 * the same as a code for the screens' language; a permanent error needs no note.
 */
export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; why: 'permanent' }
  | { retry: false; why: string; note: RunMessage };

function stop(note: RunMessage): RetryDecision {
  return { retry: false, why: englishMessage(note), note };
}

/**
 * Whether to try again after `attemptsMade` attempts failed with `error`: permanent errors never,
 * transient ones until the policy's attempts are used up; a server's Retry-After is honoured,
 * unless it asks for longer than the policy's longest delay.
 */
export function decideRetry(
  policy: RetryPolicy,
  attemptsMade: number,
  error: StepError,
  random: () => number = Math.random,
): RetryDecision {
  if (!error.transient) return { retry: false, why: 'permanent' };
  if (attemptsMade >= policy.attempts) return stop(runMessage('retriesUsedUp', { attempts: attemptsMade }));
  const maxMs = policy.maxDelaySeconds * 1000;
  if (error.retryAfterMs !== undefined && error.retryAfterMs > maxMs) {
    return stop(
      runMessage('retryWaitTooLong', {
        waitS: Math.ceil(error.retryAfterMs / 1000),
        maxS: policy.maxDelaySeconds,
      }),
    );
  }
  const delayMs = Math.max(backoffMs(policy, attemptsMade, random), error.retryAfterMs ?? 0);
  return { retry: true, delayMs };
}

export interface RetryOptions<T> {
  policy: RetryPolicy;
  clock: Clock;
  signal: AbortSignal;
  /** Attempts already made before this call (a retry run continues the count). */
  attemptsBefore?: number;
  random?: () => number;
  /** Told before each wait (for the itemRetrying event and the attempt history). */
  onRetry?: (attempt: number, delayMs: number, error: StepError) => void;
  /** Runs before each new attempt, e.g. to look an ambiguous write up; may return a result instead. */
  beforeAttempt?: (lastError: StepError) => Promise<{ done: true; value: T } | undefined>;
  /**
   * The first attempt already ran as a plain call (cheaper when most calls succeed) and threw this:
   * it counts as attempt 1, and the policy decides on its error as if `work` had thrown it.
   */
  firstFailure?: { error: unknown };
}

/** The failure after retries: the error and how many attempts were made in all. */
export class RetriesExhausted extends Error {
  constructor(
    readonly error: StepError,
    readonly attempts: number,
    /** Why it stopped, when not for a permanent error (see {@link RetryDecision}). */
    readonly note?: RunMessage,
  ) {
    super(error.message);
    this.name = 'RetriesExhausted';
  }
}

/**
 * Runs `work`, retrying transient failures under the policy. Resolves with its value and the
 * attempt number that succeeded; rejects with {@link RetriesExhausted}, or with the abort reason
 * when the run is cancelled while waiting.
 */
export async function withRetry<T>(
  work: (attempt: number) => Promise<T>,
  options: RetryOptions<T>,
): Promise<{ value: T; attempt: number }> {
  let attempt = options.attemptsBefore ?? 0;
  let lastError: StepError | undefined;
  // An ambiguous failure stays unresolved until the hook has looked and found nothing: when the
  // look-up itself fails, the next attempt must look again rather than write a second time.
  let unresolved: StepError | undefined;
  let firstFailure = options.firstFailure;
  for (;;) {
    attempt++;
    if (options.signal.aborted) throw options.signal.reason;
    try {
      if (lastError && options.beforeAttempt) {
        const early = await options.beforeAttempt(unresolved ?? lastError);
        // The hook proved the earlier attempt had succeeded; its value stands for this attempt.
        if (early) return { value: early.value, attempt };
        unresolved = undefined;
      }
      if (firstFailure) {
        const { error } = firstFailure;
        firstFailure = undefined;
        throw error;
      }
      return { value: await work(attempt), attempt };
    } catch (thrown) {
      if (options.signal.aborted) throw options.signal.reason;
      const error = classifyError(thrown, options.clock.now());
      const decision = decideRetry(
        options.policy,
        attempt - (options.attemptsBefore ?? 0),
        error,
        options.random,
      );
      if (!decision.retry)
        throw new RetriesExhausted(error, attempt, 'note' in decision ? decision.note : undefined);
      options.onRetry?.(attempt, decision.delayMs, error);
      lastError = error;
      if (error.ambiguous) unresolved = error;
      await options.clock.sleep(decision.delayMs, options.signal);
    }
  }
}
