/**
 * Everything the screens need from the rest of duedesk, as one interface. The screens never touch
 * storage, planning, documents or delivery directly: tests run them against a fake, the real
 * session against createServices (services-impl.ts).
 */
import type { Customer, IsoDate, Item, Language, MessageKind, MessageRecord, MessageStatus, Minor } from '../core/domain.js';
import type { Plan, PlannedMessage } from '../core/plan.js';
import type { ImportResult } from '../csv/import/import-csv.js';
import type { ImportRequest } from '../csv/import/request.js';
import { TUI_SETTING_KEYS } from '../settings/table.js';
import type { Aging } from './aging.js';
import { readOnlyCollections, type CollectionServices } from './collection-desk.js';
import { refusing, ReviewRefusal } from './review-refusal.js';

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
  kind: MessageKind;
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

export type { ImportRequest, ImportResult };

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
}

/** The desk's view of duedesk. Every method may reject with an Error whose message is shown. */
export interface DeskServices extends CollectionServices {
  /** Today's date for the session (the --as-of of the plan). */
  today(): IsoDate;
  /**
   * Plan everything due on `asOf`. A large plan takes seconds: `onProgress` hears how many of the
   * candidate customers are planned so far, and the desk stays usable meanwhile.
   */
  loadPlan(asOf: IsoDate, onProgress?: PlanProgress): Promise<Plan>;
  /** All customers with open totals and aging as of `asOf`. */
  listCustomers(asOf: IsoDate): Promise<CustomerList>;
  /** The names of these customers by code (unknown codes are left out). */
  customerNames(codes: readonly string[]): Promise<Map<string, string>>;
  /** One customer with items and history; null when the code is unknown. */
  customerDetail(code: string, asOf: IsoDate): Promise<CustomerDetail | null>;
  /** Hold the customer until `until` (inclusive); null clears the hold. */
  setHold(code: string, until: IsoDate | null): Promise<void>;
  /** Hold one item of a customer until `until` (inclusive); null clears its hold. */
  setItemHold(code: string, number: string, until: IsoDate | null): Promise<void>;
  /** Turn reminders on or off for a customer. */
  setReminders(code: string, on: boolean): Promise<void>;
  /** Set the customer's own statement interval in days; null = use the policy. */
  setStatementInterval(code: string, days: number | null): Promise<void>;
  /** The manual statements of a customer now (seed 004), one per currency; empty when nothing is open. */
  statementsNow(code: string, asOf: IsoDate): Promise<PlannedMessage[]>;
  /** Every message in the history, newest first. */
  listHistory(): Promise<MessageRecord[]>;
  /** Send failed messages again in one run (re-planned for today, their customers only); one outcome per message that is still due. */
  retryMessages(ids: readonly number[], asOf: IsoDate): Promise<SendOutcome[]>;
  /** Record what the operator found out about an uncertain message. */
  markUncertain(id: number, delivered: boolean): Promise<void>;
  /** Record that the operator acknowledged a failed or uncertain message (with operator and time). */
  acknowledge(id: number): Promise<void>;
  /** Render a planned message for the preview modal. */
  preview(message: PlannedMessage): Promise<PreviewView>;
  /** Write the message as .eml and .pdf into `dir` (default: the preview folder); returns the paths. */
  writePreview(message: PlannedMessage, dir?: string): Promise<string[]>;
  /** Where `w` writes by default. */
  previewDir(): string;
  /** How messages go out, for the confirmation ("outbox /path" or "smtp host:port"). */
  transportLabel(): string;
  /** How many messages a send has in flight at once (the send window shows each). */
  sendWidth(): number;
  /** Send the messages (up to sendWidth() side by side); stops after the messages in flight when `signal` aborts. */
  send(messages: PlannedMessage[], onProgress: SendProgress, signal: AbortSignal): Promise<SendResult>;
  /** Send a test e-mail to `address`; resolves with a one-line description of what happened. */
  sendTestMail(address: string): Promise<string>;
  /** Import a CSV file as `duedesk import` does (SPEC §6, §7): counts and problems, typed. */
  importCsv(request: ImportRequest): Promise<ImportResult>;
  /** The editable settings as dotted keys → text values. */
  readSettings(): SettingsValues;
  /** Change one setting (validated); rejects with a clear message on a bad value. */
  updateSetting(key: string, value: string): Promise<void>;
  /** The SMTP password for this session only (never written anywhere). */
  setSessionPassword(password: string): void;
  /** Whether a session password has been typed. */
  hasSessionPassword(): boolean;
  /** The policy as readable lines. */
  policyOverview(): PolicyOverview;
}

/** The settings keys the Settings screen edits, in display order (the table's `tui` rows). */
export const EDITABLE_SETTINGS = TUI_SETTING_KEYS;

/**
 * Wrap services so that every sending or changing call is refused: review mode is enforced here
 * too, not only by the screens, so no key path can slip through.
 */
export function readOnlyServices(services: DeskServices): DeskServices {
  return {
    ...readOnlyCollections(services),
    today: () => services.today(),
    loadPlan: (asOf, onProgress) => services.loadPlan(asOf, onProgress),
    listCustomers: (asOf) => services.listCustomers(asOf),
    customerDetail: (code, asOf) => services.customerDetail(code, asOf),
    customerNames: (codes) => services.customerNames(codes),
    statementsNow: (code, asOf) => services.statementsNow(code, asOf),
    listHistory: () => services.listHistory(),
    preview: (message) => services.preview(message),
    writePreview: (message, dir) => services.writePreview(message, dir),
    previewDir: () => services.previewDir(),
    transportLabel: () => services.transportLabel(),
    sendWidth: () => services.sendWidth(),
    readSettings: () => services.readSettings(),
    policyOverview: () => services.policyOverview(),
    hasSessionPassword: () => services.hasSessionPassword(),
    setHold: refusing('setting a hold'),
    setItemHold: refusing('holding an item'),
    setReminders: refusing('changing reminders'),
    setStatementInterval: refusing('changing the statement interval'),
    retryMessages: refusing('retrying messages'),
    markUncertain: refusing('marking a message'),
    acknowledge: refusing('acknowledging a message'),
    send: refusing('sending'),
    sendTestMail: refusing('sending a test e-mail'),
    importCsv: refusing('importing'),
    updateSetting: refusing('changing settings'),
    setSessionPassword: () => {
      throw new ReviewRefusal('typing a password');
    },
  };
}
