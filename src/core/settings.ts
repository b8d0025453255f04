/**
 * The shape of the settings file (docs/reference/settings.md §3; key names are a contract). All
 * keys optional; each has a row in the settings table (./settings-table.ts) with its schema and default, and the
 * compiler checks that this type and the table name the same keys. Never holds a password.
 */
import type { Escalation, Level } from './plan.js';

/** A dunning profile as stored: every key optional, an absent one taken from the top-level policy. */
export interface ProfileSettings {
  levels?: Level[];
  scope?: 'overdue' | 'all-open';
  statementEveryDays?: number;
  escalation?: Escalation;
}

/** The envelope windows a letter can be laid out for (docs/reference/messages.md §5.1). */
export type LetterWindow = 'din5008-b' | 'din5008-a' | 'right';

/** Every letter window, the default first. */
export const LETTER_WINDOWS: readonly LetterWindow[] = ['din5008-b', 'din5008-a', 'right'];

/** Settings as stored by conf. */
export interface Settings {
  company?: {
    name?: string;
    address?: string;
    vatId?: string;
    email?: string;
    phone?: string;
    iban?: string;
    bic?: string;
    /** Pay link template (docs/reference/settings.md §3.11): https, fixed host, {{amount}} {{currency}} {{reference}} {{customer}}. */
    payUrl?: string;
    /** Path to a PNG or JPEG logo. */
    logo?: string;
    /** ISO 3166-1 alpha-2: the country of customers without one; a letter elsewhere gets a country line. */
    country?: string;
  };
  /** Printed letters (docs/reference/settings.md §3.9). */
  letters?: {
    /** Where the envelope's window is: DIN 5008 form B (default) or A, or a window on the right. */
    window?: LetterWindow;
  };
  /** Operator name recorded with each message; else the OS user. */
  operator?: string;
  mail?: {
    transport?: 'outbox' | 'smtp';
    outboxDir?: string;
    printDir?: string;
    invoiceDir?: string;
    /** One address, or several. */
    bcc?: string | string[];
    recipients?: 'primary' | 'all';
  };
  smtp?: {
    host?: string;
    port?: number;
    secure?: boolean;
    user?: string;
    passwordCommand?: string;
    from?: string;
    replyTo?: string;
    maxConnections?: number;
    /** Messages per second at most. */
    rateLimit?: number;
    /** Messages per local calendar day at most, counted from the history across runs; unset = no cap. */
    maxPerDay?: number;
  };
  policy?: {
    scope?: 'overdue' | 'all-open';
    /** `days` (default): the level the days overdue reach; `stepwise`: one level per message sent. */
    escalation?: Escalation;
    grouping?: 'customer' | 'item';
    minAmount?: number;
    defaultLanguage?: string;
    defaultCurrency?: string;
    statementEveryDays?: number;
    /** What a statement shows: the open items (default) or the account's activity over a period. */
    statementKind?: 'open-items' | 'activity';
    interestRatePercent?: number;
    levels?: Level[];
    /** Named ladders a customer can be put on; `default` is `levels` itself. */
    profiles?: Record<string, ProfileSettings>;
    installments?: { enabled?: boolean; graceDays?: number };
    /** Days after a promised date before an unkept promise to pay counts as broken. */
    promiseGraceDays?: number;
    /** Days a customer's reply pauses its reminders when no clerk handles it (docs/reference/inbox.md §3). */
    replyPauseDays?: number;
  };
  schedule?: {
    autoSend?: boolean;
    /** `--send-due` records the day's plan as a proposal; the next run sends what a clerk approved. */
    approval?: boolean;
    /** A proposal cannot be approved by the identity that proposed it (docs/reference/roles.md §5). */
    fourEyes?: boolean;
    /** Where a new proposal is listed by e-mail before it goes out: an address or several. */
    digestTo?: string | string[];
    /** A real send's as-of date is at most this many days from today (either way); dry runs take any date. */
    maxAsOfDays?: number;
  };
  /** The company's mailbox the inbox reads (docs/reference/inbox.md §1). */
  imap?: {
    host?: string;
    port?: number;
    /** TLS from the start (port 993); otherwise STARTTLS, or plain IMAP to a loopback host only. */
    secure?: boolean;
    user?: string;
    passwordCommand?: string;
    mailbox?: string;
    /** A folder each filed mail is moved to; unset: mail stays where it is. */
    moveTo?: string;
  };
  /** The copies of sent messages (docs/reference/cli.md §11.1). */
  archive?: {
    /** Days a copy is kept before `db prune-archive` removes it; unset = for ever. */
    keepDays?: number;
  };
  templatesDir?: string;
  /** A PostgreSQL ledger's per-host connection settings (the URL itself is --db or DUEDESK_DB). */
  db?: {
    /** A command whose first output line is the database password (when PGPASSWORD is unset). */
    passwordCommand?: string;
  };
}
