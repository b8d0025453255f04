/**
 * Builds the plan for an as-of date from the database: SQL narrows the data to the customers that
 * can get anything today and loads only theirs; the pure rules engine decides (SPEC §3).
 * Read-only: planning never changes the database.
 */
import type { IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import type { Plan } from '../core/plan.js';
import { resolvePolicy, validateLevels } from '../core/policy.js';
import { plan } from '../core/rules/engine.js';
import type { Settings } from '../core/settings.js';
import type { Ledger } from '../storage/ledger.js';
import { withPeriodicActivity } from '../statements/statements-now.js';
import { candidateCustomers } from '../storage/planning-queries.js';
import { loadSnapshots } from '../storage/planning-snapshots.js';

/**
 * Plan everything due on `asOf` (SPEC §3) from the data in `ledger`, all of it read on one state;
 * with `customers`, only theirs (a retry re-plans its own messages without scanning every customer).
 */
export async function planDue(ledger: Ledger, settings: Settings, asOf: IsoDate, customers?: readonly string[]): Promise<Plan> {
  const policy = resolvePolicy(settings);
  const problems = validateLevels(policy.levels);
  if (problems.length > 0) {
    throw new UserError(`policy.levels is not usable:\n  ${problems.join('\n  ')}`);
  }
  return ledger.read(async (sql) => {
    const codes = customers ? [...new Set(customers)].sort() : await candidateCustomers(sql, policy, asOf);
    return withPeriodicActivity(plan(await loadSnapshots(sql, codes, asOf), policy, asOf), sql, policy);
  });
}
