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

  take(key: string, now: number): RateDecision {
    const window = this.windows.get(key) ?? [];
    let drop = 0;
    while (drop < window.length && (window[drop] ?? Infinity) <= now - this.windowMs) drop++;
    if (drop > 0) window.splice(0, drop);
    this.windows.set(key, window);
    const allowed = window.length < this.limit;
    if (allowed) window.push(now);
    else this.rateLimited++;
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
