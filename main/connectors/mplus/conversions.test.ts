import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amsterdamWallClock,
  centsToDecimal,
  ConversionError,
  decimalToCents,
  formatDecimal,
  isoToMplusDate,
  isoToMplusDateTime,
  mplusDateTimeToIso,
  mplusDateToIso,
  parseDecimal,
  scaleQuantity,
  unscaleQuantity,
} from './conversions';

const MAX_CENTS = 2 ** 53 / 128;

describe('money: integer cents on the wire, decimals in Koppel', () => {
  it('converts the documented example both ways', () => {
    expect(decimalToCents(19.95)).toBe(1995);
    expect(centsToDecimal(1995)).toBe(19.95);
  });

  it('round-trips every integer number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), (cents) => {
        expect(decimalToCents(centsToDecimal(cents))).toBe(cents);
      }),
    );
  });

  it('accepts float noise from arithmetic but not a third decimal', () => {
    expect(decimalToCents(0.1 + 0.2)).toBe(30);
    expect(decimalToCents(-0)).toBe(0);
    expect(() => decimalToCents(19.955)).toThrow(/more than 2 decimals/);
    expect(() => decimalToCents(Number.NaN)).toThrow(ConversionError);
    expect(() => decimalToCents(1e20)).toThrow(/too large/);
  });

  it('rejects every value that lies between two cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 9 }), (cents, tenth) => {
        expect(() => decimalToCents((cents * 10 + tenth) / 1000)).toThrow(ConversionError);
      }),
    );
  });
});

describe('quantities: unscaled long + decimalPlaces', () => {
  it('converts the digest examples', () => {
    expect(scaleQuantity(1.25)).toEqual({ value: 125, decimalPlaces: 2 });
    expect(scaleQuantity(2.5)).toEqual({ value: 25, decimalPlaces: 1 });
    expect(scaleQuantity(0.53)).toEqual({ value: 53, decimalPlaces: 2 });
    expect(unscaleQuantity(530, 3)).toBe(0.53);
    // A real digit is never mistaken for float noise.
    expect(scaleQuantity(0.000001)).toEqual({ value: 1, decimalPlaces: 6 });
    expect(scaleQuantity(-0.1 - 0.2)).toEqual({ value: -3, decimalPlaces: 1 });
    expect(unscaleQuantity(3)).toBe(3);
  });

  it('round-trips any (value, decimalPlaces) with the fewest decimals that keep it exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (value, places) => {
        const quantity = unscaleQuantity(value, places);
        const scaled = scaleQuantity(quantity);
        expect(scaled.decimalPlaces).toBeLessThanOrEqual(places);
        expect(unscaleQuantity(scaled.value, scaled.decimalPlaces)).toBe(quantity);
      }),
    );
  });

  it('rejects quantities with more decimals than Mplus can carry', () => {
    expect(() => scaleQuantity(1 / 3)).toThrow(/more than 9 decimals/);
    expect(() => unscaleQuantity(1.5, 0)).toThrow(/not an integer/);
  });
});

describe('xsd:decimal text', () => {
  it('round-trips numbers without exponent notation', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatDecimal(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(parseDecimal(text)).toBeCloseTo(value, 6);
      }),
    );
    expect(formatDecimal(1e-7)).toBe('0.0000001');
    expect(() => parseDecimal('1e5')).toThrow(/not an xsd:decimal/);
  });
});

describe('SoapMplusDate and SoapMplusDateTime in Europe/Amsterdam time', () => {
  it('maps dates to YYYY-MM-DD and back', () => {
    expect(mplusDateToIso({ day: 5, mon: 3, year: 2025 })).toBe('2025-03-05');
    expect(isoToMplusDate('2025-03-05')).toEqual({ day: 5, mon: 3, year: 2025 });
    expect(() => isoToMplusDate('2025-02-30')).toThrow(/not a calendar date/);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(mplusDateToIso(isoToMplusDate(iso))).toBe(iso);
        },
      ),
    );
  });

  it('sends the official client shape: Amsterdam wall clock, offset in minutes, isdst false', () => {
    expect(isoToMplusDateTime('2025-03-05T13:30:00Z')).toEqual({
      sec: 0,
      min: 30,
      hour: 14,
      day: 5,
      mon: 3,
      year: 2025,
      isdst: false,
      timezone: 60,
    });
    expect(isoToMplusDateTime('2025-07-01T12:00:00Z')).toMatchObject({ hour: 14, timezone: 120 });
    // Without an offset the text is Amsterdam time.
    expect(isoToMplusDateTime('2025-07-01T09:15:00')).toMatchObject({ hour: 9, min: 15, timezone: 120 });
    expect(mplusDateTimeToIso(isoToMplusDateTime('2025-03-05T13:30:00Z'))).toBe('2025-03-05T14:30:00+01:00');
  });

  it('round-trips every instant (to the second), including both autumn 02:30s', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = Math.floor(ms / 1000) * 1000;
        const struct = isoToMplusDateTime(new Date(instant));
        expect(Date.parse(mplusDateTimeToIso(struct))).toBe(instant);
      }),
    );
    // 2025-10-26 02:30 happens twice: 00:30Z (CEST) and 01:30Z (CET); the timezone field tells them apart.
    const first = isoToMplusDateTime('2025-10-26T00:30:00Z');
    const second = isoToMplusDateTime('2025-10-26T01:30:00Z');
    expect([first.hour, second.hour]).toEqual([2, 2]);
    expect(mplusDateTimeToIso(first)).toBe('2025-10-26T02:30:00+02:00');
    expect(mplusDateTimeToIso(second)).toBe('2025-10-26T02:30:00+01:00');
  });

  it('agrees with the platform time zone database for every instant', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const parts = Object.fromEntries(
          format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]),
        );
        const clock = amsterdamWallClock(ms);
        expect([clock.year, clock.mon, clock.day, clock.hour, clock.min, clock.sec]).toEqual([
          parts.year,
          parts.month,
          parts.day,
          parts.hour,
          parts.minute,
          parts.second,
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a struct with an unusable timezone as Amsterdam time and moves the spring gap forward', () => {
    const legacy = { sec: 0, min: 0, hour: 12, day: 1, mon: 7, year: 2025, isdst: false, timezone: 0 };
    expect(mplusDateTimeToIso(legacy)).toBe('2025-07-01T12:00:00+02:00');
    const gap = { sec: 0, min: 30, hour: 2, day: 30, mon: 3, year: 2025, isdst: false, timezone: 60 };
    expect(mplusDateTimeToIso(gap)).toBe('2025-03-30T03:30:00+02:00');
    expect(amsterdamWallClock(Date.UTC(2025, 0, 1)).timezone).toBe(60);
  });

  it('rejects text that is not ISO 8601', () => {
    expect(() => isoToMplusDateTime('5 March 2025')).toThrow(/not an ISO 8601/);
    expect(() => isoToMplusDateTime('2025-03-05T25:00:00Z')).toThrow(/invalid time/);
  });
});
