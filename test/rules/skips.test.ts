/** Skips, fees and interest (docs/reference/rules.md §8, §6): each reason once per customer; fees and interest exact. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { due, planOf, policyWith, snapshot } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);

describe('skips', () => {
  it('opted-out only when something would have been sent', () => {
    expect(planOf([snapshot([due(overdueBy(-10))], { customer: { reminders: false } })], D).skipped).toEqual([]);
    const result = planOf([snapshot([due(overdueBy(8)), due(overdueBy(60), { number: 'U', currency: 'USD' })], { customer: { reminders: false } })], D);
    expect(result.messages).toEqual([]);
    expect(result.skipped.map((skip) => [skip.customer, skip.reason])).toEqual([['C001', 'opted-out']]);
  });

  it.each([
    { minAmount: 100, total: 10000, skipped: false }, // minimum equal to total: sent
    { minAmount: 100.01, total: 10000, skipped: true },
    { minAmount: 0, total: 10000, skipped: false },
  ])('minimum $minAmount with total $total → skipped $skipped', ({ minAmount, total, skipped }) => {
    const result = planOf([snapshot([due(overdueBy(8), { openAmount: total })])], D, policyWith({ minAmount }));
    expect(result.messages.length).toBe(skipped ? 0 : 1);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(skipped ? ['below-minimum'] : []);
  });

  it('the minimum applies per message in its own currency; the reason is reported once', () => {
    const items = [
      due(overdueBy(8), { number: 'E', openAmount: 500 }),
      due(overdueBy(8), { number: 'U', currency: 'USD', openAmount: 700 }),
      due(overdueBy(8), { number: 'J', currency: 'JPY', openAmount: 5000 }),
    ];
    const result = planOf([snapshot(items)], D, policyWith({ minAmount: 10 }));
    expect(result.messages.map((message) => message.currency)).toEqual(['JPY']);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['below-minimum']);
  });

  it('credits that cover the debt leave nothing to ask for: below-minimum', () => {
    const credit = due(overdueBy(2), { number: 'CN', kind: 'credit_note', amount: -20000, openAmount: -20000 });
    const result = planOf([snapshot([due(overdueBy(8)), credit])], D);
    expect(result.messages).toEqual([]);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['below-minimum']);
  });

  it('no-email unless the level asks for a letter', () => {
    const levels = policyWith().levels.map((level) => (level.id === 'final' ? { ...level, letter: true } : level));
    const customer = { email: null, addressLine1: 'Hauptstraße 5', city: 'Berlin' };
    const result = planOf(
      [snapshot([due(overdueBy(8), { number: 'E' }), due(overdueBy(50), { number: 'U', currency: 'USD' })], { customer })],
      D,
      policyWith({ levels }),
    );
    expect(result.messages.map((message) => [message.key, message.to, message.letter])).toEqual([['C001-USD-final', [], true]]);
    expect(result.skipped).toEqual([{ customer: 'C001', reason: 'no-email', detail: 'no e-mail address' }]);
  });

  describe('no-address: a letter the post cannot deliver is held back (rules.md §8)', () => {
    const levels = policyWith().levels.map((level) => (level.id === 'final' ? { ...level, letter: true } : level));
    const items = [due(overdueBy(50), { number: 'F' })];

    it('without e-mail nor postal address nothing goes, and the skip says why', () => {
      const result = planOf([snapshot(items, { customer: { email: null } })], D, policyWith({ levels }));
      expect(result.messages).toEqual([]);
      expect(result.skipped).toEqual([{ customer: 'C001', reason: 'no-address', detail: 'no postal address for the final letter, and no e-mail address' }]);
    });

    it('with an e-mail address the e-mail still goes, without the letter, and the missing address is a problem', () => {
      const result = planOf([snapshot(items, { customer: { email: 'ap@c001.example' } })], D, policyWith({ levels }));
      expect(result.messages.map((message) => [message.key, message.to, message.letter])).toEqual([['C001-EUR-final', ['ap@c001.example'], false]]);
      expect(result.skipped).toEqual([]);
      expect(result.problems).toEqual([{ customer: 'C001', field: 'address_line1', message: 'no postal address: the final letter is not printed; the e-mail goes' }]);
    });

    it('half an address (no city) is no address; a whole one gets the letter', () => {
      const half = planOf([snapshot(items, { customer: { email: null, addressLine1: 'Via Roma 1', postalCode: '00184' } })], D, policyWith({ levels }));
      expect(half.skipped.map((skip) => skip.reason)).toEqual(['no-address']);
      const whole = planOf([snapshot(items, { customer: { email: null, addressLine1: 'Via Roma 1', postalCode: '00184', city: 'Roma', country: 'IT' } })], D, policyWith({ levels }));
      expect(whole.messages.map((message) => [message.to, message.letter])).toEqual([[[], true]]);
      expect(whole.skipped).toEqual([]);
    });

    it('a level without letter never asks for an address', () => {
      const result = planOf([snapshot(items, { customer: { email: 'ap@c001.example' } })], D);
      expect(result.messages.map((message) => message.letter)).toEqual([false]);
      expect(result.problems).toEqual([]);
    });
  });

  it('each customer is reported once per reason, in input order', () => {
    const result = planOf(
      [
        snapshot([due(overdueBy(8))], { customer: { code: 'C1', email: 'bad, worse@x.example' } }),
        snapshot([due(overdueBy(8))], { customer: { code: 'C2', reminders: false } }),
        snapshot([due(overdueBy(8)), due(overdueBy(9), { number: 'X', currency: 'USD' })], { customer: { code: 'C3', email: null } }),
      ],
      D,
    );
    expect(result.skipped.map((skip) => `${skip.customer}:${skip.reason}`)).toEqual(['C1:no-email', 'C2:opted-out', 'C3:no-email']);
    expect(result.problems).toEqual([
      { customer: 'C1', field: 'email', message: '"bad, worse@x.example" holds several addresses (comma or semicolon); it is not used' },
    ]);
  });
});

describe('fees and interest', () => {
  it.each([
    { currency: 'EUR', fee: 5.5, minor: 550 },
    { currency: 'JPY', fee: 500, minor: 500 },
    { currency: 'BHD', fee: 1.25, minor: 1250 },
  ])('fee $fee in $currency is $minor minor units, on its own, not in the total', ({ currency, fee, minor }) => {
    const levels = policyWith().levels.map((level) => (level.id === 'first' ? { ...level, fee } : level));
    const policy = policyWith({ levels, defaultCurrency: currency });
    const [message] = planOf([snapshot([due(overdueBy(8), { currency })])], D, policy).messages;
    expect(message?.fee).toBe(minor);
    expect(message?.total).toBe(10000);
  });

  it('statements and lower levels carry no fee', () => {
    const levels = policyWith().levels.map((level) => (level.id === 'final' ? { ...level, fee: 10 } : level));
    const [message] = planOf([snapshot([due(overdueBy(8))])], D, policyWith({ levels })).messages;
    expect(message?.fee).toBe(0);
  });

  it.each([
    // open × rate/100 × days/365, half-even to the cent
    { open: 10000, rate: 10, days: 73, interest: 200 }, // exactly 200.00…
    { open: 36500, rate: 1, days: 1, interest: 1 }, // exactly 1
    { open: 18250, rate: 1, days: 1, interest: 0 }, // 0.5 → even 0
    { open: 54750, rate: 1, days: 1, interest: 2 }, // 1.5 → even 2
    { open: 10001, rate: 8.25, days: 30, interest: 68 }, // 67.81… → 68
    { open: 10000, rate: 8.1, days: 365, interest: 810 }, // 8.1 is exact, not a binary fraction
  ])('interest on $open at $rate% for $days days = $interest', ({ open, rate, days, interest }) => {
    // A level from the first overdue day: an item 1 day overdue gets a reminder that carries interest.
    const levels = [{ id: 'first', name: 'First', days: 1, template: 'first' }];
    const [message] = planOf([snapshot([due(overdueBy(days), { openAmount: open })])], D, policyWith({ interestRatePercent: rate, levels })).messages;
    expect(message?.lines[0]?.interest).toBe(interest);
    expect(message?.interest).toBe(interest);
  });

  it('interest is summed per message and never charged on items not yet overdue or credits', () => {
    const items = [
      due(overdueBy(73), { number: 'A' }),
      due(overdueBy(73), { number: 'B' }),
      due(overdueBy(0), { number: 'C' }),
      due(overdueBy(10), { number: 'N', kind: 'credit_note', amount: -5000, openAmount: -5000 }),
    ];
    const [message] = planOf([snapshot(items)], D, policyWith({ interestRatePercent: 10, scope: 'all-open' })).messages;
    expect(message?.lines.map((line) => line.interest)).toEqual([200, 200, 0, 0]);
    expect(message?.interest).toBe(400);
  });
});
