/**
 * The plan: what the rules engine decides for an as-of date (docs/reference/rules.md), and what
 * every consumer (dry-run JSON, preview, delivery, TUI) works from. Pure data.
 */
import type { ActivityStatement } from './activity.js';
import type { Customer, IsoDate, Item, MessageKind, Minor, PaymentPromise } from './domain.js';

/**
 * A level's fee in major units: a number is in `policy.defaultCurrency` only; a map gives one fee
 * per currency (`{"EUR":5,"GBP":4.5}`). A message in a currency without a fee gets none.
 */
export type LevelFee = number | Readonly<Record<string, number>>;

/** One rung of the reminder ladder (settings `policy.levels[]`, docs/reference/rules.md §2.1). */
export interface Level {
  id: string;
  name: string;
  /** Days relative to the due date; negative = before it is due. */
  days: number;
  /** Template name in templates/<lang>/ (e.g. `first`). */
  template: string;
  /** Only on the last level: pending again this many days after the latest message at it. */
  repeatEveryDays?: number;
  /**
   * With repeatEveryDays: how many times the level is sent again after its first message. An item
   * whose next repeat falls due past the cap is handed over (collection agency, lawyer) instead.
   */
  maxRepeats?: number;
  /** Fee added as its own line, in major units (e.g. 5 = 5.00): see LevelFee. */
  fee?: LevelFee;
  /** Also produce a printable letter (PDF into mail.printDir). */
  letter?: boolean;
  /** CC the customer's sales agent. */
  ccAgent?: boolean;
  /** Attach invoice PDFs from mail.invoiceDir. */
  attachInvoices?: boolean;
}

/** The name of the profile `policy.levels`, `policy.scope` and `policy.statementEveryDays` make up. */
export const DEFAULT_PROFILE = 'default';

/**
 * How an overdue item climbs the ladder: `days`, to the level its days overdue reach; `stepwise`,
 * one level per message sent, each only after the gap between the two levels' days.
 */
export type Escalation = 'days' | 'stepwise';

/** A dunning profile (settings `policy.profiles.NAME`, defaults filled in from the top-level policy). */
export interface Profile {
  levels: Level[];
  scope: 'overdue' | 'all-open';
  statementEveryDays: number | null;
  escalation: Escalation;
}

/** The policy the engine applies (settings `policy.*`, with defaults filled in). */
export interface Policy {
  /** Named profiles other than `default` (which is `levels`, `scope` and `statementEveryDays` here). */
  profiles: Record<string, Profile>;
  levels: Level[];
  scope: 'overdue' | 'all-open';
  escalation: Escalation;
  grouping: 'customer' | 'item';
  /** Minimum message total in major units; below it the customer is skipped. 0 = no minimum. */
  minAmount: number;
  defaultLanguage: string;
  defaultCurrency: string;
  statementEveryDays: number | null;
  /** Statements list the open items, or the account's activity since the previous statement. */
  statementKind: 'open-items' | 'activity';
  interestRatePercent: number | null;
  installments: { enabled: boolean; graceDays: number };
  /** Days after a promised date before an unkept promise counts as broken. */
  promiseGraceDays: number;
  /** Days an unhandled reply pauses the customer's reminders (docs/reference/rules.md §8.2). */
  replyPauseDays: number;
  recipients: 'primary' | 'all';
  bcc: string[];
}

/** One line of a message: an item listed, with what the rules found about it. */
export interface PlannedLine {
  item: Item;
  daysOverdue: number;
  /** Level id the item reached (null: not yet at any level, or a credit note). */
  reached: string | null;
  /** True when the message reminds of this item (it is pending at `reached`). */
  pending: boolean;
  /** Simple interest for this line in minor units (0 when no rate is set or not overdue). */
  interest: Minor;
}

/** One installment case listed on an installment notice. */
export interface PlannedCase {
  case: string;
  installment: Minor;
  expectedDate: IsoDate;
  missed: boolean;
  /** Total debt of the case (sum of the case's item amounts), what was paid so far and what remains. */
  total: Minor;
  paid: Minor;
  remaining: Minor;
  /** Payments for the case dated this month up to the as-of date. */
  paidThisMonth: Minor;
  /** What is missing of this month's installment (0 unless missed): the amount the notice asks for it. */
  shortfall: Minor;
  currency: string;
}

/** A payment on account shown as its own line under the items of a message. */
export interface PlannedPayment {
  reference: string;
  date: IsoDate;
  amount: Minor;
}

/** A message the engine decided to send. */
export interface PlannedMessage {
  /** Stable file-name key: `<customer>-<currency>-<level or kind>` (+ `-<item>` with item grouping). */
  key: string;
  customer: Customer;
  kind: MessageKind;
  /** Level id for reminders, null for statements and installment notices. */
  level: string | null;
  /** Template name to render (level.template, `statement` or `installment`). */
  template: string;
  currency: string;
  to: string[];
  cc: string[];
  bcc: string[];
  /** Every line listed on the statement of this message. */
  lines: PlannedLine[];
  /** Installment cases (installment notices only). */
  cases: PlannedCase[];
  /**
   * `items` of the JSON (docs/reference/json.md §2.2): pending item numbers, every listed item
   * (statement) or missed cases.
   */
  reminds: string[];
  /** Payments on account in the message currency, listed below the items and netted in `total`. */
  payments: PlannedPayment[];
  /** What was netted: the payments' sum, at most the open amount asked for (the JSON's `unapplied`). */
  unapplied: Minor;
  /**
   * The amount asked before fee and interest: the open amount of the lines that are due (a pre-due
   * notice: of every line it announces) minus `unapplied`, never below 0 (installment notice: the
   * sum of the missed cases' shortfalls). See rules/demand.ts.
   */
  total: Minor;
  /** Open amount of the listed lines that are not yet overdue: shown apart, not asked for. */
  notYetDue: Minor;
  fee: Minor;
  interest: Minor;
  /** Level asks for a printed letter / invoice attachments. */
  letter: boolean;
  attachInvoices: boolean;
  /** An activity statement (policy.statementKind `activity`, or asked for by hand) shows this too. */
  activity?: ActivityStatement;
  /** The broken promise to pay this reminder follows up ("on DATE you promised to pay AMOUNT"). */
  promise?: PaymentPromise;
  /**
   * A reminder above the first overdue level: the as-of dates (ascending, before this one) of the
   * sent reminders on record that listed any of its items, so its text claims no contact it cannot show.
   */
  earlier?: IsoDate[];
}

/** Why a customer that would otherwise get a message gets none (docs/reference/rules.md §8). */
export type SkipReason = 'opted-out' | 'on-hold' | 'no-email' | 'no-address' | 'covered' | 'disputed' | 'below-minimum' | 'bounced' | 'replied';

/**
 * A skip decided after planning, at the edge where files are read: a level with attachInvoices
 * whose invoice PDF is missing holds the message back (the engine is pure and sees no files).
 */
export type FileSkipReason = 'missing-attachment';

/** A skipped customer, once per reason. */
export interface Skip {
  customer: string;
  reason: SkipReason | FileSkipReason;
  /** Human detail, e.g. the invalid address that was refused. */
  detail?: string;
}

/** A data problem found while planning that the operator should see (e.g. a malformed address). */
export interface PlanProblem {
  customer: string;
  field: string;
  message: string;
}

/** The whole decision for one as-of date. */
export interface Plan {
  asOf: IsoDate;
  messages: PlannedMessage[];
  skipped: Skip[];
  problems: PlanProblem[];
  /**
   * Each planned customer's change count in the state the plan was made on (by code): a send
   * does not send a customer's message once its count has moved (paid or changed since).
   */
  changeCounts?: ReadonlyMap<string, number>;
}
