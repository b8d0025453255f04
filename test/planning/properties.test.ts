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
import { databaseBytes, makeLedger } from '../helpers/store.js';
import { seed } from './seed.js';
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
});
