/** Applying validated installment plans: upsert by (customer, case), counting what changed. */
import type { Sql } from '../../storage/sql.js';
import type { InstallmentPlan } from '../../core/domain.js';
import type { ValidRow } from '../../core/csv/types.js';
import { listPlans, upsertPlans } from '../../storage/plans.js';
import { noCounts, tally, type ImportCounts } from './counts.js';

/** Insert new and update changed plans; resolves to the counts. Call inside a ledger write. */
export async function applyPlans(sql: Sql, rows: readonly ValidRow<InstallmentPlan>[]): Promise<ImportCounts> {
  const existing = new Map((await listPlans(sql)).map((plan) => [`${plan.customerCode}\u0000${plan.case}`, plan]));
  const counts = noCounts();
  const changed: InstallmentPlan[] = [];
  for (const { row } of rows) {
    if (tally(counts, existing.get(`${row.customerCode}\u0000${row.case}`), row)) changed.push(row);
  }
  await upsertPlans(sql, changed);
  return counts;
}
