/** A level's fee: a number in policy.defaultCurrency, or a map per currency; both checked exactly. */
import { describe, expect, it } from 'vitest';
import type { LevelFee } from '../../src/core/plan.js';
import { formatProblems, validateSettings } from '../../src/settings/validate.js';

/** Settings whose one level has `fee`, with an optional default currency. */
function withFee(fee: unknown, defaultCurrency?: string): unknown {
  const level = { id: 'second', name: 'Second', days: 21, template: 'second', fee };
  return { policy: { ...(defaultCurrency ? { defaultCurrency } : {}), levels: [level] } };
}

describe('policy.levels[].fee', () => {
  it.each<[string, LevelFee, string?]>([
    ['a number in the default currency', 5],
    ['a number with cents', 4.5],
    ['a whole number in a currency without minor units', 700, 'JPY'],
    ['a map per currency', { EUR: 5, GBP: 4.5, JPY: 700, BHD: 1.125 }],
    ['a map with a zero fee', { EUR: 0 }],
    ['a currency this runtime may not know, shaped like ISO 4217', { XAA: 1 }],
  ])('accepts %s', (_what, fee, currency) => {
    expect(formatProblems(validateSettings(withFee(fee, currency)))).toEqual([]);
  });

  it.each<[string, unknown, string | undefined, string]>([
    ['a lower-case code', { eur: 5 }, undefined, 'policy.levels[0].fee: "eur" is not a currency code (3 capital letters like EUR)'],
    ['a code of four letters', { EURO: 5 }, undefined, 'policy.levels[0].fee: "EURO" is not a currency code (3 capital letters like EUR)'],
    ['a negative amount', { GBP: -1 }, undefined, 'policy.levels[0].fee.GBP: must be at least 0 (got -1); allowed: 0 to 100000000000'],
    ['an amount as text', { GBP: '4.50' }, undefined, 'policy.levels[0].fee.GBP: must be a number (got "4.50")'],
    ['cents on yen', { JPY: 4.5 }, undefined, 'policy.levels[0].fee.JPY: 4.5 has more decimals than JPY has (none)'],
    ['three decimals on euro', { EUR: 4.505 }, undefined, 'policy.levels[0].fee.EUR: 4.505 has more decimals than EUR has (2)'],
    ['an empty map', {}, undefined, 'policy.levels[0].fee: names no currency; give one like {"EUR":5} or leave fee out'],
    ['a number fee with cents in yen', 4.5, 'JPY', 'policy.levels[0].fee: 4.5 has more decimals than JPY has (none); a number fee is in policy.defaultCurrency JPY'],
  ])('refuses %s, naming the key', (_what, fee, currency, message) => {
    expect(formatProblems(validateSettings(withFee(fee, currency)))).toEqual([message]);
  });
});
