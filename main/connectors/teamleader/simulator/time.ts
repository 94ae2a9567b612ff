/** Teamleader writes datetimes in UTC as `2016-02-04T16:44:33+00:00` (seconds, `+00:00`). */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** `X-RateLimit-Reset` style: milliseconds and an offset without colon (`…23.035+0000`). */
export function isoResetHeader(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '+0000');
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

export function endOfMonth(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return isoDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

/** Parses an `updated_since`-style datetime; NaN when it is not one. */
export function parseDateTime(value: string): number {
  return Date.parse(value);
}
