import type { CodedText } from '../../../shared/flow/wording';
import { englishValueReason, mplusValueReason } from '../../../shared/flow/messages/mplus-value-reasons';
/**
 * Scalar conversions between MplusQapi wire values and Koppel values:
 * - money `long` fields are integer cents on the wire (19.95 ↔ 1995),
 * - quantities are an unscaled `long` plus `decimalPlaces` (1.25 ↔ 125, 2),
 * - `SoapMplusDate` ↔ `YYYY-MM-DD` and `SoapMplusDateTime` ↔ ISO 8601 in Europe/Amsterdam time,
 * - `xsd:decimal` text ↔ number.
 * Every function throws ConversionError (with the reason) instead of rounding money away.
 */

export class ConversionError extends Error {
  /** Why, as a code: the screens word it in their language. */
  readonly reason: CodedText;

  constructor(reason: CodedText) {
    super(englishValueReason(reason));
    this.name = 'ConversionError';
    this.reason = reason;
  }
}

/** Money beyond this many cents cannot be represented exactly in a JS number after scaling. */
const MAX_CENTS = 2 ** 53 / 128;
/** Quantities are sent with at most this many decimals. */
export const MAX_DECIMAL_PLACES = 9;
/**
 * Float noise allowed when scaling (0.1 + 0.2 → 30 cents): a few ulps of the scaled value, never so
 * much that a real digit (0.000001 at 0 decimals) passes for noise.
 */
const tolerance = (scaled: number): number => Math.max(1e-9, Math.abs(scaled) * 8 * Number.EPSILON);

export function centsToDecimal(cents: number): number {
  if (!Number.isSafeInteger(cents))
    throw new ConversionError(mplusValueReason('notWholeCents', { value: String(cents) }));
  return cents / 100;
}

/** 19.95 → 1995. Rejects values with more than two decimals (19.955) instead of rounding them. */
export function decimalToCents(amount: number): number {
  if (!Number.isFinite(amount))
    throw new ConversionError(mplusValueReason('amountNotFinite', { value: String(amount) }));
  const scaled = amount * 100;
  const cents = Math.round(scaled);
  if (Math.abs(scaled - cents) > tolerance(scaled)) {
    throw new ConversionError(mplusValueReason('amountTooPrecise', { value: String(amount) }));
  }
  if (Math.abs(cents) > MAX_CENTS)
    throw new ConversionError(mplusValueReason('amountTooLarge', { value: String(amount) }));
  return cents === 0 ? 0 : cents;
}

export interface ScaledQuantity {
  readonly value: number;
  readonly decimalPlaces: number;
}

/** (125, 2) → 1.25. An absent scale means 0 decimals, as the official tutorial sends it. */
export function unscaleQuantity(value: number, decimalPlaces = 0): number {
  if (!Number.isSafeInteger(value))
    throw new ConversionError(mplusValueReason('quantityNotWhole', { value: String(value) }));
  if (!Number.isInteger(decimalPlaces) || decimalPlaces < 0 || decimalPlaces > 18) {
    throw new ConversionError(mplusValueReason('decimalPlacesInvalid', { value: String(decimalPlaces) }));
  }
  if (decimalPlaces === 0) return value;
  // Division by a power of ten gives the nearest double to the exact decimal (e.g. 0.53 for 530, 3).
  return value / 10 ** decimalPlaces;
}

/** 1.25 → (125, 2); 3 → (3, 0). Uses the fewest decimals that represent the value exactly. */
export function scaleQuantity(quantity: number): ScaledQuantity {
  if (!Number.isFinite(quantity))
    throw new ConversionError(mplusValueReason('quantityNotFinite', { value: String(quantity) }));
  for (let places = 0; places <= MAX_DECIMAL_PLACES; places++) {
    const scaled = quantity * 10 ** places;
    const value = Math.round(scaled);
    if (Math.abs(scaled - value) <= tolerance(scaled)) {
      if (!Number.isSafeInteger(value))
        throw new ConversionError(mplusValueReason('quantityTooLarge', { value: String(quantity) }));
      return { value: value === 0 ? 0 : value, decimalPlaces: places };
    }
  }
  throw new ConversionError(
    mplusValueReason('quantityTooPrecise', { value: String(quantity), places: MAX_DECIMAL_PLACES }),
  );
}

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** `xsd:decimal` text → number. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  if (!DECIMAL_TEXT.test(trimmed))
    throw new ConversionError(mplusValueReason('notDecimalText', { value: text }));
  return Number(trimmed);
}

/** number → `xsd:decimal` text (no exponent notation, which xsd:decimal does not allow). */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value))
    throw new ConversionError(mplusValueReason('decimalNotFinite', { value: String(value) }));
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Dates. Mplus structs hold Europe/Amsterdam wall-clock time; Koppel uses ISO 8601 strings.

export interface MplusDate {
  day: number;
  mon: number;
  year: number;
}

export interface MplusDateTime {
  sec: number;
  min: number;
  hour: number;
  day: number;
  mon: number;
  year: number;
  isdst: boolean;
  /** UTC offset in minutes, east positive (60 for CET, 120 for CEST). */
  timezone: number;
}

export const MPLUS_TIME_ZONE = 'Europe/Amsterdam';

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

function assertCalendarDate(year: number, mon: number, day: number): void {
  const probe = new Date(Date.UTC(year, mon - 1, day));
  if (
    !Number.isInteger(year) ||
    year < 1 ||
    year > 9999 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== mon - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new ConversionError(mplusValueReason('notCalendarDate', { value: `${year}-${mon}-${day}` }));
  }
}

/** {day 5, mon 3, year 2025} → '2025-03-05'. */
export function mplusDateToIso(date: MplusDate): string {
  assertCalendarDate(date.year, date.mon, date.day);
  return `${pad(date.year, 4)}-${pad(date.mon)}-${pad(date.day)}`;
}

/** '2025-03-05' → {day 5, mon 3, year 2025}. A full ISO date-time is taken at its Amsterdam date. */
export function isoToMplusDate(iso: string): MplusDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) {
    const { day, mon, year } = isoToMplusDateTime(iso);
    return { day, mon, year };
  }
  const [year, mon, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  assertCalendarDate(year, mon, day);
  return { day, mon, year };
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: MPLUS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function intlWallClock(epochMs: number): Omit<MplusDateTime, 'isdst'> {
  const parts: Record<string, number> = {};
  for (const part of amsterdamParts.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = { sec: parts.second ?? 0, min: parts.minute ?? 0, hour: parts.hour ?? 0 };
  const date = { day: parts.day ?? 1, mon: parts.month ?? 1, year: parts.year ?? 1970 };
  const asUtc = Date.UTC(date.year, date.mon - 1, date.day, wall.hour, wall.min, wall.sec);
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return { ...wall, ...date, timezone: Math.round((asUtc - wholeSecond) / 60_000) };
}

const HOUR_MS = 3_600_000;
/** Since 1980 Amsterdam changes offset only on whole UTC hours, so the offset can be cached per hour. */
const CACHE_FROM = Date.UTC(1980, 0, 1);
const offsetPerHour = new Map<number, number>();

/** Amsterdam wall-clock fields of an instant, and the offset in minutes in force then. */
export function amsterdamWallClock(epochMs: number): Omit<MplusDateTime, 'isdst'> {
  if (epochMs < CACHE_FROM) return intlWallClock(epochMs);
  // Intl is slow (formatToParts allocates): ask it once per hour, then use UTC arithmetic.
  const hour = Math.floor(epochMs / HOUR_MS);
  let timezone = offsetPerHour.get(hour);
  if (timezone === undefined) {
    timezone = intlWallClock(hour * HOUR_MS).timezone;
    if (offsetPerHour.size > 100_000) offsetPerHour.clear();
    offsetPerHour.set(hour, timezone);
  }
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + timezone * 60_000);
  return {
    sec: local.getUTCSeconds(),
    min: local.getUTCMinutes(),
    hour: local.getUTCHours(),
    day: local.getUTCDate(),
    mon: local.getUTCMonth() + 1,
    year: local.getUTCFullYear(),
    timezone,
  };
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Any ISO 8601 date-time (or Date) → Amsterdam wall clock. Without an offset the text is read as
 * Amsterdam time. `timezone` is the offset in minutes and `isdst` false, as the official client sends it.
 */
export function isoToMplusDateTime(input: string | Date): MplusDateTime {
  let epochMs: number;
  if (input instanceof Date) {
    epochMs = input.getTime();
  } else {
    const match = ISO_DATE_TIME.exec(input);
    if (!match) throw new ConversionError(mplusValueReason('notIsoDateTime', { value: input }));
    const [year, mon, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    assertCalendarDate(year, mon, day);
    const [hour, min, sec] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
    if (hour > 23 || min > 59 || sec > 59)
      throw new ConversionError(mplusValueReason('timeOfDayInvalid', { value: input }));
    if (match[7]) {
      epochMs = Date.parse(
        `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${pad(sec)}${normaliseZone(match[7])}`,
      );
    } else {
      epochMs = amsterdamWallClockToEpoch({ year, mon, day, hour, min, sec });
    }
  }
  if (!Number.isFinite(epochMs))
    throw new ConversionError(mplusValueReason('dateTimeInvalid', { value: String(input) }));
  return { ...amsterdamWallClock(epochMs), isdst: false };
}

const normaliseZone = (zone: string): string =>
  zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');

interface WallClock {
  year: number;
  mon: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
}

/**
 * The instant at which Amsterdam clocks show `wall`. In the autumn hour that occurs twice,
 * `preferredOffset` (minutes) picks one (default: summer time, the first); a time in the spring
 * gap is moved forward by an hour, as clocks do.
 */
export function amsterdamWallClockToEpoch(wall: WallClock, preferredOffset?: number): number {
  const asUtc = Date.UTC(wall.year, wall.mon - 1, wall.day, wall.hour, wall.min, wall.sec);
  const candidates = [120, 60].filter((offset) => {
    const clock = amsterdamWallClock(asUtc - offset * 60_000);
    return clock.timezone === offset && clock.hour === wall.hour && clock.day === wall.day;
  });
  // In the spring gap no offset fits: use the one in force before the jump (a day earlier).
  const offset =
    candidates.find((candidate) => candidate === preferredOffset) ??
    candidates[0] ??
    amsterdamWallClock(asUtc - 86_400_000).timezone;
  return asUtc - offset * 60_000;
}

/** Wire struct → ISO 8601 with the Amsterdam offset, e.g. '2025-03-05T14:30:00+01:00'. */
export function mplusDateTimeToIso(value: MplusDateTime): string {
  assertCalendarDate(value.year, value.mon, value.day);
  if (
    value.hour > 23 ||
    value.min > 59 ||
    value.sec > 60 ||
    value.hour < 0 ||
    value.min < 0 ||
    value.sec < 0
  ) {
    throw new ConversionError(
      mplusValueReason('notTimeOfDay', { value: `${value.hour}:${value.min}:${value.sec}` }),
    );
  }
  const epochMs = amsterdamWallClockToEpoch(
    {
      year: value.year,
      mon: value.mon,
      day: value.day,
      hour: value.hour,
      min: value.min,
      sec: Math.min(value.sec, 59),
    },
    value.timezone,
  );
  return epochToAmsterdamIso(epochMs);
}

/** An instant as ISO 8601 in Amsterdam time with its offset, seconds precision. */
export function epochToAmsterdamIso(epochMs: number): string {
  const c = amsterdamWallClock(epochMs);
  const sign = c.timezone < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(c.timezone) / 60))}:${pad(Math.abs(c.timezone) % 60)}`;
  return `${pad(c.year, 4)}-${pad(c.mon)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.min)}:${pad(c.sec)}${offset}`;
}
