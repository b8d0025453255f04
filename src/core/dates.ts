/**
 * Calendar dates as `YYYY-MM-DD` strings, computed on day numbers (days since 1970-01-01) so that
 * no time zone or clock is involved. The current date is always passed in by the caller.
 */
import type { IsoDate } from './domain.js';

/** Accepted input orders for dates in imported files (SPEC §7 `--date-format`). */
export type DateFormat = 'YMD' | 'DMY' | 'MDY';

/** True for leap years of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Build an IsoDate from parts, or null when the parts are not a real calendar date. */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when `text` is exactly a real `YYYY-MM-DD` date (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return parseDate(text, 'YMD') === text;
}

/**
 * Parse a date written in the given order with `-`, `/` or `.` separators into an IsoDate, or null
 * when it is not a real date. YMD requires the four-digit year first.
 */
export function parseDate(text: string, format: DateFormat = 'YMD'): IsoDate | null {
  const match = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/.exec(text.trim());
  if (!match) return null;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const yearText = format === 'YMD' ? match[1]! : match[3]!;
  if (yearText.length !== 4) return null;
  switch (format) {
    case 'YMD':
      return makeDate(a, b, c);
    case 'DMY':
      return makeDate(c, b, a);
    case 'MDY':
      return makeDate(c, a, b);
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** Split an IsoDate into numbers. The input must be valid. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The IsoDate of a day number. */
export function fromDayNumber(days: number): IsoDate {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** First day of the month of `date`. */
export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The given day of the month of `date`, clamped to the month's last day (31 in April → 30). */
export function dayOfMonthClamped(date: IsoDate, day: number): IsoDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, Math.min(day, daysInMonth(year, month)))!;
}

/** The local calendar date of a wall-clock instant (for the CLI edge; core never reads the clock). */
export function localDate(instant: Date): IsoDate {
  return makeDate(instant.getFullYear(), instant.getMonth() + 1, instant.getDate())!;
}
