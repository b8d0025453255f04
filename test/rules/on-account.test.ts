/** Payments on account (docs/reference/rules.md §5.4): netted per customer and currency, `covered` when nothing is left to ask. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { AccountPayment, CustomerSnapshot } from '../../src/core/rules/input.js';
import { due, planOf, planSnapshot, policyWith, snapshot, splitOf } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);

/** A payment on account of `amount` minor units (EUR, dated two days before D unless told). */
function onAccount(amount: number, partial: Partial<AccountPayment> = {}): AccountPayment {
  return { reference: `PAY-${amount}`, date: addDays(D, -2), amount, currency: 'EUR', case: null, ...partial };
}

function withPayments(base: CustomerSnapshot, payments: AccountPayment[]): CustomerSnapshot {
  return { ...base, payments };
}

describe('payments on account', () => {
  it.each([
    // items open (minor), payments, → total asked, unapplied, or the skip reason
    { open: [30000], paid: [15000], total: 15000, unapplied: 15000, skip: null },
    { open: [30000, 5000], paid: [10000, 2500], total: 22500, unapplied: 12500, skip: null },
    { open: [10000], paid: [10000], total: null, unapplied: null, skip: 'covered' },
    { open: [10000], paid: [15000], total: null, unapplied: null, skip: 'covered' },
    { open: [10000], paid: [], total: 10000, unapplied: 0, skip: null },
  ])('items $open, payments $paid → total $total, unapplied $unapplied, skip $skip', ({ open, paid, total, unapplied, skip }) => {
    const items = open.map((amount, index) => due(overdueBy(8), { number: `INV-${index}`, amount, openAmount: amount }));
    const result = planOf([withPayments(snapshot(items), paid.map((amount, index) => onAccount(amount, { reference: `P${index}` })))], D);
    expect(result.skipped.map((entry) => entry.reason)).toEqual(skip === null ? [] : [skip]);
    expect(result.messages.map((message) => [message.total, message.unapplied])).toEqual(total === null ? [] : [[total, unapplied]]);
  });

  it('lists every netted payment of the message currency, oldest first', () => {
    const payments = [onAccount(2000, { reference: 'B', date: overdueBy(1) }), onAccount(1000, { reference: 'A', date: overdueBy(3) })];
    const [message] = planOf([withPayments(snapshot([due(overdueBy(8))]), payments)], D).messages;
    expect(message?.payments).toEqual([
      { reference: 'A', date: overdueBy(3), amount: 1000 },
      { reference: 'B', date: overdueBy(1), amount: 2000 },
    ]);
  });

  it('nets only in its own currency', () => {
    const items = [due(overdueBy(8), { number: 'E' }), due(overdueBy(8), { number: 'U', currency: 'USD' })];
    const result = planOf([withPayments(snapshot(items), [onAccount(4000, { currency: 'USD' })])], D);
    expect(result.messages.map((message) => [message.currency, message.total, message.unapplied])).toEqual([
      ['EUR', 10000, 0],
      ['USD', 6000, 4000],
    ]);
  });

  it('does not count a payment dated after the as-of date (a replay sees what was known then)', () => {
    const [message] = planOf([withPayments(snapshot([due(overdueBy(8))]), [onAccount(4000, { date: addDays(D, 1) })])], D).messages;
    expect([message?.total, message?.unapplied, message?.payments]).toEqual([10000, 0, []]);
  });

  it('covered comes before below-minimum; the minimum is compared with the netted total', () => {
    const covered = planOf([withPayments(snapshot([due(overdueBy(8))]), [onAccount(10000)])], D, policyWith({ minAmount: 50 }));
    expect(covered.skipped.map((entry) => entry.reason)).toEqual(['covered']);
    const small = planOf([withPayments(snapshot([due(overdueBy(8))]), [onAccount(9500)])], D, policyWith({ minAmount: 10 }));
    expect(small.skipped.map((entry) => entry.reason)).toEqual(['below-minimum']);
  });

  it('is netted on statements too', () => {
    // Already reminded at `upcoming`: nothing is pending, so the statement cadence sends.
    const base = snapshot([due(overdueBy(3))], { customer: { statementEveryDays: 10 }, history: { 'INV-1': [{ level: 'upcoming', latest: overdueBy(12) }] } });
    const [message] = planOf([withPayments(base, [onAccount(2500)])], D).messages;
    expect([message?.kind, message?.total, message?.unapplied]).toEqual(['statement', 7500, 2500]);
  });

  it('is not netted with grouping "item": one payment would be counted once per item', () => {
    const items = [due(overdueBy(8), { number: 'A' }), due(overdueBy(8), { number: 'B' })];
    const result = planOf([withPayments(snapshot(items), [onAccount(5000)])], D, policyWith({ grouping: 'item' }));
    expect(result.messages.map((message) => [message.total, message.unapplied, message.payments.length])).toEqual([
      [10000, 0, 0],
      [10000, 0, 0],
    ]);
  });

  it('a payment naming a case counts for the case while its plan is in effect, else it is netted like one on account', () => {
    const plan = planSnapshot({ plan: { case: 'K1', startDate: '2026-01-01' } });
    const items = [due(overdueBy(8))];
    const inEffect = planOf([withPayments(snapshot(items, { plans: [plan] }), [onAccount(3000, { case: 'K1' })])], D);
    expect(inEffect.messages.filter((message) => message.kind === 'reminder').map((message) => message.total)).toEqual([10000]);
    const ended = planSnapshot({ plan: { case: 'K1', startDate: '2025-01-01', endDate: '2025-12-31' } });
    const after = planOf([withPayments(snapshot(items, { plans: [ended] }), [onAccount(3000, { case: 'K1' })])], D);
    expect(after.messages.map((message) => [message.total, message.unapplied])).toEqual([[7000, 3000]]);
  });
});

describe('property: total = max(0, open asked for − unallocated); the rest of the listed amount is notYetDue', () => {
  it('holds for any items and payments in customer grouping', () => {
    const itemArb = fc.record({ overdue: fc.integer({ min: -30, max: 120 }), open: fc.integer({ min: -20_000, max: 80_000 }) });
    const paymentArb = fc.record({ amount: fc.integer({ min: 1, max: 60_000 }), ago: fc.integer({ min: -5, max: 60 }), usd: fc.boolean() });
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), fc.array(paymentArb, { maxLength: 4 }), fc.constantFrom('overdue' as const, 'all-open' as const), (items, payments, scope) => {
        const listedItems = items
          .filter((entry) => entry.open !== 0)
          .map((entry, index) => due(overdueBy(entry.overdue), { number: `N${index}`, amount: entry.open, openAmount: entry.open, kind: entry.open < 0 ? 'credit_note' : 'invoice' }));
        const account = payments.map((entry, index) => onAccount(entry.amount, { reference: `P${index}`, date: addDays(D, -entry.ago), currency: entry.usd ? 'USD' : 'EUR' }));
        const result = planOf([withPayments(snapshot(listedItems, { customer: { statementEveryDays: 1 } }), account)], D, policyWith({ scope }));
        for (const message of result.messages) {
          const { asked, notYetDue } = splitOf(message);
          const unallocated = account.filter((p) => p.currency === message.currency && p.date <= D).reduce((sum, p) => sum + p.amount, 0);
          expect(message.total).toBe(Math.max(0, asked - unallocated));
          // Payments beyond the part asked for stay a credit: they never reduce what is not yet due.
          expect(message.unapplied).toBe(Math.min(unallocated, Math.max(0, asked)));
          expect(message.notYetDue).toBe(notYetDue);
          expect(message.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(unallocated);
        }
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
