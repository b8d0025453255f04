/**
 * Level fees per currency (docs/reference/rules.md §6.1): a number fee is in the default currency
 * only, a map names its currencies. Never the same number in another currency: 5 EUR is not 5 JPY.
 */
import type { Minor } from '../domain.js';
import { majorToMinor } from '../money.js';
import type { Level, LevelFee, PlanProblem } from '../plan.js';

/** The major-unit fee of `fee` in `currency`, or undefined when it names none for that currency. */
function feeIn(fee: LevelFee, currency: string, defaultCurrency: string): number | undefined {
  if (typeof fee === 'number') return currency === defaultCurrency ? fee : undefined;
  return Object.hasOwn(fee, currency) ? fee[currency] : undefined;
}

/**
 * The fee of `level` for a message in `currency`, in minor units: 0 when the level has no fee,
 * null when it has one but not in this currency (the message then gets none; see missingFee).
 */
export function levelFee(level: Level, currency: string, defaultCurrency: string): Minor | null {
  if (level.fee === undefined || level.fee === 0) return 0;
  const amount = feeIn(level.fee, currency, defaultCurrency);
  return amount === undefined ? null : majorToMinor(amount, currency);
}

/** The plan problem for a message in `currency` that gets no fee although `level` has one. */
export function missingFee(level: Level, currency: string, defaultCurrency: string): PlanProblem {
  const fee = level.fee ?? 0;
  const currencies = typeof fee === 'number' ? [defaultCurrency] : Object.keys(fee).sort();
  return {
    customer: '',
    field: 'policy.levels',
    message: `level "${level.id}": no fee for ${currency} (fee is in ${currencies.join(', ')} only)`,
  };
}
