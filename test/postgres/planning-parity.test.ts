/**
 * planDue gives the same plan from a PostgreSQL ledger as from the sql.js file, on random ledgers
 * (the same generator as the planning properties): every message, line, amount and skip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/settings.js';
import { planDue } from '../../src/planning/plan-due.js';
import { makeLedger } from '../helpers/store.js';
import { emptyPostgresLedger, pgAvailable } from '../helpers/pg.js';
import { seed } from '../planning/seed.js';
import { D, dataArb, mergeSeeds } from '../planning/random-ledger.js';
import { addDays } from '../../src/core/dates.js';

describe.skipIf(!pgAvailable)('planDue on both engines', () => {
  it('plans the same on PostgreSQL as on the file, for random ledgers and dates', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -20, max: 40 }), async ([customers, policy], shift) => {
        const rows = mergeSeeds(customers);
        const file = await makeLedger();
        const server = await emptyPostgresLedger();
        await seed(file, rows);
        await seed(server, rows);
        const settings: Settings = { policy };
        const asOf = addDays(D, shift);
        // Change counts are each ledger's own (PostgreSQL counts an insert statement once, SQLite each row): compare who has one.
        const { changeCounts: serverCounts, ...onServer } = await planDue(server, settings, asOf);
        const { changeCounts: fileCounts, ...onFile } = await planDue(file, settings, asOf);
        expect(onServer).toEqual(onFile);
        expect([...(serverCounts?.keys() ?? [])].sort()).toEqual([...(fileCounts?.keys() ?? [])].sort());
        await file.close();
      }),
      { numRuns: 25 },
    );
  });

  it('shows the same account activity on periodic activity statements on both engines', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -20, max: 40 }), async ([customers, policy], shift) => {
        const rows = mergeSeeds(customers);
        const file = await makeLedger();
        const server = await emptyPostgresLedger();
        await seed(file, rows);
        await seed(server, rows);
        const settings: Settings = { policy: { ...policy, statementKind: 'activity' } };
        const asOf = addDays(D, shift);
        const { changeCounts: _server, ...onServer } = await planDue(server, settings, asOf);
        const { changeCounts: _file, ...onFile } = await planDue(file, settings, asOf);
        expect(onServer).toEqual(onFile);
        await file.close();
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
