/**
 * Client-side sliding-window limiter for one Teamleader connection (200 requests per 60 s).
 *
 * A request holds a slot from the moment it is sent until `windowMs` after its answer arrived. The
 * server counts it from its arrival, which is earlier, so the client's view is always a little more
 * conservative than the server's and a steady stream never trips a 429. The server's
 * `X-RateLimit-*` headers correct the view when someone else (another process using the same
 * integration) spends part of the budget.
 */
export interface RateLimiterOptions {
  limit: number;
  windowMs?: number;
  now?: () => number;
}

export interface RateLimitObservation {
  /** When the answered request was sent: the server counted nothing we sent later. */
  sentAt: number;
  limit?: number;
  remaining?: number;
  resetAt?: number;
}

export interface RateLimitSlot {
  /** Call once when the answer (or the failure) arrived. */
  release(): void;
  /** Give the slot back unused (nothing was sent). */
  cancel(): void;
}

/** Waits at least this long are told to {@link SlidingWindowRateLimiter.onWait} listeners. */
export const LONG_WAIT_MS = 2000;

interface Waiter {
  resolve: (slot: RateLimitSlot) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class SlidingWindowRateLimiter {
  private limit: number;
  private readonly configuredLimit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  /**
   * Expiry times (ascending) of answered requests and of phantom requests others made. Expired entries
   * are kept a while so an observation can be compared with the count at its send time.
   */
  private expiries: number[] = [];
  private inFlight = 0;
  private blockedUntil = 0;
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private readonly waitListeners = new Set<(waitMs: number) => void>();
  /** The end of the last long wait told to listeners: one wait is told once. */
  private toldUntil = 0;

  constructor(options: RateLimiterOptions) {
    if (!(options.limit > 0)) throw new Error('Rate limit must be positive.');
    this.configuredLimit = options.limit;
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Waits (FIFO) for a free slot. */
  acquire(signal?: AbortSignal): Promise<RateLimitSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /**
   * Tells `listener` whenever queued calls must wait {@link LONG_WAIT_MS} or longer for the budget
   * (a spent window, a 429): a run can say why it seems to stand still. Returns the unsubscribe.
   */
  onWait(listener: (waitMs: number) => void): () => void {
    this.waitListeners.add(listener);
    return () => this.waitListeners.delete(listener);
  }

  /** Feeds the server's view in (from `X-RateLimit-*` headers of any answer). */
  observe(observation: RateLimitObservation): void {
    const now = this.now();
    if (observation.limit !== undefined && observation.limit > 0) {
      this.limit = Math.min(this.configuredLimit, observation.limit);
    }
    if (observation.remaining !== undefined) {
      // Everything the server counted when it answered is still in our view as of the send time
      // (our slots expire later than its), so a lower `remaining` means someone else spent budget.
      const localFree = this.limit - (this.inFlight + this.countAfter(observation.sentAt));
      const missing = Math.min(localFree, localFree - observation.remaining);
      // The oldest of them leaves the server's window at X-RateLimit-Reset; the rest at the latest
      // one window from now.
      const oldest =
        observation.resetAt !== undefined && observation.resetAt > now
          ? observation.resetAt
          : now + this.windowMs;
      for (let i = 0; i < missing; i++)
        this.insert(i === 0 ? Math.min(oldest, now + this.windowMs) : now + this.windowMs);
      if (observation.remaining <= 0 && observation.resetAt !== undefined)
        this.blockUntil(observation.resetAt);
    }
    this.pump();
  }

  /** After a 429: nothing is sent before `until` (capped at one window, in case clocks disagree). */
  blockUntil(until: number): void {
    const now = this.now();
    this.blockedUntil = Math.max(this.blockedUntil, Math.min(until, now + this.windowMs));
    this.pump();
  }

  /** Requests counted in the current window (in flight + answered + phantom). */
  used(now = this.now()): number {
    return this.inFlight + this.countAfter(now);
  }

  get currentLimit(): number {
    return this.limit;
  }

  /** Entries expiring after `time` (binary search on the sorted array). */
  private countAfter(time: number): number {
    let low = 0;
    let high = this.expiries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.expiries[mid] ?? Infinity) <= time) low = mid + 1;
      else high = mid;
    }
    return this.expiries.length - low;
  }

  private insert(expiry: number): void {
    // Answers arrive roughly in order: walk back from the end instead of sorting.
    let index = this.expiries.length;
    while (index > 0 && (this.expiries[index - 1] ?? 0) > expiry) index--;
    this.expiries.splice(index, 0, expiry);
  }

  private prune(now: number): void {
    // Keep history long enough to cover a slow answer's send time (timeouts are well under 2 min).
    const horizon = now - Math.max(this.windowMs, 120_000);
    let drop = 0;
    while (drop < this.expiries.length && (this.expiries[drop] ?? Infinity) <= horizon) drop++;
    if (drop > 0) this.expiries.splice(0, drop);
  }

  private pump(): void {
    const now = this.now();
    this.prune(now);
    while (this.waiters.length > 0 && now >= this.blockedUntil && this.used(now) < this.limit) {
      const waiter = this.waiters.shift();
      if (!waiter) break;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.inFlight++;
      waiter.resolve(this.slot());
    }
    if (this.waiters.length === 0) return;
    // Wake up when the block lifts or the oldest answered slot expires; a release also pumps.
    const nextExpiry = this.expiries[this.expiries.length - this.countAfter(now)] ?? Infinity;
    const wakeAt = now < this.blockedUntil ? this.blockedUntil : nextExpiry;
    if (wakeAt === Infinity) return;
    if (wakeAt - now >= LONG_WAIT_MS && wakeAt > this.toldUntil + LONG_WAIT_MS) {
      this.toldUntil = wakeAt;
      for (const listener of this.waitListeners) listener(wakeAt - now);
    }
    if (wakeAt >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = wakeAt;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, wakeAt - now),
    );
  }

  private slot(): RateLimitSlot {
    let released = false;
    const free = (used: boolean): void => {
      if (released) return;
      released = true;
      this.inFlight--;
      if (used) this.insert(this.now() + this.windowMs);
      this.pump();
    };
    return { release: () => free(true), cancel: () => free(false) };
  }
}
