/** Fees (docs/reference/rules.md §6.1): a level fee per currency, never the same number in another currency. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { LevelFee } from '../../src/core/plan.js';
import { due, planOf, policyWith, snapshot } from './snapshots.js';

const D = '2026-03-10';
const late = addDays(D, -25); // reaches "second" (21 days)

/** The default ladder with `fee` on "second", and a default currency. */
function policy(fee: LevelFee, defaultCurrency = 'EUR') {
  const levels = policyWith().levels.map((level) => (level.id === 'second' ? { ...level, fee } : level));
  return policyWith({ levels, defaultCurrency });
}

/** One customer owing 100.00 (or 100 JPY) in each of `currencies`, all at level "second". */
function owing(...currencies: string[]) {
  return [snapshot(currencies.map((currency) => due(late, { number: `INV-${currency}`, currency })))];
}

describe('level fee per currency', () => {
  it('a map charges each message the fee of its own currency', () => {
    const result = planOf(owing('EUR', 'GBP', 'JPY'), D, policy({ EUR: 5, GBP: 4.5, JPY: 700 }));
    expect(result.messages.map((message) => [message.currency, message.fee])).toEqual([
      ['EUR', 500],
      ['GBP', 450],
      ['JPY', 700],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('a currency the map does not name gets no fee, and a plan problem says so once', () => {
    const twoCustomers = [...owing('EUR', 'GBP'), snapshot([due(late, { currency: 'GBP' })], { customer: { code: 'C002' } })];
    const result = planOf(twoCustomers, D, policy({ EUR: 5 }));
    expect(result.messages.map((message) => [message.customer.code, message.currency, message.fee])).toEqual([
      ['C001', 'EUR', 500],
      ['C001', 'GBP', 0],
      ['C002', 'GBP', 0],
    ]);
    expect(result.problems).toEqual([
      { customer: '', field: 'policy.levels', message: 'level "second": no fee for GBP (fee is in EUR only)' },
    ]);
  });

  it('a number fee is in policy.defaultCurrency only: 5 EUR is never 5 USD', () => {
    const result = planOf(owing('EUR', 'USD'), D, policy(5));
    expect(result.messages.map((message) => [message.currency, message.fee])).toEqual([
      ['EUR', 500],
      ['USD', 0],
    ]);
    expect(result.problems.map((found) => found.message)).toEqual(['level "second": no fee for USD (fee is in EUR only)']);
  });

  it('a number fee follows the default currency when that is not EUR', () => {
    const result = planOf(owing('EUR', 'JPY'), D, policy(500, 'JPY'));
    expect(result.messages.map((message) => [message.currency, message.fee])).toEqual([
      ['EUR', 0],
      ['JPY', 500],
    ]);
  });

  it('levels below the one with the fee, and statements, neither charge nor report anything', () => {
    const result = planOf([snapshot([due(addDays(D, -8), { currency: 'GBP' })])], D, policy({ EUR: 5 }));
    expect(result.messages.map((message) => [message.level, message.fee])).toEqual([['first', 0]]);
    expect(result.problems).toEqual([]);
  });
});
