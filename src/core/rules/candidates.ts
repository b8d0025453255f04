/**
 * The messages a customer would get on the as-of date before skips and recipients are applied
 * (SPEC §3 "Levels", "Messages", "Statement cadence", "Installments").
 */
import type { Customer, IsoDate, PaymentPromise } from '../domain.js';
import { isDisputed } from '../disputes.js';
import type { Policy, PlannedCase, PlannedLine, PlannedPayment } from '../plan.js';
import type { CustomerSnapshot, LevelSent, SentReminder } from './input.js';
import { promiseEffects } from './promises.js';
import { levelFee } from './fees.js';
import { accountPayments } from './on-account.js';
import { demand, dueByDate } from './demand.js';
import { simpleInterest, type Rate } from './interest.js';
import { missedInstallments, planInEffect } from './installments.js';
import { reachedLevel, standing, stepwiseLevel, type Ladder } from './ladder.js';

/** A message before recipients: what it lists and why. */
export interface Candidate {
  key: string;
  kind: 'reminder' | 'statement' | 'installment';
  /** Ladder position for reminders, -1 otherwise. */
  level: number;
  currency: string;
  lines: PlannedLine[];
  cases: PlannedCase[];
  reminds: string[];
  payments: PlannedPayment[];
  unapplied: number;
  total: number;
  /** Listed but not asked for: not yet overdue. */
  notYetDue: number;
  fee: number;
  interest: number;
  /** The broken promise a reminder follows up (its template can name it), or null. */
  promise: PaymentPromise | null;
  /** Dates of the earlier reminders a reminder above the first overdue level cites (see `earlierReminders`). */
  earlier: IsoDate[];
}

/** Values fixed for one planning run and one dunning profile. */
export interface RunContext {
  policy: Policy;
  /** The profile's ladder, scope and statement interval (the policy's own for `default`). */
  ladder: Ladder;
  scope: Policy['scope'];
  statementEveryDays: number | null;
  asOf: IsoDate;
  asOfDay: number;
  rate: Rate | null;
  dayNumber: (date: IsoDate) => number;
}

/** One open item as the rules see it on the as-of date. */
export interface Evaluated {
  line: PlannedLine;
  position: number;
  inScope: boolean;
  /** False for a disputed or handed-over item: reminders leave it out, statements still list it. */
  remindable: boolean;
  /** Past its level's `maxRepeats`: listed for the collection agency instead of reminded. */
  handedOver: boolean;
  /** The broken promise that escalated this item today, or null. */
  broken: PaymentPromise | null;
  /** The sent reminders on record that listed the item. */
  reminded: readonly SentReminder[];
}

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
 * item is never pending (issue 16) until the dispute is resolved; a handed-over one no longer is.
 */
export function evaluateItems(snapshot: CustomerSnapshot, planCases: ReadonlySet<string>, run: RunContext): Evaluated[] {
  const { asOf, asOfDay, ladder, rate, scope } = run;
  const promises = promiseEffects(snapshot.promises, asOf, run.policy.promiseGraceDays);
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

function lineMessage(
  customer: Customer,
  kind: 'reminder' | 'statement',
  position: number,
  currency: string,
  lines: PlannedLine[],
  payments: PlannedPayment[],
  run: RunContext,
  suffix = '',
): Candidate {
  const level = position >= 0 ? run.ladder.levels[position]! : null;
  // No fee in this currency: none is charged; the engine reports it as a plan problem.
  const fee = level ? levelFee(level, currency, run.policy.defaultCurrency) ?? 0 : 0;
  const amounts = demand(kind, lines, payments);
  return {
    key: `${customer.code}-${currency}-${level ? level.id : kind}${suffix}`,
    kind,
    level: position,
    currency,
    lines,
    cases: [],
    reminds: (kind === 'reminder' ? lines.filter((line) => line.pending) : lines).map((line) => line.item.number),
    payments,
    ...amounts,
    fee,
    promise: null,
    earlier: [],
  };
}

/**
 * The earlier reminders a reminder at ladder position `position` cites: above the first overdue
 * level, the distinct as-of dates before D of the sent reminders that listed any of its items,
 * ascending. A pre-due notice is no reminder of a debt, so it is not cited; a level no longer in
 * the ladder still is (it was sent as a reminder). At or below the first overdue level: none.
 */
function earlierReminders(entries: readonly Evaluated[], position: number, run: RunContext): IsoDate[] {
  const { ladder, asOf } = run;
  if (position <= ladder.firstOverdue) return [];
  const dates = new Set<IsoDate>();
  for (const entry of entries) {
    for (const sent of entry.reminded) {
      const at = ladder.index.get(sent.level);
      if (sent.asOf < asOf && (at === undefined || at >= ladder.firstOverdue)) dates.add(sent.asOf);
    }
  }
  return [...dates].sort();
}

/** Group evaluated lines by currency, keeping their order. */
function byCurrency(evaluated: readonly Evaluated[]): Map<string, Evaluated[]> {
  const groups = new Map<string, Evaluated[]>();
  for (const entry of evaluated) {
    const currency = entry.line.item.currency;
    const group = groups.get(currency);
    if (group) group.push(entry);
    else groups.set(currency, [entry]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Reminder messages: one per currency at the highest pending level, or one per pending item.
 * Payments on account are netted only in the per-customer message: spread over per-item messages
 * the same payment would be counted once per item.
 */
function reminders(
  customer: Customer,
  evaluated: readonly Evaluated[],
  payments: ReadonlyMap<string, PlannedPayment[]>,
  run: RunContext,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [currency, group] of byCurrency(evaluated.filter((entry) => entry.remindable))) {
    const pending = group.filter((entry) => entry.line.pending);
    if (pending.length === 0) continue;
    if (run.policy.grouping === 'item') {
      for (const entry of pending) {
        const message = lineMessage(customer, 'reminder', entry.position, currency, [entry.line], [], run, `-${entry.line.item.number}`);
        out.push({ ...message, promise: entry.broken, earlier: earlierReminders([entry], entry.position, run) });
      }
      continue;
    }
    const top = pending.reduce((high, entry) => Math.max(high, entry.position), -1);
    const listed = group.filter((entry) => entry.inScope);
    const lines = listed.map((entry) => entry.line);
    const promise = pending.find((entry) => entry.broken !== null)?.broken ?? null;
    const earlier = earlierReminders(listed, top, run);
    out.push({ ...lineMessage(customer, 'reminder', top, currency, lines, payments.get(currency) ?? [], run), promise, earlier });
  }
  return out;
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
    if (lines.length > 0) out.push(lineMessage(snapshot.customer, 'statement', -1, currency, lines, payments.get(currency) ?? [], run));
  }
  return out;
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

/**
 * Every message the customer would get: reminders, or (when no reminder is due that day) the
 * statement, plus installment notices. A reminder the customer's switch stops does not hold its
 * statement back: the two switches are separate (issue 16).
 */
export function candidatesFor(snapshot: CustomerSnapshot, run: RunContext): Candidate[] {
  const planCases = casesUnderPlan(snapshot, run.asOf);
  const evaluated = evaluateItems(snapshot, planCases, run);
  const payments = accountPayments(snapshot.payments ?? [], planCases, run.asOf);
  const due = reminders(snapshot.customer, evaluated, payments, run);
  const cadence = due.length > 0 && snapshot.customer.reminders ? [] : statements(snapshot, evaluated, payments, run);
  return [...due, ...cadence, ...installments(snapshot, run)];
}
