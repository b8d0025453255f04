/**
 * A fast path for the amounts that fill large exports (`1234.50`, `-12`): plain digits with an
 * optional sign and at most `digits` decimals, no grouping. Anything else returns undefined and
 * goes through money.parseAmount, which remains the definition; a property test holds the two
 * equal. It exists because parseAmount builds a RegExp and BigInt per call, which dominated the
 * validation of a million-row file.
 */
import type { Minor } from '../domain.js';

const PLAIN = /^([+-]?)(\d{1,13})(?:[.,](\d+))?$/;

/** Minor units of a plain amount, or undefined when the text is not one (or is ambiguous). */
export function parsePlainAmount(text: string, digits: number, decimalComma: boolean): Minor | undefined {
  const match = PLAIN.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = '', fraction] = match;
  if (fraction !== undefined) {
    const separator = text.charAt(text.length - fraction.length - 1);
    if (separator !== (decimalComma ? ',' : '.') || fraction.length > digits) return undefined;
  }
  const value = Number(whole + (fraction ?? '').padEnd(digits, '0'));
  if (!Number.isSafeInteger(value)) return undefined;
  return sign === '-' && value !== 0 ? -value : value;
}
