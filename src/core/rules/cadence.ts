/**
 * The statement cadence: a statement per currency with items in scope once the customer's interval
 * has passed since its latest counted message. With policy.statementKind `activity` it shows the
 * account's activity since the previous statement.
 * Its candidates are the customers with an open item and no counted message within their interval.
 */
import { activityPeriod, activityStatement, type ActivityStatement } from '../activity.js';
import type { Customer, IsoDate } from '../domain.js';
import type { PlannedPayment, Policy } from '../plan.js';
import { byCurrency, lineMessage, type Candidate, type Evaluated, type RunContext } from './candidate.js';
import type { CustomerSnapshot } from './input.js';
import type { CandidateDialect, Rule } from './rule.js';

/**
 * Days an activity statement covers when there was no earlier statement and neither the customer
 * nor the policy has a statement interval: about a month, what a statement usually covers.
 */
const DEFAULT_ACTIVITY_DAYS = 30;

/** How far back an activity statement looks when no earlier statement bounds it. */
export function activitySinceDays(customer: Customer, policy: Policy): number {
  return customer.statementEveryDays ?? policy.statementEveryDays ?? DEFAULT_ACTIVITY_DAYS;
}

/**
 * The activity a periodic statement in `currency` shows: from the day after the customer's previous
 * statement in that currency (else the last days of its interval) to the as-of date.
 */
function periodicActivity(snapshot: CustomerSnapshot, currency: string, run: RunContext): ActivityStatement {
  const { customer, account } = snapshot;
  const period = activityPeriod(account?.previousStatements.get(currency) ?? null, activitySinceDays(customer, run.policy), run.asOf);
  const found = account?.movements.get(currency);
  return activityStatement(found?.documents ?? [], found?.payments ?? [], period.from, period.to);
}

/** Statement messages when the cadence is due: one per currency with items in scope. */
function statements(
  snapshot: CustomerSnapshot,
  evaluated: readonly Evaluated[],
  payments: ReadonlyMap<string, PlannedPayment[]>,
  run: RunContext,
): Candidate[] {
  const every = snapshot.customer.statementEveryDays ?? run.statementEveryDays;
  if (every === null || every <= 0) return [];
  const last = snapshot.lastMessageAsOf;
  if (last !== null && run.asOfDay - run.dayNumber(last) < every) return [];
  const out: Candidate[] = [];
  for (const [currency, group] of byCurrency(evaluated)) {
    const lines = group.filter((entry) => entry.inScope).map((entry) => entry.line);
    if (lines.length === 0) continue;
    const message = lineMessage(snapshot.customer, 'statement', -1, currency, lines, payments.get(currency) ?? [], run);
    out.push(run.policy.statementKind === 'activity' ? { ...message, activity: periodicActivity(snapshot, currency, run) } : message);
  }
  return out;
}

/**
 * Customers whose cadence may be due: an interval is set and no counted message within it (open
 * items checked by the engine). The shortest interval of any profile stands in for the customer's
 * profile's: a superset.
 */
function cadenceCandidates<P>(dialect: CandidateDialect<P>, policy: Policy, asOf: IsoDate): P[] {
  const intervals = [policy.statementEveryDays, ...Object.values(policy.profiles).map((p) => p.statementEveryDays)];
  const shortest = intervals.reduce<number | null>((low, days) => (days === null ? low : low === null ? days : Math.min(low, days)), null);
  return [dialect.statementDue(asOf, shortest)];
}

/** Cadence statements: decided from the evaluated items and the latest message, searched for by interval. */
export const statementRule: Rule<typeof statements> = { id: 'statements', decide: statements, candidates: cadenceCandidates };
