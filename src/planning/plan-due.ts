/**
 * Builds the plan for an as-of date from the database: SQL narrows the data to the customers that
 * can get anything today and loads only theirs; the pure rules engine decides (docs/reference/rules.md). The
 * customers are walked in ranges of codes, each range's candidates found and loaded before the
 * next, so no single query holds the thread for long: the desk can draw and take keys between
 * ranges while a large plan computes. Read-only: planning never changes the database.
 */
import type { IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import type { Plan, Policy } from '../core/plan.js';
import { resolvePolicy, validateLevels } from '../core/policy.js';
import { plan } from '../core/rules/engine.js';
import type { CustomerSnapshot } from '../core/rules/input.js';
import type { Settings } from '../core/settings.js';
import type { Ledger } from '../storage/ledger.js';
import type { Sql } from '../storage/sql.js';
import { candidateCustomers, customerRanges } from '../storage/planning-queries.js';
import { loadSnapshots, type SnapshotOptions } from '../storage/planning-snapshots.js';
import { changeCountsOf } from '../storage/customers.js';

/**
 * Customers looked at per step. At 1,000,000 items (10 a customer) a range's candidate scan and
 * loading take about 0.1 s; the whole scan at once held the thread for 0.5 to 1 s.
 */
const CUSTOMERS_PER_STEP = 10_000;

/**
 * How a long planning shares the thread with the desk: after each step it reports how far it has
 * come and lets the event loop turn (frames, keys) before the next.
 */
export interface PlanningSteps {
  /** `done` of `total` customers looked at so far. */
  onProgress(done: number, total: number): void;
  /** Customers per step (tests take a few); default 10,000. */
  customersPerStep?: number;
}

/** One turn of the event loop: what is waiting (a frame, a key) runs before planning goes on. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Plan everything due on `asOf` (docs/reference/rules.md) from the data in `ledger`, all of it read on one state;
 * with `customers`, only theirs (a retry re-plans its own messages without scanning every
 * customer). With `steps`, it reports progress and yields between steps.
 */
export async function planDue(ledger: Ledger, settings: Settings, asOf: IsoDate, customers?: readonly string[], steps?: PlanningSteps): Promise<Plan> {
  const policy = resolvePolicy(settings);
  const problems = validateLevels(policy.levels);
  if (problems.length > 0) {
    throw new UserError(`policy.levels is not usable:\n  ${problems.join('\n  ')}`);
  }
  // The desk draws its first frame before the first query.
  if (steps) await nextTurn();
  return ledger.read(async (sql) => {
    const options: SnapshotOptions = { account: policy.statementKind === 'activity' };
    const snapshots = customers ? await loadSnapshots(sql, [...new Set(customers)].sort(), asOf, options) : await candidateSnapshots(sql, policy, asOf, options, steps);
    const planned = plan(snapshots, policy, asOf);
    // Read in the same state as the data planned from, so a change committed since moves it.
    return { ...planned, changeCounts: await changeCountsOf(sql, planned.messages.map((m) => m.customer.code)) };
  });
}

/** The snapshots of every customer that may get a message, range by range of customer codes. */
async function candidateSnapshots(sql: Sql, policy: Policy, asOf: IsoDate, options: SnapshotOptions, steps: PlanningSteps | undefined): Promise<CustomerSnapshot[]> {
  const size = Math.max(1, steps?.customersPerStep ?? CUSTOMERS_PER_STEP);
  const { total, ranges } = await customerRanges(sql, size);
  const snapshots: CustomerSnapshot[] = [];
  for (const [index, range] of ranges.entries()) {
    for (const snapshot of await loadSnapshots(sql, await candidateCustomers(sql, policy, asOf, range), asOf, options)) snapshots.push(snapshot);
    if (steps) {
      steps.onProgress(Math.min(total, (index + 1) * size), total);
      await nextTurn();
    }
  }
  // Code-point order, as a plan of every customer at once lists them: an engine whose collation
  // orders the ranges otherwise (PostgreSQL's locale) must not change the order of the plan.
  return snapshots.sort((a, b) => (a.customer.code < b.customer.code ? -1 : a.customer.code > b.customer.code ? 1 : 0));
}
