/** Builders for rules-engine tests: snapshots, policies and one-call planning with a fixed as-of date. */
import type { Customer, InstallmentPlan, IsoDate, Item } from '../../src/core/domain.js';
import type { Plan, PlannedMessage, Policy } from '../../src/core/plan.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { plan } from '../../src/core/rules/engine.js';
import type { CustomerSnapshot, LevelSent, PlanSnapshot, PromiseSnapshot, SentReminder } from '../../src/core/rules/input.js';
import type { Settings } from '../../src/core/settings.js';
import { aCustomer, anItem, aPlan } from '../helpers/store.js';

/** The default policy (docs/reference/settings.md §3.5) with some keys overridden. */
export function policyWith(overrides: Partial<Policy> = {}, settings: Settings = {}): Policy {
  return { ...resolvePolicy(settings), ...overrides };
}

/** An item due on `dueDate` (other fields from anItem). */
export function due(dueDate: IsoDate, partial: Partial<Item> = {}): Item {
  return anItem({ dueDate, ...partial });
}

/** A snapshot of one customer with items and optional history per item number. */
export function snapshot(
  items: readonly Item[],
  options: {
    customer?: Partial<Customer>;
    history?: Record<string, LevelSent[]>;
    /** Sent reminders on record per item number. */
    reminded?: Record<string, SentReminder[]>;
    lastMessageAsOf?: IsoDate | null;
    plans?: PlanSnapshot[];
    promises?: PromiseSnapshot[];
  } = {},
): CustomerSnapshot {
  const customer = aCustomer(options.customer);
  return {
    customer,
    items: items.map((item) => ({
      item: { ...item, customerCode: customer.code },
      history: options.history?.[item.number] ?? [],
      ...(options.reminded?.[item.number] ? { reminded: options.reminded[item.number] } : {}),
    })),
    lastMessageAsOf: options.lastMessageAsOf ?? null,
    plans: options.plans ?? [],
    ...(options.promises ? { promises: options.promises } : {}),
  };
}

/** A plan snapshot for an installment case (defaults: 25.00 on the 15th, 1000.00 total, 600.00 left). */
export function planSnapshot(partial: Omit<Partial<PlanSnapshot>, 'plan'> & { plan?: Partial<InstallmentPlan> } = {}): PlanSnapshot {
  const { plan: planFields, ...rest } = partial;
  return {
    plan: aPlan(planFields),
    paymentsInMonth: [],
    noticedThisMonth: false,
    caseTotal: 100_000,
    caseRemaining: 60_000,
    currency: 'EUR',
    ...rest,
  };
}

/** Plan the snapshots with the policy on `asOf`. */
export function planOf(snapshots: CustomerSnapshot[], asOf: IsoDate, policy: Policy = policyWith()): Plan {
  return plan(snapshots, policy, asOf);
}

/** A compact view of a plan's messages for assertions: key, level and reminded items. */
export function summary(result: Plan): { key: string; level: string | null; reminds: string[] }[] {
  return result.messages.map((message) => ({ key: message.key, level: message.level, reminds: message.reminds }));
}

/**
 * What a planned message asks for and sets aside, restated from docs/reference/rules.md §3.3 for property tests: an
 * overdue debt or a credit from its date is asked for; a pre-due notice (every reminded line not
 * yet overdue) also asks for what it announces; the rest is not yet due. Disputed lines count in neither.
 */
export function splitOf(message: PlannedMessage): { asked: number; notYetDue: number } {
  const reminded = message.lines.filter((line) => line.pending);
  const preDue = message.kind === 'reminder' && reminded.length > 0 && reminded.every((line) => line.daysOverdue <= 0);
  let asked = 0;
  let notYetDue = 0;
  for (const line of message.lines) {
    if (line.item.dispute) continue;
    const due = line.item.openAmount > 0 ? line.daysOverdue > 0 : line.daysOverdue >= 0;
    if (due || (preDue && line.pending)) asked += line.item.openAmount;
    else notYetDue += line.item.openAmount;
  }
  return { asked, notYetDue };
}
