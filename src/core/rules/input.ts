/**
 * What the rules engine reads: one snapshot per customer, holding only what the rules need (docs/reference/rules.md) for an
 * as-of date. The storage side builds these with a few aggregate queries; the engine walks them
 * once, so planning stays linear in the number of open items.
 */
import type { AnswersSnapshot } from './answers.js';
import type { AccountByCurrency } from '../activity.js';
import type { Customer, InstallmentPlan, IsoDate, Item, Minor, PaymentPromise } from '../domain.js';

/** The latest as-of date at which an item was included at one level (sent, uncertain or sending). */
export interface LevelSent {
  level: string;
  latest: IsoDate;
  /** How many counted messages included it at this level; absent = 1 (only `maxRepeats` reads it). */
  count?: number;
}

/** A sent reminder on record that listed an item: the as-of date it counts as sent on, and its level. */
export interface SentReminder {
  asOf: IsoDate;
  level: string;
}

/** An open item (open amount ≠ 0) with its reminder history. */
export interface ItemSnapshot {
  item: Item;
  /** One entry per level the item was included at; empty or absent when never reminded. */
  history?: readonly LevelSent[];
  /**
   * Every reminder with status `sent` that listed the item (pending or not), any date; absent =
   * none. A letter cites these as the earlier reminders; uncertain ones are not on record as sent.
   */
  reminded?: readonly SentReminder[];
}

/** A payment not applied to any item: on account, or naming only an installment case. */
export interface AccountPayment {
  reference: string;
  date: IsoDate;
  amount: number;
  currency: string;
  /** The case it names, or null for a payment on account. */
  case: string | null;
}

/** A payment that counts for an installment case this month. */
export interface CasePayment {
  date: IsoDate;
  amount: number;
}

/** An active installment plan of the customer with what happened to its case this month. */
export interface PlanSnapshot {
  plan: InstallmentPlan;
  /** Payments for the case (named directly or through their item) dated in the month of the as-of date. */
  paymentsInMonth: readonly CasePayment[];
  /** True when an installment notice listing this case was already sent this month. */
  noticedThisMonth: boolean;
  /** Sum of the amounts of every item of the case (open or closed): the case's total debt. */
  caseTotal: number;
  /** Open amounts of the case's items minus payments naming the case but no item: what remains. */
  caseRemaining: number;
  /** Currency of the case's items (the customer's currency when the case has no items). */
  currency: string;
}

/** A promise to pay with what arrived toward it. */
export interface PromiseSnapshot {
  promise: PaymentPromise;
  /** The customer's payments in the promise's currency dated from `madeOn` up to the as-of date. */
  paidSince: Minor;
}

/** What an activity statement shows of the account (loaded only under policy.statementKind `activity`). */
export interface AccountSnapshot {
  /** Every document and payment of the customer, by currency. */
  movements: AccountByCurrency;
  /** Per currency: as-of date of the latest statement before D that may have reached the customer (not failed or stopped). */
  previousStatements: ReadonlyMap<string, IsoDate>;
}

/** Everything the engine needs to know about one customer. */
export interface CustomerSnapshot {
  customer: Customer;
  /** The customer's open items, in a stable order (e.g. by due date then number). */
  items: readonly ItemSnapshot[];
  /** As-of date of the customer's latest message of any kind (sent, uncertain or sending). */
  lastMessageAsOf: IsoDate | null;
  /** Installment plans with the active flag set (the engine checks their dates). */
  plans: readonly PlanSnapshot[];
  /** The customer's payments that name no item (any date; the engine keeps those dated up to D). */
  payments?: readonly AccountPayment[];
  /** The customer's promises to pay, latest made last; absent = none. */
  promises?: readonly PromiseSnapshot[];
  /** The account's activity for a periodic activity statement; absent = nothing on record. */
  account?: AccountSnapshot;
  /** Dead addresses and the latest unhandled reply, as the inbox filed them; absent = none. */
  answers?: AnswersSnapshot;
}
