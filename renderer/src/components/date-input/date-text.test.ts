import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate, dayPattern, formatDay, parseDay } from './date-text';

describe('date text', () => {
  it('writes a day in the order and with the separator of the language', () => {
    expect(formatDay('2026-03-07', 'nl')).toBe('07-03-2026');
    expect(formatDay('2026-03-07', 'en')).toBe('03/07/2026');
    expect(formatDay('', 'nl')).toBe('');
    expect(dayPattern('nl', { day: 'dd', month: 'mm', year: 'jjjj' })).toBe('dd-mm-jjjj');
    expect(dayPattern('en', { day: 'dd', month: 'mm', year: 'yyyy' })).toBe('mm/dd/yyyy');
  });

  it("reads a typed day in the language's order, with any separator and one-digit parts", () => {
    expect(parseDay('7-3-2026', 'nl')).toBe('2026-03-07');
    expect(parseDay('07/03/2026', 'nl')).toBe('2026-03-07');
    expect(parseDay(' 7.3.2026 ', 'nl')).toBe('2026-03-07');
    expect(parseDay('3/7/2026', 'en')).toBe('2026-03-07');
    // Pasted as stored, in either language.
    expect(parseDay('2026-03-07', 'en')).toBe('2026-03-07');
    expect(parseDay('2026-03-07', 'nl')).toBe('2026-03-07');
  });

  it('refuses what is not a day of the calendar, and does not guess a short year', () => {
    expect(parseDay('31-02-2026', 'nl')).toBeNull();
    expect(parseDay('29-02-2028', 'nl')).toBe('2028-02-29');
    expect(parseDay('13/13/2026', 'en')).toBeNull();
    expect(parseDay('7-3-26', 'nl')).toBeNull();
    expect(parseDay('7-3', 'nl')).toBeNull();
    expect(parseDay('7-maart-2026', 'nl')).toBeNull();
    expect(parseDay('007-3-2026', 'nl')).toBeNull();
  });

  it("turns the calendar's local day into the stored day and back", () => {
    const day = dateOfDay('2026-12-31');
    expect(day?.getFullYear()).toBe(2026);
    expect(day?.getMonth()).toBe(11);
    expect(day?.getDate()).toBe(31);
    expect(day && dayOfDate(day)).toBe('2026-12-31');
    expect(dateOfDay('not a day')).toBeUndefined();
  });
});
