/**
 * The messages a customer would get on the as-of date before skips and recipients are applied
 * (docs/reference/rules.md §2, §3, §4 and §7).
 */
import type { IsoDate, PaymentPromise } from '../domain.js';
import { isDisputed } from '../disputes.js';
import type { Policy } from '../plan.js';
import type { Candidate, Evaluated, RunContext } from './candidate.js';
import type { CustomerSnapshot, LevelSent } from './input.js';
import { accountPayments } from './on-account.js';
import { dueByDate } from './demand.js';
import { simpleInterest } from './interest.js';
import { planInEffect } from './installments.js';
import { reachedLevel, standing, stepwiseLevel, type Ladder } from './ladder.js';
import { RULES } from './rules.js';

/** Whether a counted reminder listed the item on or after `date`. */
function remindedSince(history: readonly LevelSent[] | undefined, date: IsoDate): boolean {
  return history !== undefined && history.some((sent) => sent.latest >= date);
}

/** The next level above the highest the item was reminded at (the last level at most), or the one it reached if higher. */
function escalated(ladder: Ladder, reached: number, history: readonly LevelSent[] | undefined): number {
  let highest = -1;
  for (const sent of history ?? []) highest = Math.max(highest, ladder.index.get(sent.level) ?? -1);
  return Math.max(reached, Math.min(highest + 1, ladder.levels.length - 1));
}

/** Whether a line is listed on a statement under the policy scope (pending lines always are). */
export function inScope(scope: Policy['scope'], openAmount: number, daysOverdue: number): boolean {
  return scope === 'all-open' || dueByDate(openAmount, daysOverdue);
}

/** Cases whose installment plan is in effect on the as-of date: the installment rule covers them. */
export function casesUnderPlan(snapshot: CustomerSnapshot, asOf: IsoDate): Set<string> {
  const cases = new Set<string>();
  for (const { plan } of snapshot.plans) if (planInEffect(plan, asOf)) cases.add(plan.case);
  return cases;
}

/**
 * Evaluate every open item: hold, installment cases, reached level, pending, interest. A disputed
 * item is never pending until the dispute is resolved; a handed-over one no longer is.
 */
export function evaluateItems(snapshot: CustomerSnapshot, planCases: ReadonlySet<string>, run: RunContext): Evaluated[] {
  const { asOf, asOfDay, ladder, rate, scope } = run;
  const promises = RULES.promises.decide(snapshot.promises, asOf, run.policy.promiseGraceDays);
  const out: Evaluated[] = [];
  for (const { item, history, reminded } of snapshot.items) {
    if (item.openAmount === 0) continue;
    if (item.holdUntil !== null && item.holdUntil >= asOf) continue;
    if (item.case !== null && planCases.has(item.case)) continue;
    const daysOverdue = asOfDay - run.dayNumber(item.dueDate);
    let position = reachedLevel(ladder, item.openAmount, daysOverdue);
    if (ladder.escalation === 'stepwise') position = stepwiseLevel(ladder, position, history, asOfDay, run.dayNumber);
    let stands = standing(ladder, position, history, asOfDay, run.dayNumber);
    const promise = promises.get(item.number);
    let broken: PaymentPromise | null = null;
    if (promise?.kind === 'protected' && stands === 'pending') stands = 'waiting';
    if (promise?.kind === 'broken' && item.openAmount > 0 && stands !== 'handed-over' && !remindedSince(history, promise.brokenOn)) {
      position = escalated(ladder, position, history);
      stands = 'pending';
      broken = promise.promise;
    }
    const remindable = !isDisputed(item) && stands !== 'handed-over';
    const pending = remindable && stands === 'pending';
    const interest = rate === null ? 0 : simpleInterest(item.openAmount, daysOverdue, rate);
    const reached = position >= 0 ? ladder.levels[position]!.id : null;
    out.push({
      line: { item, daysOverdue, reached, pending, interest },
      position,
      inScope: pending || inScope(scope, item.openAmount, daysOverdue),
      remindable,
      handedOver: stands === 'handed-over',
      broken: pending ? broken : null,
      reminded: reminded ?? [],
    });
  }
  return out;
}

/**
 * Every message the customer would get: reminders, or (when no reminder is due that day) the
 * statement, plus installment notices. A reminder the customer's switch stops does not hold its
 * statement back: the two switches are separate (docs/reference/rules.md §4.2).
 */
export function candidatesFor(snapshot: CustomerSnapshot, run: RunContext): Candidate[] {
  const planCases = casesUnderPlan(snapshot, run.asOf);
  const evaluated = evaluateItems(snapshot, planCases, run);
  const payments = accountPayments(snapshot.payments ?? [], planCases, run.asOf);
  const due = RULES.reminders.decide(snapshot.customer, evaluated, payments, run);
  const cadence = due.length > 0 && snapshot.customer.reminders ? [] : RULES.statements.decide(snapshot, evaluated, payments, run);
  return [...due, ...cadence, ...RULES.installments.decide(snapshot, run)];
}
