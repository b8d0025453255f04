/**
 * What the desk's actions hand the screens: customer rows and details, previews, send outcomes,
 * settings and the policy overview. Plain data, no behaviour.
 */
import type { Customer, IsoDate, Item, Language, HistoryKind, MessageStatus, Minor } from '../core/domain.js';
import type { Aging } from '../core/aging.js';

/** An amount in one currency. */
export interface CurrencyAmount {
  currency: string;
  amount: Minor;
}

/** One customer row of the Customers screen. */
export interface CustomerRow {
  code: string;
  name: string;
  language: Language;
  /** Valid-looking addresses, primary first. */
  emails: string[];
  reminders: boolean;
  /** Statements on/off apart from reminders, and the dunning profile (null: `default`). */
  statements: boolean;
  profile: string | null;
  holdUntil: IsoDate | null;
  /** Balance per currency: open items minus payments no item records (currencies at 0 left out). */
  open: CurrencyAmount[];
  /** Days overdue of the oldest open overdue item; null when nothing is overdue. */
  oldestDaysOverdue: number | null;
}

/** The customer list with the aging of all open items. */
export interface CustomerList {
  rows: CustomerRow[];
  aging: Aging[];
}

/** One entry of a customer's history timeline. */
export interface TimelineEntry {
  id: number;
  asOf: IsoDate;
  kind: HistoryKind;
  level: string | null;
  currency: string;
  /** Amount outstanding for the customer in this currency when it was sent. */
  outstanding: Minor;
  status: MessageStatus;
}

/** Everything the customer detail view shows. */
export interface CustomerDetail {
  customer: Customer;
  /** Open items, oldest due date first. */
  items: Item[];
  aging: Aging[];
  /** The interval that applies: the customer's own, else the policy's, else null (off). */
  effectiveStatementEveryDays: number | null;
  timeline: TimelineEntry[];
  /** The customer's promises, disputes and notes as lines, newest first. */
  collection: string[];
}

/** What the preview modal shows for one planned message. */
export interface PreviewView {
  subject: string;
  /** The plain-text body exactly as it will be sent. */
  text: string;
  to: string[];
  cc: string[];
  /** Short lines describing the statement PDF (items, totals, deadline). */
  statementSummary: string[];
  /** A printed letter: its envelope window as the post reads it (absent for an e-mail alone). */
  letter?: string[];
}

/** Planning progress: `done` of `total` candidate customers planned so far. */
export type PlanProgress = (done: number, total: number) => void;

/** Outcome of one message sent from the TUI; `stopped`: not sent and still due (the operator's stop, a deferral, the daily limit, changed since planned). */
export interface SendOutcome {
  key: string;
  status: 'sent' | 'failed' | 'uncertain' | 'skipped' | 'stopped';
  messageId: string | null;
  error: string | null;
}

/** Progress report while sending: the outcome of one message, and how many are done of all. */
export type SendProgress = (outcome: SendOutcome, done: number, total: number) => void;

/** Result of a send: every outcome in order, and whether the operator stopped it early. */
export interface SendResult {
  outcomes: SendOutcome[];
  stopped: boolean;
}

/** The settings fields the Settings screen edits (flattened dotted keys → values). */
export type SettingsValues = Record<string, string>;

/** One level of the ladder as the Settings screen lists it. */
export type LevelRow = {
  id: string;
  name: string;
  days: number;
  repeat: string;
  fee: string;
  extras: string;
};

/** The policy overview the Settings screen shows. */
export interface PolicyOverview {
  /** Scope, grouping, minimum, statements, interest, installments, auto-send. */
  lines: string[];
  levels: LevelRow[];
  /** The level ids of every dunning profile, the default's first (what a level filter may name). */
  levelIds: string[];
  /** schedule.approval: --send-due records a proposal instead of sending. */
  approval: boolean;
}

/** A follow-up due, as Due now lists it at the top. */
export interface FollowUpTask {
  id: number;
  code: string;
  name: string;
  body: string;
  followUp: IsoDate;
}
