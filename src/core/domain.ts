/**
 * The domain of duedesk (docs/reference/rules.md §1): plain data shared by every layer.
 * Money is always an integer number of minor units of its currency (cents for EUR);
 * dates are calendar dates as `YYYY-MM-DD` strings. Nothing here does I/O.
 */

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** An amount in integer minor units (e.g. cents). Always a safe integer. */
export type Minor = number;

/** Languages duedesk ships templates for. */
export const LANGUAGES = ['en', 'it', 'el', 'bg', 'pt'] as const;
/** A customer language. */
export type Language = (typeof LANGUAGES)[number];

/** Kinds of item. Credit notes carry negative amounts. */
export const ITEM_KINDS = ['invoice', 'credit_note', 'charge'] as const;
/** Kind of an item. */
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A customer (docs/reference/rules.md §1.1). */
export interface Customer {
  code: string;
  name: string;
  /** email, email2, email3 in that order; empty slots are null. */
  email: string | null;
  email2: string | null;
  email3: string | null;
  language: Language;
  /** ISO 4217 code, the customer's default currency. */
  currency: string;
  /** Reminders on/off (default on). */
  reminders: boolean;
  /** Statement every N days; null = use policy.statementEveryDays. */
  statementEveryDays: number | null;
  agentEmail: string | null;
  holdUntil: IsoDate | null;
  notes: string;
  /** Dunning profile name (`policy.profiles`); absent or null = the `default` profile (`policy.levels`). */
  profile?: string | null;
  /**
   * Statements on/off, apart from reminders; absent = follows `reminders` (before this switch
   * existed, `reminders` off stopped statements too).
   */
  statements?: boolean;
  /** Postal address (docs/reference/csv.md §2.1); absent or null = none. A letter needs line 1 and the city. */
  addressLine1?: string | null;
  addressLine2?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** ISO 3166-1 alpha-2; absent or null = the company's country (`company.country`). */
  country?: string | null;
  /** The person a message greets and a letter is addressed to; absent or null = the customer's name. */
  contactPerson?: string | null;
  phone?: string | null;
}

/**
 * An open or closed item of a customer (docs/reference/rules.md §1.2). `number` is unique per
 * customer.
 */
export interface Item {
  customerCode: string;
  number: string;
  kind: ItemKind;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Minor;
  openAmount: Minor;
  currency: string;
  reference: string | null;
  case: string | null;
  holdUntil: IsoDate | null;
  /** Why the customer disputes the item; absent or null = not disputed. A disputed item is never reminded. */
  dispute?: string | null;
}

/**
 * A payment received (docs/reference/rules.md §1.3). `reference` is unique. One naming neither item
 * nor case is unallocated (on account): it is netted against the customer's balance in its
 * currency.
 */
export interface Payment {
  customerCode: string;
  date: IsoDate;
  amount: Minor;
  reference: string;
  itemNumber: string | null;
  case: string | null;
  /** ISO 4217 code: the named item's currency, else the customer's, unless the file names one. */
  currency: string;
}

/**
 * An installment plan for one case of a customer (docs/reference/rules.md §1.4). Unique per
 * (customer, case).
 */
export interface InstallmentPlan {
  customerCode: string;
  case: string;
  installment: Minor;
  dayOfMonth: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
  active: boolean;
}

/**
 * A customer's promise to pay (docs/reference/rules.md §9.2): its items are not reminded until the
 * date (plus grace).
 */
export interface PaymentPromise {
  id: number;
  customerCode: string;
  /** The as-of date it was made on: payments dated from then on count toward it. */
  madeOn: IsoDate;
  promisedDate: IsoDate;
  /** What was promised, in minor units of `currency`. */
  amount: Minor;
  currency: string;
  /** The item numbers it covers (never empty: by default every open item in its currency). */
  items: string[];
  note: string;
  operator: string;
  /** Wall-clock ISO timestamp. */
  createdAt: string;
}

/** A note on a customer (a call, an agreement), with an optional follow-up date. */
export interface CustomerNote {
  id: number;
  customerCode: string;
  body: string;
  operator: string;
  /** Wall-clock ISO timestamp. */
  createdAt: string;
  followUp: IsoDate | null;
  /** Wall-clock ISO timestamp when the follow-up was marked done; null while it is open. */
  doneAt: string | null;
}

/** One dispute of an item: open while `resolvedAt` is null. */
export interface ItemDispute {
  id: number;
  customerCode: string;
  itemNumber: string;
  reason: string;
  openedBy: string;
  /** Wall-clock ISO timestamps. */
  openedAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

/**
 * Where a proposal stands: awaiting approval, approved (the next run sends what of it is still to
 * send), or done (a run dealt with every approved line; each line says what became of it).
 */
export type ProposalStatus = 'pending' | 'approved' | 'done';

/**
 * What became of an approved proposal line: `sent`, `failed`, `uncertain` as in the history;
 * `not-sent` when the run did not attempt it (stopped, deferred; it stays due and the next run of
 * the day sends it); `dropped` when it was no longer due (paid or changed since proposed).
 */
export type ProposalLineOutcome = 'sent' | 'failed' | 'uncertain' | 'not-sent' | 'dropped';

/** One planned message of a proposal. */
export interface ProposalLine {
  /** The planned message's key (`<customer>-<currency>-<level or kind>`). */
  key: string;
  customerCode: string;
  kind: MessageKind;
  level: string | null;
  currency: string;
  /** What the message reminds of (`items` in docs/reference/json.md §2.2). */
  items: string[];
  /** The amount it asks, fee and interest included. */
  total: Minor;
  /** Taken out by the clerk before approving: not sent, and not proposed again that day. */
  removed: boolean;
  /** What became of it once a run dealt with it; null before (and for a removed line). */
  outcome: ProposalLineOutcome | null;
  /** Why: the server's reply, why it was dropped, which earlier message sent it. */
  outcomeDetail: string | null;
}

/** A day's plan recorded for approval before sending (docs/reference/rules.md §9.6). */
export interface Proposal {
  id: number;
  asOf: IsoDate;
  status: ProposalStatus;
  createdBy: string;
  /** Wall-clock ISO timestamps. */
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** When a run last recorded outcomes of its lines. */
  sentAt: string | null;
  lines: ProposalLine[];
}

/** What a message is (`kind` in docs/reference/json.md §2.2). */
export type MessageKind = 'reminder' | 'statement' | 'installment';

/** What a history row is: a planned kind, or a copy of an earlier message sent again (docs/reference/cli.md §11.5). */
export type HistoryKind = MessageKind | 'copy';

/**
 * Status of a message in the history. `sending` is the durable mark written before the SMTP
 * conversation starts; a `sending` message found at start-up becomes `uncertain`. `stopped`: the
 * run left an attempt due without a verdict (the server deferred it, the operator stopped the
 * run while it waited): not a failure, and it goes with a later run.
 */
export type MessageStatus = 'sending' | 'sent' | 'failed' | 'uncertain' | 'stopped';

/** One item listed in a sent message, with the level it was reminded at (null for statements). */
export interface MessageItem {
  itemNumber: string;
  level: string | null;
  openAmount: Minor;
}

/** A clerk's acknowledgement of a failed or uncertain message: it then needs no more attention. */
export interface Acknowledgement {
  operator: string;
  /** Wall-clock ISO timestamp. */
  at: string;
}

/** A message in the history (docs/reference/rules.md §1.5): never deleted, only its status changes. */
export interface MessageRecord {
  id: number;
  customerCode: string;
  kind: HistoryKind;
  level: string | null;
  currency: string;
  /**
   * The as-of date of the run that sent it: it counts as sent on this date
   * (docs/reference/rules.md §1.5).
   */
  asOf: IsoDate;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  messageId: string;
  status: MessageStatus;
  error: string | null;
  total: Minor;
  fee: Minor;
  interest: Minor;
  /** Unallocated payments netted against what the message lists (already taken out of `total`). */
  unapplied: Minor;
  /** The customer's balance in this currency when it was sent: open items minus payments not applied to items. */
  outstanding: Minor;
  operator: string;
  /** Wall-clock ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  items: MessageItem[];
  /** Installment cases listed (installment notices only). */
  cases: string[];
  /** Who acknowledged it and when; absent when nobody did (read from the history, never written with the message). */
  acknowledged?: Acknowledgement;
  /**
   * Its copy as handed to the transport (docs/reference/cli.md §11.1); absent or null for a
   * message recorded before the archive was kept.
   */
  archive?: ArchiveRef | null;
  /** For a `copy`: the history id of the message it is a copy of (absent otherwise). */
  copyOf?: number;
  /** What a delivery report said of it (docs/reference/inbox.md §3); absent when none came back. */
  delivery?: DeliveryReport;
}

/** The latest delivery report for a message. */
export interface DeliveryReport {
  /** When a permanent failure came back (the history shows the message as bounced); null for a delay. */
  bouncedAt: string | null;
  /** Its status, address and the server's reason, e.g. `5.1.1 a@b.test: 550 User unknown`. */
  report: string;
}

/** What the history says of a message's archived copy. */
export interface ArchiveRef {
  /** SHA-256 of the bytes as sent, lower-case hex. */
  sha256: string;
  /** Their size in bytes. */
  size: number;
  /** When the copy was removed past archive.keepDays (the row stays); null while it is kept. */
  prunedAt: string | null;
}

/** What a notice is: the dispute notice to a sales agent, the approval digest, the test e-mail (docs/reference/cli.md §11.4). */
export type NoticeKind = 'dispute' | 'digest' | 'test';

/**
 * A record of an e-mail that is not to a customer's history (docs/reference/cli.md §11.4): kept in
 * the archive like every message, numbered apart (`N` and its id).
 */
export interface NoticeRecord {
  id: number;
  kind: NoticeKind;
  /** The customer a dispute notice is about; null for the others. */
  customerCode: string | null;
  to: string[];
  subject: string;
  messageId: string;
  status: Exclude<MessageStatus, 'stopped'>;
  error: string | null;
  operator: string;
  /** Wall-clock ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  archive: ArchiveRef | null;
}
