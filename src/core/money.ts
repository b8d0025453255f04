/**
 * Exact money: integer minor units per currency, parsed from and formatted to decimal strings
 * without ever passing through binary floating point. Locale formatting lives in ./format.ts.
 */
import type { Minor } from './domain.js';

const knownCurrencies = new Set<string>(Intl.supportedValuesOf('currency'));
const digitsCache = new Map<string, number>();

/** True when `code` is an ISO 4217 currency code this runtime knows (upper case). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

/** Number of minor-unit digits of a currency (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(code: string): number {
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}

/** Result of parsing an amount: the value in minor units, or why it is not an amount. */
export type AmountResult = { ok: true; value: Minor } | { ok: false; error: string };

/** Options for parseAmount. */
export interface AmountOptions {
  /** `,` is the decimal separator and `.` (or a space) may group thousands. */
  decimalComma?: boolean;
}

/**
 * Parse a decimal amount written by a person or a spreadsheet (`1234.50`, `-12`, `1,234.50`,
 * with decimalComma `1.234,50`) into minor units of a currency with `digits` decimals.
 * More decimals than the currency has is an error, never a silent rounding.
 */
export function parseAmount(text: string, digits: number, options: AmountOptions = {}): AmountResult {
  const raw = text.trim();
  if (raw === '') return { ok: false, error: 'is empty' };
  const decimal = options.decimalComma ? ',' : '.';
  const group = options.decimalComma ? '[. \u00a0]' : '[, \u00a0]';
  const pattern = new RegExp(
    `^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:\\${decimal}(\\d+))?$`,
  );
  const match = pattern.exec(raw);
  if (!match) {
    const hint = !options.decimalComma && /^[+-]?\d+,\d{1,2}$/.test(raw) ? ' (decimal comma? use --decimal-comma)' : '';
    return { ok: false, error: `"${text}" is not an amount${hint}` };
  }
  const [, sign, intPart = '', fraction = ''] = match;
  if (fraction.length > digits) {
    return { ok: false, error: `"${text}" has more than ${digits} decimal${digits === 1 ? '' : 's'}` };
  }
  const whole = intPart.replace(/[^\d]/g, '');
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  const value = Number(sign === '-' ? -minor : minor);
  if (!Number.isSafeInteger(value)) return { ok: false, error: `"${text}" is too large` };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Format minor units as a plain decimal string in major units (`123450`, 2 → `"1234.50"`). */
export function formatMinor(value: Minor, digits: number): string {
  const negative = value < 0;
  const text = Math.abs(value).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/** Decimal places of a number as JSON writes it (`4.5` → 1, `5` → 0, `1e-7` → 7). */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** Convert a settings number in major units (e.g. a fee of 5.5) to minor units of a currency. */
export function majorToMinor(amount: number, currency: string): Minor {
  const digits = currencyDigits(currency);
  const result = parseAmount(amount.toFixed(Math.max(digits, 0)), digits);
  if (!result.ok) throw new RangeError(`amount ${amount} ${currency}: ${result.error}`);
  return result.value;
}

/** Divide exactly and round half to even (banker's rounding), on big integers. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator - quotient * denominator;
  if (remainder === 0n) return quotient;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twice > denominator) return away;
  if (twice < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : away;
}
