/**
 * What a message asks for (docs/reference/rules.md §3.3): a reminder at an overdue level (and a statement) asks for what
 * is overdue plus fees and interest minus payments on account; listed items not yet due are set
 * apart as notYetDue; a pre-due notice asks for the items it announces. The minimum and `covered`
 * judge a reminder by that demand.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { manualStatements } from '../../src/core/manual-statement.js';
import type { AccountPayment, CustomerSnapshot } from '../../src/core/rules/input.js';
import { aCustomer } from '../helpers/store.js';
import { due, planOf, policyWith, snapshot } from './snapshots.js';

const D = '2026-12-07';
const overdueBy = (days: number) => addDays(D, -days);

function onAccount(amount: number): AccountPayment {
  return { reference: `PAY-${amount}`, date: addDays(D, -3), amount, currency: 'EUR', case: null };
}

const withPayments = (base: CustomerSnapshot, payments: AccountPayment[]): CustomerSnapshot => ({ ...base, payments });

// GR06's final notice: two invoices long overdue and one that falls due in two days.
const gr06 = [
  due(overdueBy(221), { number: 'ΤΔΑ-0620', amount: 240435, openAmount: 240435 }),
  due(overdueBy(134), { number: 'ΤΔΑ-0622', amount: 127234, openAmount: 127234 }),
  due(overdueBy(-2), { number: 'ΤΔΑ-0624', amount: 385684, openAmount: 385684 }),
];

describe('a reminder at an overdue level', () => {
  it('asks for the overdue items plus interest, not for an item it lists that falls due later', () => {
    const [message] = planOf([snapshot(gr06)], D, policyWith({ scope: 'all-open', interestRatePercent: 8 })).messages;
    expect(message).toMatchObject({ level: 'final', total: 240435 + 127234, notYetDue: 385684 });
    expect(message?.lines.map((line) => line.item.number)).toEqual(['ΤΔΑ-0620', 'ΤΔΑ-0622', 'ΤΔΑ-0624']);
    // Interest runs on overdue items only: 240435 × 8 % × 221/365 + 127234 × 8 % × 134/365.
    expect(message?.interest).toBe(11646 + 3737);
  });

  it('does not ask for an item about to fall due even when it also reminds of it', () => {
    // Scope "overdue": ΤΔΑ-0624 is listed only because it reached the pre-due level and is pending there.
    const [message] = planOf([snapshot(gr06)], D).messages;
    expect(message?.reminds).toEqual(['ΤΔΑ-0620', 'ΤΔΑ-0622', 'ΤΔΑ-0624']);
    expect([message?.total, message?.notYetDue]).toEqual([240435 + 127234, 385684]);
  });

  it('is below the minimum when the overdue part is, whatever it lists besides', () => {
    const items = [due(overdueBy(10), { number: 'OLD', amount: 5000, openAmount: 5000 }), due(overdueBy(-20), { number: 'NEW', amount: 100000, openAmount: 100000 })];
    const result = planOf([snapshot(items)], D, policyWith({ scope: 'all-open', minAmount: 100 }));
    expect(result.messages).toEqual([]);
    expect(result.skipped).toEqual([{ customer: 'C001', reason: 'below-minimum', detail: 'EUR 50.00 is below the minimum 100.00' }]);
  });

  it('is covered when payments on account pay the overdue part; what they exceed it by is not spent on items not yet due', () => {
    const items = [due(overdueBy(10), { number: 'OLD', amount: 5000, openAmount: 5000 }), due(overdueBy(-20), { number: 'NEW', amount: 100000, openAmount: 100000 })];
    const covered = planOf([withPayments(snapshot(items), [onAccount(6000)])], D, policyWith({ scope: 'all-open' }));
    expect(covered.messages).toEqual([]);
    expect(covered.skipped.map((skip) => skip.reason)).toEqual(['covered']);
    const partly = planOf([withPayments(snapshot([...items, due(overdueBy(12), { number: 'OLD-2', amount: 2000, openAmount: 2000 })]), [onAccount(6000)])], D, policyWith({ scope: 'all-open' }));
    expect(partly.messages.map((m) => [m.total, m.unapplied, m.notYetDue])).toEqual([[1000, 6000, 100000]]);
  });

  it('offsets a credit note from its own date; a credit dated later is set apart with the items not yet due', () => {
    const items = [
      due(overdueBy(10), { number: 'INV', amount: 10000, openAmount: 10000 }),
      due(overdueBy(0), { number: 'CN-NOW', kind: 'credit_note', amount: -1000, openAmount: -1000 }),
      due(overdueBy(-5), { number: 'CN-LATER', kind: 'credit_note', amount: -500, openAmount: -500 }),
    ];
    const [message] = planOf([snapshot(items)], D, policyWith({ scope: 'all-open' })).messages;
    expect([message?.total, message?.notYetDue]).toEqual([9000, -500]);
  });
});

describe('a pre-due notice', () => {
  it('asks for the items it announces; an item further off that it lists (all-open) is set apart', () => {
    const items = [due(overdueBy(-5), { number: 'SOON', amount: 20000, openAmount: 20000 }), due(overdueBy(-40), { number: 'LATER', amount: 7000, openAmount: 7000 })];
    const [message] = planOf([snapshot(items)], D, policyWith({ scope: 'all-open' })).messages;
    expect(message).toMatchObject({ level: 'upcoming', reminds: ['SOON'], total: 20000, notYetDue: 7000 });
  });
});

describe('a statement', () => {
  it('shows the whole balance and asks for the part due; with nothing due yet it is still sent', () => {
    const customer = { statementEveryDays: 10, reminders: false, statements: true };
    const [mixed] = planOf([snapshot(gr06, { customer })], D, policyWith({ scope: 'all-open' })).messages;
    expect(mixed).toMatchObject({ kind: 'statement', total: 240435 + 127234, notYetDue: 385684 });
    const [later] = planOf([snapshot(gr06.slice(2), { customer })], D, policyWith({ scope: 'all-open' })).messages;
    expect(later).toMatchObject({ kind: 'statement', total: 0, notYetDue: 385684 });
  });

  it('by hand: the same demand, and a disputed item in neither part', () => {
    const items = [...gr06, due(overdueBy(40), { number: 'DISP', amount: 9900, openAmount: 9900, dispute: 'not delivered' })];
    const [statement] = manualStatements(aCustomer(), items, policyWith(), D, 'all-open', [], [onAccount(10000)]);
    expect(statement).toMatchObject({ total: 240435 + 127234 - 10000, unapplied: 10000, notYetDue: 385684 });
  });
});
