/**
 * The rules engine (docs/reference/rules.md): from per-customer snapshots, a policy and an as-of date, decide every
 * message, skip and data problem. Pure and linear: one pass over the snapshots, no I/O, no clock.
 */
import { toDayNumber } from '../dates.js';
import { isDisputed } from '../disputes.js';
import type { Customer, IsoDate } from '../domain.js';
import { formatMinor, currencyDigits, majorToMinor } from '../money.js';
import type { Plan, PlannedMessage, PlanProblem, Policy, Skip, SkipReason } from '../plan.js';
import { agentAddress, chooseRecipients, checkBcc, type AddressProblem } from '../recipients.js';
import { ACTIVITY_TEMPLATE } from '../activity.js';
import { hasPostalAddress } from '../postal-address.js';
import type { Candidate, RunContext } from './candidate.js';
import { candidatesFor } from './candidates.js';
import { bouncedDetail, pausingReply, withoutUndeliverable, type AnswersSnapshot } from './answers.js';
import type { CustomerSnapshot } from './input.js';
import { levelFee, missingFee } from './fees.js';
import { exactRate } from './interest.js';
import { prepareProfiles, profileName, statementsOn } from './profiles.js';
import { RULES } from './rules.js';

/** Day numbers of the few distinct dates in a data set, computed once each. */
function dayNumberCache(): (date: IsoDate) => number {
  const cache = new Map<string, number>();
  return (date) => {
    let day = cache.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      cache.set(date, day);
    }
    return day;
  };
}

function problem(customer: string, found: AddressProblem): PlanProblem {
  return { customer, field: found.field, message: `"${found.value}" ${found.error}; it is not used` };
}

/** The run context of each dunning profile by name, for one as-of date. */
export function profileRuns(policy: Policy, asOf: IsoDate): ReadonlyMap<string, RunContext> {
  const dayNumber = dayNumberCache();
  const shared = {
    policy,
    asOf,
    asOfDay: dayNumber(asOf),
    rate: policy.interestRatePercent === null ? null : exactRate(policy.interestRatePercent),
    dayNumber,
  };
  const runs = new Map<string, RunContext>();
  for (const profile of prepareProfiles(policy).values()) {
    runs.set(profile.name, { ...shared, ladder: profile.ladder, scope: profile.scope, statementEveryDays: profile.statementEveryDays });
  }
  return runs;
}

/** Collects skips once per customer and reason. */
class Skips {
  readonly list: Skip[] = [];
  private readonly seen = new Set<string>();
  add(customer: string, reason: SkipReason, detail: string): void {
    const key = `${customer}\u0000${reason}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ customer, reason, detail });
  }
}

/** One customer's skips, each for the currency of the message it held back, in the order decided. */
class CustomerSkips {
  private readonly held: { currency: string; reason: SkipReason; detail: string }[] = [];
  add(currency: string, reason: SkipReason, detail: string): void {
    this.held.push({ currency, reason, detail });
  }
  /**
   * Report them, leaving out every currency the customer gets a message in: a statement that goes
   * in place of a reminder the switch stopped is not also a skip for that currency.
   */
  report(customer: string, planned: readonly PlannedMessage[], skips: Skips): void {
    const served = new Set(planned.map((message) => message.currency));
    for (const skip of this.held) if (!served.has(skip.currency)) skips.add(customer, skip.reason, skip.detail);
  }
}

/** Collects plan problems; a problem of the settings (same text) is reported once per run. */
class Problems {
  readonly list: PlanProblem[] = [];
  private readonly seen = new Set<string>();
  add(found: PlanProblem): void {
    this.list.push(found);
  }
  addOnce(found: PlanProblem): void {
    const key = `${found.customer}\u0000${found.field}\u0000${found.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(found);
  }
}

/**
 * Why a message is not worth sending, or null when it is. `covered` comes first: when payments on
 * account leave nothing to ask, that is the reason the customer should read, whatever the minimum.
 * A statement whose only debt is disputed asks for nothing because of the dispute, which is what
 * the clerk should read rather than "0.00 is below the minimum". The minimum is compared with what
 * the message weighs (see `weighed`).
 */
function belowWhatIsWorthSending(candidate: Candidate, run: RunContext): { reason: SkipReason; detail: string } | null {
  const digits = currencyDigits(candidate.currency);
  const money = (amount: number) => `${candidate.currency} ${formatMinor(amount, digits)}`;
  const { amount, credited } = weighed(candidate);
  if (amount <= 0 && credited > 0) {
    return { reason: 'covered', detail: `payments on account of ${money(credited)} cover everything asked for` };
  }
  const debts = candidate.lines.filter((line) => line.item.openAmount > 0);
  if (debts.length > 0 && debts.every((line) => isDisputed(line.item))) {
    return { reason: 'disputed', detail: `every ${candidate.currency} item is disputed (${debts.map((line) => line.item.number).join(', ')})` };
  }
  const minimum = majorToMinor(run.policy.minAmount, candidate.currency);
  // A message that asks for nothing (credits cover the debt) is never worth sending either.
  if (amount < minimum || amount <= 0) {
    return { reason: 'below-minimum', detail: `${money(amount)} is below the minimum ${formatMinor(minimum, digits)}` };
  }
  return null;
}

/**
 * The amount a message is judged by, and the payments on account that went into it: a reminder by
 * what it asks for (items not yet due that it lists do not make it worth sending), a statement by the
 * balance it shows, since telling a customer what will fall due is its job even when nothing is due.
 */
function weighed(candidate: Candidate): { amount: number; credited: number } {
  if (candidate.kind !== 'statement') return { amount: candidate.total, credited: candidate.unapplied };
  let credited = 0;
  for (const payment of candidate.payments) credited += payment.amount;
  let balance = -credited;
  for (const line of candidate.lines) if (!isDisputed(line.item)) balance += line.item.openAmount;
  return { amount: balance, credited };
}

/** Turn the surviving candidates of one customer into messages, applying skips and recipients. */
function finish(
  customer: Customer,
  candidates: readonly Candidate[],
  run: RunContext,
  bcc: readonly string[],
  skips: Skips,
  problems: Problems,
  answers?: AnswersSnapshot,
): PlannedMessage[] {
  const held = new CustomerSkips();
  const out = messagesOf(customer, candidates, run, bcc, held, problems, answers);
  held.report(customer.code, out, skips);
  return out;
}

/** The messages of one customer; each skip decided on the way is held for the currency it concerns. */
function messagesOf(
  customer: Customer,
  candidates: readonly Candidate[],
  run: RunContext,
  bcc: readonly string[],
  skips: CustomerSkips,
  problems: Problems,
  answers?: AnswersSnapshot,
): PlannedMessage[] {
  const switchedOn = candidates.filter((candidate) => {
    const on = candidate.kind === 'statement' ? statementsOn(customer) : customer.reminders;
    if (!on) skips.add(candidate.currency, 'opted-out', candidate.kind === 'statement' ? 'statements off' : 'reminders off');
    return on;
  });
  if (switchedOn.length === 0) return [];
  if (customer.holdUntil !== null && customer.holdUntil >= run.asOf) {
    for (const candidate of switchedOn) skips.add(candidate.currency, 'on-hold', `on hold until ${customer.holdUntil}`);
    return [];
  }
  // A reply nobody has handled pauses reminders, not statements (docs/reference/rules.md §8.2).
  const repliedOn = pausingReply(answers, run.asOf, run.policy.replyPauseDays);
  const kept: Candidate[] = [];
  for (const candidate of switchedOn) {
    if (repliedOn !== null && candidate.kind === 'reminder') {
      skips.add(candidate.currency, 'replied', `the customer replied on ${repliedOn}; reminders wait until a clerk handles it`);
      continue;
    }
    const reason = belowWhatIsWorthSending(candidate, run);
    if (reason === null) kept.push(candidate);
    else skips.add(candidate.currency, reason.reason, reason.detail);
  }
  if (kept.length === 0) return [];
  // An address a bounce reported dead is never written to (docs/reference/rules.md §8.1).
  const choice = chooseRecipients(withoutUndeliverable(customer, answers), run.policy.recipients);
  const allBounced = choice.to.length === 0 && answers !== undefined && answers.undeliverable.length > 0;
  for (const found of choice.problems) problems.add(problem(customer.code, found));
  const needsAgent = kept.some((candidate) => candidate.level >= 0 && run.ladder.levels[candidate.level]!.ccAgent);
  const agent = needsAgent ? agentAddress(customer) : { address: null, problem: null };
  if (agent.problem) problems.add(problem(customer.code, agent.problem));
  const out: PlannedMessage[] = [];
  for (const candidate of kept) {
    const level = candidate.level >= 0 ? run.ladder.levels[candidate.level]! : null;
    const wantsLetter = level?.letter === true;
    if (allBounced && !wantsLetter) {
      skips.add(candidate.currency, 'bounced', bouncedDetail(answers));
      continue;
    }
    if (choice.to.length === 0 && !wantsLetter) {
      const refused = choice.problems.map((found) => found.field).join(', ');
      skips.add(candidate.currency, 'no-email', refused ? `no valid e-mail address (refused: ${refused})` : 'no e-mail address');
      continue;
    }
    // A letter the post cannot deliver is held back (docs/reference/rules.md §8); the e-mail still goes.
    const letter = wantsLetter && hasPostalAddress(customer);
    if (wantsLetter && !letter) {
      if (choice.to.length === 0) {
        skips.add(candidate.currency, 'no-address', `no postal address for the ${level!.id} letter, and no e-mail address`);
        continue;
      }
      problems.addOnce({ customer: customer.code, field: 'address_line1', message: `no postal address: the ${level!.id} letter is not printed; the e-mail goes` });
    }
    const { defaultCurrency } = run.policy;
    if (level && levelFee(level, candidate.currency, defaultCurrency) === null) {
      problems.addOnce(missingFee(level, candidate.currency, defaultCurrency));
    }
    const message: PlannedMessage = {
      key: candidate.key,
      customer,
      kind: candidate.kind,
      level: level ? level.id : null,
      template: level ? level.template : candidate.kind,
      currency: candidate.currency,
      to: [...choice.to],
      cc: level?.ccAgent && agent.address ? [agent.address] : [],
      bcc: [...bcc],
      lines: candidate.lines,
      cases: candidate.cases,
      reminds: candidate.reminds,
      payments: candidate.payments,
      unapplied: candidate.unapplied,
      total: candidate.total,
      notYetDue: candidate.notYetDue,
      fee: candidate.fee,
      interest: candidate.interest,
      letter,
      attachInvoices: level?.attachInvoices === true,
      ...(candidate.promise ? { promise: candidate.promise } : {}),
      ...(level !== null && candidate.level > run.ladder.firstOverdue ? { earlier: candidate.earlier } : {}),
    };
    out.push(candidate.activity ? { ...message, template: ACTIVITY_TEMPLATE, activity: candidate.activity } : message);
  }
  return out;
}

/**
 * Plan every message due on `asOf` (docs/reference/rules.md). `input` yields one snapshot per customer (in the
 * order messages should appear); each is visited once.
 */
export function plan(input: Iterable<CustomerSnapshot>, policy: Policy, asOf: IsoDate): Plan {
  const runs = profileRuns(policy, asOf);
  const problems = new Problems();
  const checkedBcc = checkBcc(policy.bcc);
  for (const found of checkedBcc.problems) problems.add(problem('', found));
  const skips = new Skips();
  const messages: PlannedMessage[] = [];
  for (const snapshot of input) {
    const unknown = RULES.profiles.decide(snapshot.customer, runs, policy);
    if (unknown !== null) {
      problems.add(unknown);
      continue;
    }
    const run = runs.get(profileName(snapshot.customer))!;
    const candidates = candidatesFor(snapshot, run);
    if (candidates.length === 0) continue;
    messages.push(...finish(snapshot.customer, candidates, run, checkedBcc.bcc, skips, problems, snapshot.answers));
  }
  return { asOf, messages, skipped: skips.list, problems: problems.list };
}
