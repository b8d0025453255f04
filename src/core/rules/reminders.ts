/**
 * The reminder rule: one reminder per currency at the highest level pending, or one per pending
 * item with `item` grouping. Its candidates are the customers with an item pending by the ladder of
 * their profile, the ladder's own pending rule stated for storage.
 */
import type { Customer, IsoDate } from '../domain.js';
import type { PlannedPayment, Policy } from '../plan.js';
import { byCurrency, lineMessage, type Candidate, type Evaluated, type RunContext } from './candidate.js';
import { makeLadder, pendingSearch } from './ladder.js';
import type { CandidateDialect, ProfileFilter, Rule } from './rule.js';

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

/**
 * Customers with an item pending at the level it reached, each profile's ladder searching its own
 * customers; `default` also takes the customers naming a profile the settings lack.
 */
function pendingCandidates<P>(dialect: CandidateDialect<P>, policy: Policy, asOf: IsoDate): P[] {
  const parts: P[] = [];
  const search = (levels: Policy['levels'], escalation: Policy['escalation'], profiles: ProfileFilter): void => {
    const found = pendingSearch(makeLadder(levels, escalation), asOf);
    if (found !== null) parts.push(dialect.pendingItems(found, profiles));
  };
  const named = Object.keys(policy.profiles);
  if (named.length === 0) search(policy.levels, policy.escalation, { kind: 'all' });
  else {
    search(policy.levels, policy.escalation, { kind: 'none-of', names: named });
    for (const name of named) {
      const profile = policy.profiles[name]!;
      search(profile.levels, profile.escalation, { kind: 'named', name });
    }
  }
  return parts;
}

/** Reminders: decided from the evaluated items, searched for by each ladder's pending rule. */
export const reminderRule: Rule<typeof reminders> = { id: 'reminders', decide: reminders, candidates: pendingCandidates };
