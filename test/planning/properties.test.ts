/**
 * planDue against the engine fed with every customer: the SQL narrowing must never lose a message
 * or a skip, walked in ranges of customers or all at once, and planning must never change the
 * database (same bytes before and after).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { plan } from '../../src/core/rules/engine.js';
import { planDue } from '../../src/planning/plan-due.js';
import { loadSnapshots } from '../../src/storage/planning-snapshots.js';
import type { Settings } from '../../src/core/settings.js';
import { aCustomer, aMessage, anItem, aPayment, aPlan, databaseBytes, makeLedger } from '../helpers/store.js';
import { seed, type Seed } from './seed.js';

const D = '2026-05-31';
const LEVELS = ['upcoming', 'first', 'second', 'final', null] as const;

const customerArb = (index: number) =>
  fc.record({
    reminders: fc.boolean(),
    held: fc.integer({ min: -2, max: 8 }),
    every: fc.constantFrom(null, 0, 10),
    email: fc.constantFrom('ar@acme.example', null, 'a@x.example; b@x.example'),
    items: fc.array(
      fc.record({
        overdue: fc.integer({ min: -30, max: 150 }),
        open: fc.constantFrom(0, 5000, -3000, 12000),
        currency: fc.constantFrom('EUR', 'USD'),
        inCase: fc.boolean(),
        history: fc.array(fc.record({ level: fc.constantFrom(...LEVELS), ago: fc.integer({ min: -5, max: 90 }), status: fc.constantFrom('sent' as const, 'failed' as const, 'uncertain' as const) }), { maxLength: 2 }),
      }),
      { maxLength: 5 },
    ),
    plan: fc.option(fc.record({ day: fc.integer({ min: 1, max: 31 }), paidOn: fc.option(fc.integer({ min: 1, max: 31 })), noticed: fc.boolean() })),
  }).map((c): Seed => {
    const code = `C${index}`;
    const rows: Seed = {
      customers: [aCustomer({ code, reminders: c.reminders, holdUntil: c.held > 4 ? null : addDays(D, c.held), statementEveryDays: c.every, email: c.email })],
      items: [],
      messages: [],
      plans: [],
      payments: [],
    };
    c.items.forEach((item, i) => {
      const number = `N${i}`;
      rows.items!.push(anItem({ customerCode: code, number, dueDate: addDays(D, -item.overdue), amount: item.open, openAmount: item.open, currency: item.currency, case: item.inCase ? 'K' : null }));
      for (const sent of item.history) {
        rows.messages!.push(aMessage({ customerCode: code, level: sent.level, kind: sent.level ? 'reminder' : 'statement', status: sent.status, asOf: addDays(D, -sent.ago), items: [{ itemNumber: number, level: sent.level, openAmount: item.open }] }));
      }
    });
    if (c.plan) {
      rows.plans!.push(aPlan({ customerCode: code, case: 'K', dayOfMonth: c.plan.day, startDate: '2026-01-01' }));
      if (c.plan.paidOn !== null) rows.payments!.push(aPayment({ customerCode: code, reference: `P-${code}`, case: 'K', date: `2026-05-${String(c.plan.paidOn).padStart(2, '0')}` }));
      if (c.plan.noticed) rows.messages!.push(aMessage({ customerCode: code, kind: 'installment', level: null, asOf: '2026-05-02', cases: ['K'] }));
    }
    return rows;
  });

const dataArb = fc.tuple(
  fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customerArb(i)))),
  fc.record({ grouping: fc.constantFrom('customer' as const, 'item' as const), scope: fc.constantFrom('overdue' as const, 'all-open' as const), statementEveryDays: fc.constantFrom(undefined, 15) }),
);

describe('planDue on random databases', () => {
  it('finds exactly what the engine finds over every customer, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async ([customers, policy]) => {
        const store = await makeLedger();
        const merged: Required<Seed> = { customers: [], items: [], payments: [], plans: [], messages: [] };
        for (const rows of customers) for (const key of Object.keys(merged) as (keyof Seed)[]) (merged[key] as unknown[]).push(...(rows[key] ?? []));
        await seed(store, merged);
        const settings: Settings = { policy };
        const before = databaseBytes(store);
        const planned = await planDue(store, settings, D);
        expect(Buffer.from(databaseBytes(store)).equals(Buffer.from(before))).toBe(true);
        // Walked two customers at a time, planning finds the same and says how far it has come.
        const progress: number[][] = [];
        const stepped = await planDue(store, settings, D, undefined, { onProgress: (done, total) => progress.push([done, total]), customersPerStep: 2 });
        expect(stepped).toEqual(planned);
        const n = merged.customers.length;
        expect(progress).toEqual(Array.from({ length: Math.ceil(n / 2) }, (_, i) => [Math.min(n, 2 * (i + 1)), n]));
        const everyone = merged.customers.map((customer) => customer.code).sort();
        expect(planned).toEqual(plan(await store.read((sql) => loadSnapshots(sql, everyone, D)), resolvePolicy(settings), D));
        store.close();
      }),
      { numRuns: 60 },
    );
  });
});
