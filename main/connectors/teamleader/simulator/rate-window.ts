/** The twin's rate limit: N requests per sliding window per integration (client id), like Teamleader. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the oldest counted request leaves the window (the earliest a refused request can pass). */
  resetAt: number;
}

export class TwinRateWindow {
  private readonly windows = new Map<string, number[]>();
  rateLimited = 0;

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Counts a request of `key` if the window has room. */
  take(key: string, now: number): RateDecision {
    const window = this.current(key, now);
    const allowed = window.length < this.limit;
    if (allowed) window.push(now);
    else this.rateLimited++;
    return this.decision(window, allowed, now);
  }

  /**
   * The window of `key` as it stands, counting nothing: for answers given before a request is
   * counted (401, 405), which carry the headers too ("every response", reference §4 and §11).
   */
  peek(key: string, now: number): RateDecision {
    const window = this.current(key, now);
    return this.decision(window, window.length < this.limit, now);
  }

  private current(key: string, now: number): number[] {
    const window = this.windows.get(key) ?? [];
    let drop = 0;
    while (drop < window.length && (window[drop] ?? Infinity) <= now - this.windowMs) drop++;
    if (drop > 0) window.splice(0, drop);
    this.windows.set(key, window);
    return window;
  }

  private decision(window: readonly number[], allowed: boolean, now: number): RateDecision {
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.length),
      resetAt: (window[0] ?? now) + this.windowMs,
    };
  }

  clear(): void {
    this.windows.clear();
    this.rateLimited = 0;
  }
}
