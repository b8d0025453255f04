/**
 * ISO 11649 creditor references (`RF` + 2 check digits + up to 21 letters/digits), the structured
 * payment reference banks carry through a SEPA transfer so a payment can be matched automatically.
 */
import type { PlannedMessage } from './plan.js';

/** Letters to numbers (A=10 … Z=35) and the remainder modulo 97, digit by digit (no bigint needed). */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric.toUpperCase()) {
    const code = char.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** The body accepted in a creditor reference: 1–21 characters A–Z and 0–9. */
const bodyPattern = /^[A-Z0-9]{1,21}$/;

/** `RF` reference for `body` with its check digits: `539007547034` → `RF18539007547034`. */
export function makeRfReference(body: string): string {
  const clean = body.toUpperCase();
  if (!bodyPattern.test(clean)) {
    throw new RangeError(`"${body}" cannot be a creditor reference (1 to 21 letters and digits)`);
  }
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, '0')}${clean}`;
}

/** True when `text` (spaces allowed, any case) is a valid ISO 11649 reference. */
export function isRfReference(text: string): boolean {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** Print form: groups of four (`RF18 5390 0754 7034`). */
export function formatRfReference(reference: string): string {
  return reference.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The payment reference of a message. When every listed item carries the same valid RF reference
 * (the invoice's own), that one is kept. Otherwise the reference is built from the customer code
 * and the currency (letters and digits only, code cut to 18 characters): it is stable for the
 * customer's account in that currency, so any payment quoting it is matched to the right balance
 * whichever reminder or statement prompted it.
 */
export function messageRfReference(message: Pick<PlannedMessage, 'customer' | 'currency' | 'lines'>): string {
  const own = new Set(
    message.lines.map((line) => line.item.reference?.replace(/\s+/g, '').toUpperCase() ?? ''),
  );
  if (own.size === 1) {
    const [only] = own;
    if (only !== undefined && isRfReference(only)) return only;
  }
  return accountRfReference(message.customer.code, message.currency);
}

/**
 * The reference of a customer's account in one currency: the customer code (letters and digits
 * only, cut to 18 characters) and the currency. Bank statements quoting it are matched back to that
 * account (docs/reference/bank.md §2).
 */
export function accountRfReference(customerCode: string, currency: string): string {
  const code = customerCode.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 18);
  const letters = currency.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3);
  return makeRfReference(`${code}${letters}` || 'X');
}
