/**
 * Simple interest on overdue items (docs/reference/rules.md §6.2), computed exactly on big integers:
 * `open × rate/100 × daysOverdue/365`, rounded half-even to the minor unit.
 */
import { divideHalfEven } from '../money.js';
import type { Minor } from '../domain.js';

/** A rate in percent as an exact fraction numerator/denominator (8.25 → 825/100). */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

/** Turn a percent rate from the settings into an exact fraction (the decimal digits as written). */
export function exactRate(percent: number): Rate {
  if (!Number.isFinite(percent) || percent < 0) throw new RangeError(`interest rate ${percent} is not a rate`);
  // toString keeps the shortest decimal that round-trips, so 8.1 stays 81/10, not a binary fraction.
  let text = String(percent);
  if (/e/i.test(text)) text = percent.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  const [whole = '0', fraction = ''] = text.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Interest in minor units on `open` minor units overdue for `daysOverdue` days (0 when not overdue). */
export function simpleInterest(open: Minor, daysOverdue: number, rate: Rate): Minor {
  if (open <= 0 || daysOverdue <= 0 || rate.numerator === 0n) return 0;
  const numerator = BigInt(open) * rate.numerator * BigInt(daysOverdue);
  const denominator = rate.denominator * 100n * 365n;
  return Number(divideHalfEven(numerator, denominator));
}
