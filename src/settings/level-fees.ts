/**
 * Checks of the reminder levels' fees that the schema cannot express: a fee map names ISO 4217
 * shaped currency codes, every amount is at least 0 and has no more decimals than its currency
 * has minor digits (JPY none), so converting it to minor units never rounds.
 */
import { currencyDigits, decimalPlaces } from '../core/money.js';
import type { Level } from '../core/plan.js';
import { MAX_AMOUNT } from '../core/settings-schema.js';
import type { SettingsProblem } from './settings-problem.js';

/** A currency code as ISO 4217 writes one; codes this runtime does not know are allowed. */
const CURRENCY_SHAPE = /^[A-Z]{3}$/;

/** Why `amount` cannot be a fee in `currency`, or null when it can. */
function amountProblem(amount: unknown, currency: string): string | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return `must be a number (got ${JSON.stringify(amount)})`;
  if (amount < 0) return `must be at least 0 (got ${amount}); allowed: 0 to ${MAX_AMOUNT}`;
  if (amount > MAX_AMOUNT) return `must be at most ${MAX_AMOUNT} (got ${amount}); allowed: 0 to ${MAX_AMOUNT}`;
  const digits = currencyDigits(currency);
  if (decimalPlaces(amount) > digits) {
    return `${amount} has more decimals than ${currency} has (${digits === 0 ? 'none' : digits})`;
  }
  return null;
}

/** Problems of every level's fee; `defaultCurrency` is the one a number fee is in; `at` names the ladder. */
export function levelFeeProblems(levels: readonly Level[], defaultCurrency: string, at = 'policy.levels'): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  levels.forEach((level, index) => {
    const key = `${at}[${index}].fee`;
    const fee = level.fee;
    if (fee === undefined) return;
    if (typeof fee === 'number') {
      const wrong = amountProblem(fee, defaultCurrency);
      if (wrong !== null) problems.push({ key, message: `${wrong}; a number fee is in policy.defaultCurrency ${defaultCurrency}` });
      return;
    }
    const entries = Object.entries(fee);
    if (entries.length === 0) problems.push({ key, message: 'names no currency; give one like {"EUR":5} or leave fee out' });
    for (const [currency, amount] of entries) {
      if (!CURRENCY_SHAPE.test(currency)) {
        problems.push({ key, message: `"${currency}" is not a currency code (3 capital letters like EUR)` });
        continue;
      }
      const wrong = amountProblem(amount, currency);
      if (wrong !== null) problems.push({ key: `${key}.${currency}`, message: wrong });
    }
  });
  return problems;
}
