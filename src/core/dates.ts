/**
 * Calendar dates as `YYYY-MM-DD` strings, computed on day numbers (days since 1970-01-01) so that
 * no time zone or clock is involved. The current date is always passed in by the caller.
 */
import type { IsoDate } from './domain.js';
import { UserError } from './exit-codes.js';

/** The first and last dates duedesk handles: four-digit years, so text order is date order. */
export const FIRST_DATE: IsoDate = '1000-01-01';
/** See FIRST_DATE. */
export const LAST_DATE: IsoDate = '9999-12-31';

/**
 * Date arithmetic that left FIRST_DATE..LAST_DATE. Past 9999-12-31 the text would grow a fifth
 * digit and compare wrongly as a date (`10000-01-01` < `2026-…`), so it is an error instead: a
 * user's, since only a far date or a huge number of days typed somewhere leads here.
 */
export class DateRangeError extends UserError {}

/** Accepted input orders for dates in imported files (`--date-format`, docs/reference/csv.md §1.2). */
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

const FIRST_DAY = toDayNumber(FIRST_DATE);
const LAST_DAY = toDayNumber(LAST_DATE);

/** The IsoDate of a day number; a DateRangeError outside FIRST_DATE..LAST_DATE. */
export function fromDayNumber(days: number): IsoDate {
  if (!Number.isInteger(days) || days < FIRST_DAY || days > LAST_DAY) {
    throw new DateRangeError(`day ${days} is not a date from ${FIRST_DATE} to ${LAST_DATE}`);
  }
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days` (may be negative); a DateRangeError naming both when the result is not a date duedesk handles. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const result = toDayNumber(date) + days;
  if (!Number.isInteger(days)) throw new DateRangeError(`${date} plus ${days} days: ${days} is not a whole number of days`);
  const span = `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
  if (result > LAST_DAY) throw new DateRangeError(`${date} plus ${span} is after ${LAST_DATE}, the last date duedesk handles`);
  if (result < FIRST_DAY) throw new DateRangeError(`${date} minus ${span} is before ${FIRST_DATE}, the first date duedesk handles`);
  return fromDayNumber(result);
}

/** `date` plus whole `years`, 29 February becoming 28 February in other years; a DateRangeError past LAST_DATE. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const target = year + years;
  const result = Number.isInteger(target) && target >= 1000 && target <= 9999 ? makeDate(target, month, Math.min(day, daysInMonth(target, month))) : null;
  if (result === null) throw new DateRangeError(`${date} plus ${years} years is not a date from ${FIRST_DATE} to ${LAST_DATE}`);
  return result;
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
