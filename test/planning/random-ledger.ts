/**
 * Random ledgers for planning properties: a few customers with items at every distance from the
 * due date, history at each level and status, holds, installment plans and payments, under a
 * random grouping, scope and statement cadence; customers on a dunning profile (or one the settings
 * lack), statements switched apart from reminders, disputed items and promises to pay, kept or not.
 * The as-of date is `D`.
 */
import fc from 'fast-check';
import { addDays } from '../../src/core/dates.js';
import { aCustomer, aMessage, anItem, aPayment, aPlan } from '../helpers/store.js';
import type { Seed } from './seed.js';

/** The as-of date the random ledgers are built around. */
export const D = '2026-05-31';
const LEVELS = ['upcoming', 'first', 'second', 'final', 'early', null] as const;
/** A profile with a ladder of its own: an early level that hands over after one repeat, and weekly statements. */
const QUICK = {
  quick: { levels: [{ id: 'early', name: 'Early', days: 3, template: 'first', repeatEveryDays: 10, maxRepeats: 1 }], statementEveryDays: 7 },
};
/**
 * History ages on either side of a stepwise gap (default ladder: 14 first→second, 24 second→final;
 * the stepwise profile: 7 and 20), where a prefilter one day off would lose a reminder.
 */
const STEP_EDGES = [6, 7, 8, 13, 14, 15, 19, 20, 21, 23, 24, 25];
/** The same profile name climbing a ladder of its own one step at a time, from a pre-due notice. */
const QUICK_STEPWISE = {
  quick: {
    escalation: 'stepwise' as const,
    levels: [
      { id: 'upcoming', name: 'Soon', days: -4, template: 'upcoming' },
      { id: 'early', name: 'Early', days: 3, template: 'first' },
      { id: 'second', name: 'Second', days: 10, template: 'second' },
      { id: 'final', name: 'Final', days: 30, template: 'final', repeatEveryDays: 20 },
    ],
  },
};

const customerArb = (index: number) =>
  fc.record({
    reminders: fc.boolean(),
    statements: fc.boolean(),
    profile: fc.constantFrom(null, 'quick', 'gone'),
    promise: fc.option(fc.record({ madeAgo: fc.integer({ min: 0, max: 20 }), promisedIn: fc.integer({ min: -10, max: 5 }), amount: fc.constantFrom(3000, 5000) })),
    held: fc.integer({ min: -2, max: 8 }),
    every: fc.constantFrom(null, 0, 10),
    email: fc.constantFrom('ar@acme.example', null, 'a@x.example; b@x.example'),
    items: fc.array(
      fc.record({
        overdue: fc.integer({ min: -30, max: 150 }),
        open: fc.constantFrom(0, 5000, -3000, 12000),
        currency: fc.constantFrom('EUR', 'USD'),
        inCase: fc.boolean(),
        disputed: fc.boolean(),
        history: fc.array(fc.record({ level: fc.constantFrom(...LEVELS), ago: fc.oneof(fc.integer({ min: -5, max: 90 }), fc.constantFrom(...STEP_EDGES)), status: fc.constantFrom('sent' as const, 'failed' as const, 'uncertain' as const) }), { maxLength: 2 }),
      }),
      { maxLength: 5 },
    ),
    plan: fc.option(fc.record({ day: fc.integer({ min: 1, max: 31 }), paidOn: fc.option(fc.integer({ min: 1, max: 31 })), noticed: fc.boolean() })),
  }).map((c): Seed => {
    const code = `C${index}`;
    const rows: Seed = {
      customers: [aCustomer({ code, reminders: c.reminders, statements: c.statements, profile: c.profile, holdUntil: c.held > 4 ? null : addDays(D, c.held), statementEveryDays: c.every, email: c.email })],
      items: [],
      messages: [],
      plans: [],
      payments: [],
      promises: [],
    };
    c.items.forEach((item, i) => {
      const number = `N${i}`;
      rows.items!.push(anItem({ customerCode: code, number, dueDate: addDays(D, -item.overdue), amount: item.open, openAmount: item.open, currency: item.currency, case: item.inCase ? 'K' : null, dispute: item.disputed ? 'wrong price' : null }));
      for (const sent of item.history) {
        rows.messages!.push(aMessage({ customerCode: code, level: sent.level, kind: sent.level ? 'reminder' : 'statement', status: sent.status, asOf: addDays(D, -sent.ago), items: [{ itemNumber: number, level: sent.level, openAmount: item.open }] }));
      }
    });
    const promised = rows.items!.filter((item) => item.currency === 'EUR' && item.openAmount > 0).map((item) => item.number);
    if (c.promise && promised.length > 0) {
      const madeOn = addDays(D, -c.promise.madeAgo);
      rows.promises!.push({ customerCode: code, madeOn, promisedDate: addDays(D, c.promise.promisedIn), amount: c.promise.amount, currency: 'EUR', items: promised, note: '', operator: 'ana', createdAt: `${madeOn}T09:00:00.000Z` });
      rows.payments!.push(aPayment({ customerCode: code, reference: `PP-${code}`, date: addDays(madeOn, 1), amount: 3000 }));
    }
    if (c.plan) {
      rows.plans!.push(aPlan({ customerCode: code, case: 'K', dayOfMonth: c.plan.day, startDate: '2026-01-01' }));
      if (c.plan.paidOn !== null) rows.payments!.push(aPayment({ customerCode: code, reference: `P-${code}`, case: 'K', date: `2026-05-${String(c.plan.paidOn).padStart(2, '0')}` }));
      if (c.plan.noticed) rows.messages!.push(aMessage({ customerCode: code, kind: 'installment', level: null, asOf: '2026-05-02', cases: ['K'] }));
    }
    return rows;
  });

/** A random ledger (customers' rows) and the policy to plan it with. */
export const dataArb = fc.tuple(
  fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customerArb(i)))),
  fc.record({
    grouping: fc.constantFrom('customer' as const, 'item' as const),
    scope: fc.constantFrom('overdue' as const, 'all-open' as const),
    statementEveryDays: fc.constantFrom(undefined, 15),
    promiseGraceDays: fc.constantFrom(0, 3),
    profiles: fc.constantFrom(undefined, QUICK, QUICK_STEPWISE),
    escalation: fc.constantFrom(undefined, 'days' as const, 'stepwise' as const),
  }),
);


/** The customers' rows of a random ledger as one seed. */
export function mergeSeeds(customers: readonly Seed[]): Required<Seed> {
  const merged: Required<Seed> = { customers: [], items: [], payments: [], plans: [], messages: [], promises: [] };
  for (const rows of customers) for (const key of Object.keys(merged) as (keyof Seed)[]) (merged[key] as unknown[]).push(...(rows[key] ?? []));
  return merged;
}
