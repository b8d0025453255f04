/**
 * Locale formatting of dates, numbers and money for the customer's language, with Intl (full ICU).
 * Pure: dates are IsoDate strings, money is integer minor units; nothing reads the clock.
 */
import type { IsoDate, Minor } from './domain.js';
import { currencyDigits, formatMinor } from './money.js';
import { dateParts } from './dates.js';

/**
 * The BCP 47 locale used for a customer language and currency. Portuguese follows the currency:
 * Brazilian customers billed in BRL read `R$ 1.284,50`, everyone else gets European conventions.
 */
export function localeFor(language: string, currency = 'EUR'): string {
  switch (language) {
    case 'it':
      return 'it-IT';
    case 'el':
      return 'el-GR';
    case 'bg':
      return 'bg-BG';
    case 'pt':
      return currency === 'BRL' ? 'pt-BR' : 'pt-PT';
    default:
      return 'en-GB';
  }
}

// Intl formatters are costly to build and a statement formats hundreds of values: keep one per key.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Every number is grouped by thousands, whatever its size. Left to the locale ("auto"), Italian,
 * Spanish, Portuguese, Polish and Bulgarian group only from five digits, so one letter showed
 * `6762,36` beside `14.978,71`: a reader checking a sum should see every amount written alike.
 */
const GROUPING = { useGrouping: 'always' } as const;

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { ...options, ...GROUPING });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * No-break spaces become plain spaces: text mail, PDF text extraction and people searching for
 * `1.284,50 €` all expect an ordinary space, and an amount is short enough not to wrap badly.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * A space inside an amount (between digit groups, or between the number and its currency sign or
 * code) as found in `text`, which a browser must not break a line at.
 */
const AMOUNT_SPACE = /(?<=\d) (?=\d{3}(?!\d))|(?<=\d) (?=(?:\p{Sc}|[A-Z]{3})(?![\p{L}\d]))|(?<=\p{Sc}) (?=-?\d)/gu;

/**
 * `text` with the spaces inside its amounts made no-break (U+00A0), for HTML: amounts are formatted
 * with plain spaces (see plainSpaces), and a narrow table cell or a phone screen would otherwise
 * print `5200,00` at the end of one line and `€` at the start of the next.
 */
export function keepAmountsWhole(text: string): string {
  return text.replace(AMOUNT_SPACE, '\u00a0');
}

/** Intl number formatting of an exact decimal string (`"1284.50"`), never through a binary float. */
function formatDecimal(format: Intl.NumberFormat, decimal: string): string {
  return (format as unknown as { format(value: string): string }).format(decimal);
}

/** Money in minor units as the customer reads it: el/EUR 128450 → `1.284,50 €`. */
export function formatMoney(amount: Minor, currency: string, language: string): string {
  const digits = currencyDigits(currency);
  const format = numberFormat(localeFor(language, currency), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return plainSpaces(formatDecimal(format, formatMinor(amount, digits)));
}

/** Money without the currency symbol (table columns whose heading names the currency). */
export function formatAmount(amount: Minor, currency: string, language: string): string {
  const digits = currencyDigits(currency);
  const format = numberFormat(localeFor(language, currency), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return plainSpaces(formatDecimal(format, formatMinor(amount, digits)));
}

/** A whole number (days overdue, counts) in the customer's language. */
export function formatInteger(value: number, language: string): string {
  return plainSpaces(numberFormat(localeFor(language), { maximumFractionDigits: 0 }).format(value));
}

/** A date for tables: `05/03/2026` (it, el, pt, en), `05.03.2026 г.` (bg). */
export function formatDate(date: IsoDate, language: string): string {
  const { year, month, day } = dateParts(date);
  const format = dateFormat(localeFor(language), { day: '2-digit', month: '2-digit', year: 'numeric' });
  return plainSpaces(format.format(Date.UTC(year, month - 1, day)));
}

/** A date in running text: `5 March 2026`, `5 Μαρτίου 2026`, `5 март 2026 г.`. */
export function formatLongDate(date: IsoDate, language: string): string {
  const { year, month, day } = dateParts(date);
  const format = dateFormat(localeFor(language), { dateStyle: 'long' });
  return plainSpaces(format.format(Date.UTC(year, month - 1, day)));
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Dates in long form joined as the language lists them: en `16 March 2026 and 5 April 2026`. */
export function formatLongDates(dates: readonly IsoDate[], language: string): string {
  const locale = localeFor(language);
  let list = listFormats.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, list);
  }
  return list.format(dates.map((date) => formatLongDate(date, language)));
}
