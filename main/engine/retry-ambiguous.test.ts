import { describe, expect, it } from 'vitest';
import { transientError } from './errors';
import { withRetry } from './retry';
import type { Clock } from './clock';

const instant: Clock = { now: () => 0, sleep: async () => undefined, setTimer: () => () => undefined };
const policy = { attempts: 5, baseDelaySeconds: 0.001, maxDelaySeconds: 0.001 };

describe('retrying after an ambiguous failure', () => {
  it('looks the write up again when the first look-up fails, instead of writing twice', async () => {
    let writes = 0;
    let lookups = 0;
    const result = await withRetry(
      async () => {
        writes++;
        throw transientError('answer lost', { ambiguous: true });
      },
      {
        policy,
        clock: instant,
        signal: new AbortController().signal,
        beforeAttempt: async (lastError) => {
          lookups++;
          expect(lastError.ambiguous).toBe(true);
          if (lookups === 1) throw transientError('look-up timed out');
          return { done: true, value: 'found' };
        },
      },
    );
    expect(result.value).toBe('found');
    expect(writes).toBe(1);
    expect(lookups).toBe(2);
  });
});
