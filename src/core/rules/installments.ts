/**
 * Installment plans (docs/reference/rules.md §7): which cases are in effect on the as-of date, which
 * missed this month's installment, and the cases an installment notice lists.
 */
import { addDays, dayOfMonthClamped, startOfMonth } from '../dates.js';
import type { InstallmentPlan, IsoDate } from '../domain.js';
import type { PlannedCase, Policy } from '../plan.js';
import type { Candidate, RunContext } from './candidate.js';
import type { CustomerSnapshot, PlanSnapshot } from './input.js';
import type { CandidateDialect, Rule } from './rule.js';

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
 * start and end. A case misses when `asOf ≥ expected + graceDays` and the case's payments dated from
 * the first of the month up to `asOf` fall short of the installment; the shortfall is what is
 * missing, never more than the debt that remains (the last installment is what is left). Groups are
 * per currency (a message has one currency); only groups with a case missed and not yet noticed
 * this month are returned.
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
    let paidThisMonth = 0;
    for (const payment of snapshot.paymentsInMonth) {
      if (payment.date >= monthStart && payment.date <= asOf) paidThisMonth += payment.amount;
    }
    const remaining = Math.max(0, snapshot.caseRemaining);
    const missing = Math.max(0, Math.min(plan.installment - paidThisMonth, remaining));
    const missed = expectedThisMonth && asOf >= addDays(expectedDate, graceDays) && missing > 0;
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
      paid: snapshot.caseTotal - remaining,
      remaining,
      paidThisMonth,
      shortfall: missed ? missing : 0,
      currency: snapshot.currency,
    });
    if (missed && !snapshot.noticedThisMonth) group.missed.push(plan.case);
  }
  return [...groups.values()].filter((group) => group.missed.length > 0);
}

/** Installment notices: one per currency listing every case in effect, when one of them missed. */
function installments(snapshot: CustomerSnapshot, run: RunContext): Candidate[] {
  const { enabled, graceDays } = run.policy.installments;
  if (!enabled || snapshot.plans.length === 0) return [];
  return missedInstallments(snapshot.plans, run.asOf, graceDays).map((group) => ({
    key: `${snapshot.customer.code}-${group.currency}-installment`,
    kind: 'installment' as const,
    level: -1,
    currency: group.currency,
    lines: [],
    cases: group.cases,
    reminds: group.missed,
    payments: [],
    unapplied: 0,
    notYetDue: 0,
    // What the notice asks is this month's shortfall, not the whole debt.
    total: group.cases.reduce((total, planned) => total + planned.shortfall, 0),
    fee: 0,
    interest: 0,
    promise: null,
    earlier: [],
  }));
}

/** Customers with an active plan, when installment notices are on. */
function planCandidates<P>(dialect: CandidateDialect<P>, policy: Policy): P[] {
  return policy.installments.enabled ? [dialect.activePlan()] : [];
}

/** Installment notices: decided from the plans in the snapshot, searched for among active plans. */
export const installmentRule: Rule<typeof installments> = { id: 'installments', decide: installments, candidates: planCandidates };
