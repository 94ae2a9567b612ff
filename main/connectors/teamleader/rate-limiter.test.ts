import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlidingWindowRateLimiter, type RateLimitSlot } from './rate-limiter';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Acquires and tracks whether the slot was granted yet. */
function request(limiter: SlidingWindowRateLimiter, signal?: AbortSignal) {
  const state: { slot?: RateLimitSlot; error?: unknown } = {};
  limiter.acquire(signal).then(
    (slot) => (state.slot = slot),
    (error: unknown) => (state.error = error),
  );
  return state;
}

describe('SlidingWindowRateLimiter', () => {
  it('grants the limit at once, then one slot per answer that leaves the window', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: 1000 });
    const first = [request(limiter), request(limiter), request(limiter)];
    const fourth = request(limiter);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.every((r) => r.slot)).toBe(true);
    expect(fourth.slot).toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
    first[0]?.slot?.release(); // answered at t=100: its slot frees at t=1100
    await vi.advanceTimersByTimeAsync(999);
    expect(fourth.slot).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(fourth.slot).toBeDefined();
  });

  it('tells onWait listeners of each long wait once, never of short ones, until unsubscribed', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 60_000 });
    const told: number[] = [];
    const stop = limiter.onWait((waitMs) => told.push(waitMs));
    for (const slot of await Promise.all([limiter.acquire(), limiter.acquire()])) slot.release();
    // The window is spent: three calls queue behind it; the one wait is told once.
    const queued = [request(limiter), request(limiter), request(limiter)];
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual([60_000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queued.filter((r) => r.slot)).toHaveLength(2);
    expect(told).toEqual([60_000]);
    // An answer arrives: its slot frees in a minute, which is now the third call's wait.
    queued[0]?.slot?.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual([60_000, 60_000]);
    stop();
    queued[1]?.slot?.release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queued[2]?.slot).toBeDefined();
    limiter.blockUntil(Date.now() + 30_000);
    const blocked = request(limiter);
    await vi.advanceTimersByTimeAsync(0);
    expect(blocked.slot).toBeUndefined();
    expect(told).toEqual([60_000, 60_000]);

    // Pacing within a short window is never news.
    const quick = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1000 });
    const quickTold: number[] = [];
    quick.onWait((waitMs) => quickTold.push(waitMs));
    const calls = [1, 2, 3].map(() =>
      quick.acquire().then((slot) => {
        slot.release();
      }),
    );
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all(calls);
    expect(quickTold).toEqual([]);
  });

  it('serves waiters in order', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 100 });
    const order: number[] = [];
    const slots = [1, 2, 3].map((n) =>
      limiter.acquire().then((slot) => {
        order.push(n);
        slot.release();
      }),
    );
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(slots);
    expect(order).toEqual([1, 2, 3]);
  });

  it('gives a cancelled slot back without counting it', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1000 });
    (await limiter.acquire()).cancel();
    const next = request(limiter);
    await vi.advanceTimersByTimeAsync(0);
    expect(next.slot).toBeDefined();
  });

  it('counts budget spent elsewhere when the server reports fewer remaining requests', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 10, windowMs: 1000 });
    const sentAt = Date.now();
    const slot = await limiter.acquire();
    // The server saw 8 requests (ours plus 7 from another process): 2 remain.
    limiter.observe({ sentAt, limit: 10, remaining: 2 });
    slot.release();
    expect(limiter.used()).toBe(8);
  });

  it('does not invent phantom requests from its own answers', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 10, windowMs: 1000 });
    for (let i = 0; i < 5; i++) {
      const sentAt = Date.now();
      const slot = await limiter.acquire();
      await vi.advanceTimersByTimeAsync(10);
      limiter.observe({ sentAt, limit: 10, remaining: 10 - (i + 1) });
      slot.release();
    }
    expect(limiter.used()).toBe(5);
  });

  it('blocks until X-RateLimit-Reset when nothing remains', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 10, windowMs: 60_000 });
    limiter.observe({ sentAt: Date.now(), remaining: 0, resetAt: Date.now() + 2_000 });
    const waiting = request(limiter);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(waiting.slot).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.slot).toBeDefined();
  });

  it('adopts a lower X-RateLimit-Limit from the server', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 200, windowMs: 1000 });
    limiter.observe({ sentAt: Date.now(), limit: 2 });
    expect(limiter.currentLimit).toBe(2);
    await limiter.acquire();
    await limiter.acquire();
    const third = request(limiter);
    await vi.advanceTimersByTimeAsync(0);
    expect(third.slot).toBeUndefined();
  });

  it('rejects a waiting acquire when its signal aborts', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1000 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = request(limiter, controller.signal);
    controller.abort(new Error('stopped'));
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.error).toEqual(new Error('stopped'));
  });
});
