/**
 * A message as a rule proposes it, before skips and recipients, and what the rules share to build
 * one: the run's fixed values, an evaluated item, the lines of one currency.
 */
import type { ActivityStatement } from '../activity.js';
import type { Customer, IsoDate, PaymentPromise } from '../domain.js';
import type { Policy, PlannedCase, PlannedLine, PlannedPayment } from '../plan.js';
import type { SentReminder } from './input.js';
import { levelFee } from './fees.js';
import { demand } from './demand.js';
import type { Rate } from './interest.js';
import type { Ladder } from './ladder.js';

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
  /** For a statement under policy.statementKind `activity`: the account's activity it shows. */
  activity?: ActivityStatement;
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

/** A reminder or statement of `lines` in one currency at ladder `position` (-1: none), with its amounts and fee. */
export function lineMessage(
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

/** Group evaluated lines by currency, keeping their order. */
export function byCurrency(evaluated: readonly Evaluated[]): Map<string, Evaluated[]> {
  const groups = new Map<string, Evaluated[]>();
  for (const entry of evaluated) {
    const currency = entry.line.item.currency;
    const group = groups.get(currency);
    if (group) group.push(entry);
    else groups.set(currency, [entry]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
