/** Date arithmetic stays within 1000-01-01..9999-12-31: past it, an error naming the dates, never a five-digit year. */
import { describe, expect, it } from 'vitest';
import { addDays, addYears, DateRangeError, daysBetween, fromDayNumber, LAST_DATE, toDayNumber } from '../../src/core/dates.js';
import { ExitCode } from '../../src/core/exit-codes.js';

describe('addDays', () => {
  it.each([
    ['2026-11-22', 9, '2026-12-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['9999-12-30', 1, '9999-12-31'],
    ['1000-01-02', -1, '1000-01-01'],
  ])('%s + %i = %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it('refuses a result past 9999-12-31 with an error that names the date and the days (exit 2)', () => {
    const failure = (): string => addDays('9999-12-31', 1);
    expect(failure).toThrow(DateRangeError);
    expect(failure).toThrow('9999-12-31 plus 1 day is after 9999-12-31, the last date duedesk handles');
    try {
      failure();
    } catch (error) {
      expect((error as DateRangeError).exitCode).toBe(ExitCode.Usage);
    }
    expect(() => addDays('2026-11-22', 1e9)).toThrow('2026-11-22 plus 1000000000 days is after 9999-12-31');
  });

  it('refuses a result before 1000-01-01, and a day count that is not a whole number', () => {
    expect(() => addDays('1000-01-01', -1)).toThrow('1000-01-01 minus 1 day is before 1000-01-01, the first date duedesk handles');
    expect(() => addDays('2026-11-22', 0.5)).toThrow(DateRangeError);
    expect(() => addDays('2026-11-22', Number.NaN)).toThrow(DateRangeError);
  });

  it('never returns a text that sorts wrongly against the dates it is compared with', () => {
    // Before, 9999-12-31 + 1 became "+010000-01-01", which sorts before every real date.
    let result: string | null = null;
    try {
      result = addDays(LAST_DATE, 1);
    } catch {
      // refused: what must happen
    }
    expect(result).toBeNull();
  });
});

describe('fromDayNumber, toDayNumber, daysBetween', () => {
  it('round-trip the first and the last date, and refuse a day number outside them', () => {
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(fromDayNumber(toDayNumber('1000-01-01'))).toBe('1000-01-01');
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(DateRangeError);
    expect(daysBetween('2026-11-22', '2062-11-23')).toBe(13_150);
  });
});

describe('addYears', () => {
  it('adds calendar years, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2026-12-07', 5)).toBe('2031-12-07');
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('refuses a year past 9999', () => {
    expect(() => addYears('9996-01-01', 5)).toThrow('9996-01-01 plus 5 years is not a date from 1000-01-01 to 9999-12-31');
  });
});
