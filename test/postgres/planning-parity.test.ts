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

type Seeded = Parameters<typeof mergeSeeds>[0];

/** The plans both engines make from the same random ledger, as of `shift` days from D. */
async function plansOnBoth(customers: Seeded, settings: Settings, shift: number) {
  const rows = mergeSeeds(customers);
  const file = await makeLedger();
  const server = await emptyPostgresLedger();
  await seed(file, rows);
  await seed(server, rows);
  const asOf = addDays(D, shift);
  try {
    return { server: await planDue(server, settings, asOf), file: await planDue(file, settings, asOf) };
  } finally {
    await file.close();
  }
}

describe.skipIf(!pgAvailable)('planDue on both engines', () => {
  it('plans the same on PostgreSQL as on the file, for random ledgers and dates', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -20, max: 40 }), async ([customers, policy], shift) => {
        const plans = await plansOnBoth(customers, { policy }, shift);
        // Change counts are each ledger's own (PostgreSQL counts an insert statement once, SQLite each row): compare who has one.
        const { changeCounts: serverCounts, ...onServer } = plans.server;
        const { changeCounts: fileCounts, ...onFile } = plans.file;
        expect(onServer).toEqual(onFile);
        expect([...(serverCounts?.keys() ?? [])].sort()).toEqual([...(fileCounts?.keys() ?? [])].sort());
      }),
      { numRuns: 25 },
    );
  });

  it('shows the same account activity on periodic activity statements on both engines', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -20, max: 40 }), async ([customers, policy], shift) => {
        const plans = await plansOnBoth(customers, { policy: { ...policy, statementKind: 'activity' } }, shift);
        const { changeCounts: _server, ...onServer } = plans.server;
        const { changeCounts: _file, ...onFile } = plans.file;
        expect(onServer).toEqual(onFile);
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
