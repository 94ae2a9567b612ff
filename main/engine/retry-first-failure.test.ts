import { describe, expect, it } from 'vitest';
import { permanentError, transientError } from './errors';
import { RetriesExhausted, withRetry } from './retry';
import type { Clock } from './clock';

const instant: Clock = { now: () => 0, sleep: async () => undefined, setTimer: () => () => undefined };
const policy = { attempts: 5, baseDelaySeconds: 0.001, maxDelaySeconds: 0.001 };
const signal = new AbortController().signal;

describe('a first attempt made outside the retry loop', () => {
  it('counts as attempt 1: a transient failure is retried once more as attempt 2', async () => {
    const calls: number[] = [];
    const retried: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        calls.push(attempt);
        return 'sent';
      },
      {
        policy,
        clock: instant,
        signal,
        attemptsBefore: 1,
        firstFailure: { error: transientError('503') },
        onRetry: (attempt) => retried.push(attempt),
      },
    );
    expect(result).toEqual({ value: 'sent', attempt: 3 });
    expect(retried).toEqual([2]);
    expect(calls).toEqual([3]);
  });

  it('a permanent first failure ends at once, without calling the work', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        return 'sent';
      },
      { policy, clock: instant, signal, firstFailure: { error: permanentError('422 invalid') } },
    );
    await expect(failing).rejects.toBeInstanceOf(RetriesExhausted);
    await expect(failing).rejects.toMatchObject({ attempts: 1, message: '422 invalid' });
    expect(calls).toBe(0);
  });
});
