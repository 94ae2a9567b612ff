/**
 * A calendar day as people type it in the UI's language ("31-12-2026" in Dutch, "12/31/2026" in
 * English), to and from the `YYYY-MM-DD` the settings store. The browser's own date input follows
 * the browser's or the system's language instead, whatever the UI is set to.
 */

type Part = 'day' | 'month' | 'year';

export interface DayOrder {
  parts: readonly Part[];
  separator: string;
}

/** The order of day, month and year and their separator in `locale`, as Intl writes a date. */
export function dayOrder(locale: string): DayOrder {
  const written = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const parts: Part[] = [];
  let separator = '-';
  for (const part of written.formatToParts(new Date(2026, 11, 31))) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') parts.push(part.type);
    else if (part.type === 'literal' && parts.length === 1) separator = part.value;
  }
  return parts.length === 3 ? { parts, separator } : { parts: ['year', 'month', 'day'], separator: '-' };
}

/** `YYYY-MM-DD` → the day as `locale` writes it with two-digit day and month; '' for no day. */
export function formatDay(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const values: Record<Part, string> = { day: day ?? '', month: month ?? '', year: year ?? '' };
  const { parts, separator } = dayOrder(locale);
  return parts.map((part) => values[part]).join(separator);
}

/** The pattern to show in an empty field, from the language's letters ("dd-mm-jjjj"). */
export function dayPattern(locale: string, letters: Record<Part, string>): string {
  const { parts, separator } = dayOrder(locale);
  return parts.map((part) => letters[part]).join(separator);
}

/**
 * What was typed → `YYYY-MM-DD`, or null when it is not a day of the calendar. Takes the
 * language's order with any of - / . or a space between the numbers, one-digit day and month,
 * and `YYYY-MM-DD` itself (pasted from elsewhere). The year has four digits: "1-2-26" is not
 * guessed at.
 */
export function parseDay(text: string, locale: string): string | null {
  const numbers = text.trim().split(/[-/. ]+/);
  if (numbers.length !== 3 || numbers.some((number) => !/^\d+$/.test(number))) return null;
  const iso = /^\d{4}$/.test(numbers[0] ?? '');
  const parts: readonly Part[] = iso ? ['year', 'month', 'day'] : dayOrder(locale).parts;
  const values: Partial<Record<Part, number>> = {};
  parts.forEach((part, index) => {
    const number = numbers[index] ?? '';
    if (part === 'year' ? number.length === 4 : number.length <= 2) values[part] = Number(number);
  });
  const { day, month, year } = values;
  if (day === undefined || month === undefined || year === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return isoDay(year, month, day);
}

/** A local calendar day (the picker's `Date`) as `YYYY-MM-DD`. */
export function dayOfDate(date: Date): string {
  return isoDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** `YYYY-MM-DD` → that day at local midnight (what the picker shows as selected). */
export function dateOfDay(iso: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function isoDay(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
