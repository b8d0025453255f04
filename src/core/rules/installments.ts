/**
 * Installment plans (SPEC §3 "Installments"): which cases are in effect on the as-of date, which
 * missed this month's installment, and the cases an installment notice lists.
 */
import { addDays, dayOfMonthClamped, startOfMonth } from '../dates.js';
import type { InstallmentPlan, IsoDate } from '../domain.js';
import type { PlannedCase } from '../plan.js';
import type { PlanSnapshot } from './input.js';

/** True when a plan is in effect on `asOf`: active flag set, started, not yet ended. */
export function planInEffect(plan: InstallmentPlan, asOf: IsoDate): boolean {
  return plan.active && plan.startDate <= asOf && (plan.endDate === null || plan.endDate >= asOf);
}

/** The cases of one debtor and currency an installment notice would list, and which of them missed. */
export interface InstallmentGroup {
  currency: string;
  cases: PlannedCase[];
  /** Case refs that missed this month and were not yet noticed this month. */
  missed: string[];
}

/**
 * Evaluate the customer's plans for `asOf`. The expected date is the plan's day of month clamped to
 * the month's end; an installment is expected this month only if that date lies within the plan's
 * start and end. A case misses when `asOf ≥ expected + graceDays`, no payment for the case is dated
 * from the first of the month up to `asOf`, debt remains, and no notice listed it this month yet.
 * Groups are per currency (a message has one currency); only groups with a missed case are returned.
 */
export function missedInstallments(
  plans: readonly PlanSnapshot[],
  asOf: IsoDate,
  graceDays: number,
): InstallmentGroup[] {
  const monthStart = startOfMonth(asOf);
  const groups = new Map<string, InstallmentGroup>();
  for (const snapshot of plans) {
    const { plan } = snapshot;
    if (!planInEffect(plan, asOf)) continue;
    const expectedDate = dayOfMonthClamped(asOf, plan.dayOfMonth);
    const expectedThisMonth = expectedDate >= plan.startDate && (plan.endDate === null || expectedDate <= plan.endDate);
    const paid = snapshot.paymentDatesInMonth.some((date) => date >= monthStart && date <= asOf);
    const missed =
      expectedThisMonth && asOf >= addDays(expectedDate, graceDays) && !paid && snapshot.caseRemaining > 0;
    let group = groups.get(snapshot.currency);
    if (group === undefined) {
      group = { currency: snapshot.currency, cases: [], missed: [] };
      groups.set(snapshot.currency, group);
    }
    group.cases.push({
      case: plan.case,
      installment: plan.installment,
      expectedDate,
      missed,
      total: snapshot.caseTotal,
      remaining: snapshot.caseRemaining,
      currency: snapshot.currency,
    });
    if (missed && !snapshot.noticedThisMonth) group.missed.push(plan.case);
  }
  return [...groups.values()].filter((group) => group.missed.length > 0);
}
