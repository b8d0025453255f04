/**
 * planDue against the engine fed with every customer: the SQL narrowing must never lose a message
 * or a skip, walked in ranges of customers or all at once, and planning must never change the
 * database (same bytes before and after).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/core/policy.js';
import { plan } from '../../src/core/rules/engine.js';
import { planDue } from '../../src/planning/plan-due.js';
import { loadSnapshots } from '../../src/storage/planning-snapshots.js';
import type { Settings } from '../../src/core/settings.js';
import { addDays } from '../../src/core/dates.js';
import { aCustomer, aMessage, anItem, databaseBytes, makeLedger } from '../helpers/store.js';
import { seed, type Seed } from './seed.js';
import { D, dataArb, mergeSeeds } from './random-ledger.js';

describe('planDue on random databases', () => {
  it('finds exactly what the engine finds over every customer, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async ([customers, policy]) => {
        const store = await makeLedger();
        const merged = mergeSeeds(customers);
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
        // The plan also remembers each planned customer's change count, for the send to compare.
        const { changeCounts, ...decided } = planned;
        expect(decided).toEqual(plan(await store.read((sql) => loadSnapshots(sql, everyone, D)), resolvePolicy(settings), D));
        expect([...(changeCounts?.keys() ?? [])].sort()).toEqual([...new Set(planned.messages.map((m) => m.customer.code))].sort());
        store.close();
      }),
      { numRuns: 60 },
    );
  });

  it('narrows exactly at the edges of pre-due notices and stepwise gaps, on either escalation', async () => {
    // Every distance from the due date around the default ladder's thresholds, against histories
    // one day either side of the stepwise gaps (first→second 14 days, second→final 24).
    const overdue = [-8, -7, -1, 0, 3, 6, 7, 20, 21, 44, 45, 67, 80];
    const histories: Array<Array<[string, number]>> = [
      [],
      [['upcoming', 10]],
      [['first', 13]],
      [['first', 14]],
      [['first', 15]],
      [['first', 60], ['second', 23]],
      [['first', 60], ['second', 24]],
      [['second', 30]],
      [['final', 29]],
      [['final', 30]],
    ];
    const rows: Required<Seed> = { customers: [], items: [], payments: [], plans: [], messages: [], promises: [] };
    for (const days of overdue) {
      for (const [h, history] of histories.entries()) {
        const code = `E${days}-${h}`;
        rows.customers.push(aCustomer({ code }));
        rows.items.push(anItem({ customerCode: code, number: 'N', dueDate: addDays(D, -days) }));
        for (const [level, ago] of history) {
          rows.messages.push(aMessage({ customerCode: code, level, asOf: addDays(D, -ago), items: [{ itemNumber: 'N', level, openAmount: 10000 }] }));
        }
      }
    }
    const store = await makeLedger();
    await seed(store, rows);
    const everyone = rows.customers.map((customer) => customer.code).sort();
    for (const escalation of ['days', 'stepwise'] as const) {
      const settings: Settings = { policy: { escalation } };
      // The change counts the plan remembers for the send are the ledger's own, not a decision.
      const { changeCounts: _counts, ...planned } = await planDue(store, settings, D);
      expect(planned).toEqual(plan(await store.read((sql) => loadSnapshots(sql, everyone, D)), resolvePolicy(settings), D));
      expect(planned.messages.length).toBeGreaterThan(0);
    }
    store.close();
  });
});
