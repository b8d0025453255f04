/** Applying validated installment plans: upsert by (customer, case), counting what changed. */
import type { Database } from 'sql.js';
import type { InstallmentPlan } from '../../core/domain.js';
import type { ValidRow } from '../../core/csv/types.js';
import { listPlans, upsertPlans } from '../../storage/plans.js';
import { noCounts, tally, type ImportCounts } from './counts.js';

/** Insert new and update changed plans; returns the counts. Call inside store.write. */
export function applyPlans(db: Database, rows: readonly ValidRow<InstallmentPlan>[]): ImportCounts {
  const existing = new Map(listPlans(db).map((plan) => [`${plan.customerCode}\u0000${plan.case}`, plan]));
  const counts = noCounts();
  const changed: InstallmentPlan[] = [];
  for (const { row } of rows) {
    if (tally(counts, existing.get(`${row.customerCode}\u0000${row.case}`), row)) changed.push(row);
  }
  upsertPlans(db, changed);
  return counts;
}
