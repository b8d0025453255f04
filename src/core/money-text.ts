/** Amounts as the desk shows them: grouped thousands, exact decimals, the currency code after. */
import type { Minor } from './domain.js';
import { currencyDigits, formatMinor } from './money.js';

/** `123456789` EUR → `1,234,567.89` (exact: no floating point on the way). */
export function formatMoney(amount: Minor, currency: string): string {
  const plain = formatMinor(amount, currencyDigits(currency));
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [whole = '', fraction] = body.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `amount` with its currency code: `1,234.50 EUR`. */
export function formatAmount(amount: Minor, currency: string): string {
  return `${formatMoney(amount, currency)} ${currency}`;
}
