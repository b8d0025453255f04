/**
 * Every setting in one table: its JSON schema (type, range, and the help text `config --help`
 * shows), its default, where it lives (each host's settings file, or a shared ledger for every
 * host) and whether the TUI's Settings screen edits it. The validation schema, the defaults the
 * engine and `config get` use, the key lists, the shared keys and the TUI's list are all read
 * from here. It sits in core, beside the Settings type it is checked against, because the engine
 * (resolvePolicy, the as-of limit) reads its defaults and core imports nothing above it.
 *
 * Adding a setting: a field in the Settings type (core/settings.ts) and a row here; the compiler
 * refuses the build until both name the same keys and the default has the field's type.
 */
import { LANGUAGES } from './domain.js';
import type { Level } from './plan.js';
import { LETTER_WINDOWS, type Settings } from './settings.js';
import {
  addresses,
  decimal,
  email,
  escalation,
  flag,
  levels,
  mailbox,
  MAX_AMOUNT,
  MAX_DAYS,
  MAX_PROMISE_GRACE_DAYS,
  path,
  scope,
  statementEveryDays,
  text,
  whole,
  type SchemaNode,
} from './settings-schema.js';

/** Where a key lives on a shared (PostgreSQL) ledger: the ledger for every host, or each host's own file. */
export type SettingHome = 'shared' | 'host';

/** One row of the table: everything duedesk knows about one key. */
export interface SettingRow<Value> {
  /** Type and range; its `description` is the key's help text and names what is expected. */
  schema: SchemaNode;
  /** The value in effect while the key is unset; absent where unset means none (no cap, no file, off). */
  default?: Readonly<Value>;
  /** Shared: what must agree wherever a message is planned or sent. Host: connections, paths, who works here. */
  home: SettingHome;
  /** Shown and edited on the TUI's Settings screen, in table order. */
  tui?: true;
  /** Text whose lines are separated by line feeds; any other string setting is one line. */
  multiline?: true;
}

/** The default ladder: upcoming −7, first 7, second 21, final 45 repeating every 30. */
const DEFAULT_LADDER: readonly Readonly<Level>[] = Object.freeze([
  Object.freeze({ id: 'upcoming', name: 'Upcoming payment', days: -7, template: 'upcoming' }),
  Object.freeze({ id: 'first', name: 'First reminder', days: 7, template: 'first' }),
  Object.freeze({ id: 'second', name: 'Second reminder', days: 21, template: 'second' }),
  Object.freeze({ id: 'final', name: 'Final notice', days: 45, template: 'final', repeatEveryDays: 30 }),
]);

/** `schedule.maxAsOfDays` when it is unset: a week either way covers a missed weekend's replay. */
const DEFAULT_MAX_AS_OF_DAYS = 7;

/** Every key, in the order `config --help`, `config list` and the TUI show them. */
export const SETTINGS_TABLE = {
  'company.name': { schema: text('company name'), home: 'shared', tui: true },
  'company.address': { schema: text('postal address (use \\n between lines)'), home: 'shared', tui: true, multiline: true },
  'company.vatId': { schema: text('VAT id'), home: 'shared', tui: true },
  'company.email': { schema: email('company e-mail'), home: 'shared', tui: true },
  'company.phone': { schema: text('phone number'), home: 'shared', tui: true },
  // IBAN and BIC are checked in full (country length, check digits) by settings/validate.ts.
  'company.iban': { schema: text('IBAN for the SEPA payment details, e.g. DE89 3704 0044 0532 0130 00'), home: 'shared', tui: true },
  'company.bic': { schema: text('BIC of the bank, e.g. COBADEFFXXX'), home: 'shared', tui: true },
  // https only, a fixed host and the four placeholders: checked by settings/validate.ts.
  'company.payUrl': {
    schema: text('pay link printed in every message that asks for money: an https:// URL with {{amount}} {{currency}} {{reference}} {{customer}}'),
    home: 'shared',
    tui: true,
  },
  // A path on this host's disk, though the rest of the company details are shared.
  'company.logo': { schema: path('path of a PNG or JPEG logo'), home: 'host' },
  'company.country': {
    schema: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code like DE (customers without a country live here)' },
    home: 'shared',
    tui: true,
  },
  'letters.window': {
    schema: { type: 'string', enum: LETTER_WINDOWS, description: 'envelope window letters are laid out for: din5008-b, din5008-a or right' },
    default: 'din5008-b',
    home: 'shared',
    tui: true,
  },
  operator: { schema: text('display name recorded beside the login identity with each message and change'), home: 'host', tui: true },
  'mail.transport': {
    schema: { type: 'string', enum: ['outbox', 'smtp'], description: 'mail transport' },
    default: 'outbox',
    home: 'host',
    tui: true,
  },
  'mail.outboxDir': { schema: path('directory the outbox transport writes .eml files to'), home: 'host', tui: true },
  'mail.printDir': { schema: path('directory letters are written to'), home: 'host' },
  'mail.invoiceDir': { schema: path('directory holding <item number>.pdf invoices'), home: 'host' },
  'mail.bcc': { schema: addresses('mail.bcc', 'BCC on every message'), home: 'shared' },
  'mail.recipients': {
    schema: { type: 'string', enum: ['primary', 'all'], description: 'which customer addresses get mail' },
    default: 'primary',
    home: 'shared',
  },
  'smtp.host': { schema: { type: 'string', pattern: '^[^\\s/:]+$', description: 'a host name like smtp.example.com' }, home: 'host', tui: true },
  'smtp.port': { schema: { type: 'integer', minimum: 1, maximum: 65535, description: 'TCP port' }, home: 'host', tui: true },
  'smtp.secure': { schema: flag('TLS from the start (port 465) instead of STARTTLS'), home: 'host', tui: true },
  'smtp.user': { schema: text('SMTP user name'), home: 'host', tui: true },
  'smtp.passwordCommand': { schema: text('a command whose first output line is the SMTP password'), home: 'host' },
  'smtp.from': { schema: mailbox('From address'), home: 'host', tui: true },
  'smtp.replyTo': { schema: mailbox('Reply-To address (unset: company.email)'), home: 'host', tui: true },
  'smtp.maxConnections': { schema: whole('pooled SMTP connections', 1, 100), home: 'host' },
  // Below 0.001 the wait between two messages (1000 s) would pass what a timer can wait.
  'smtp.rateLimit': { schema: decimal('messages per second at most', 0.001, 1000), home: 'host' },
  'smtp.maxPerDay': {
    schema: whole('messages per calendar day at most, across runs (the rest stay due for tomorrow)', 1, 1_000_000),
    home: 'host',
  },
  'policy.scope': { schema: scope, default: 'overdue', home: 'shared' },
  'policy.escalation': { schema: escalation, default: 'days', home: 'shared' },
  'policy.grouping': {
    schema: { type: 'string', enum: ['customer', 'item'], description: 'one message per customer or per item' },
    default: 'customer',
    home: 'shared',
  },
  'policy.minAmount': { schema: decimal('minimum message total in major units', 0, MAX_AMOUNT), default: 0, home: 'shared' },
  'policy.defaultLanguage': {
    schema: { type: 'string', enum: LANGUAGES, description: 'language for customers without one' },
    default: 'en',
    home: 'shared',
  },
  'policy.defaultCurrency': {
    schema: { type: 'string', pattern: '^[A-Z]{3}$', description: 'an ISO 4217 currency code like EUR' },
    default: 'EUR',
    home: 'shared',
  },
  'policy.statementEveryDays': { schema: statementEveryDays, home: 'shared' },
  'policy.statementKind': {
    schema: {
      type: 'string',
      enum: ['open-items', 'activity'],
      description: 'what a statement shows: open-items, or activity (opening balance, documents and payments, closing balance)',
    },
    default: 'open-items',
    home: 'shared',
  },
  'policy.interestRatePercent': { schema: decimal('yearly simple interest rate in percent', 0, 100), home: 'shared' },
  'policy.levels': { schema: levels, default: DEFAULT_LADDER, home: 'shared' },
  // A map by profile name: each value is checked against profileSchema by settings/profiles.ts.
  'policy.profiles': {
    schema: {
      type: 'object',
      description: 'dunning profiles by name: {"NAME":{"levels":[...],"statementEveryDays":N,"scope":"all-open"}}; policy.levels is the profile "default"',
    },
    home: 'shared',
  },
  'policy.installments.enabled': { schema: flag('send installment notices'), default: true, home: 'shared' },
  // An installment is judged within its own month: a longer grace would never let one count as missed.
  'policy.installments.graceDays': {
    schema: whole('days after the installment date before it counts as missed', 0, 30),
    default: 0,
    home: 'shared',
  },
  'policy.promiseGraceDays': {
    schema: whole('days after a promised date before an unkept promise to pay counts as broken', 0, MAX_PROMISE_GRACE_DAYS),
    default: 0,
    home: 'shared',
  },
  'policy.replyPauseDays': {
    schema: whole("days a customer's reply pauses its reminders when no clerk has handled it", 0, MAX_DAYS),
    default: 7,
    home: 'shared',
  },
  'imap.host': { schema: { type: 'string', pattern: '^[^\\s/:]+$', description: 'the IMAP server, a host name like imap.example.com' }, home: 'host' },
  'imap.port': { schema: { type: 'integer', minimum: 1, maximum: 65535, description: 'IMAP port (default 993 with imap.secure, else 143)' }, home: 'host' },
  'imap.secure': { schema: flag('TLS from the start (port 993); false: STARTTLS, or plain IMAP to a loopback host only'), default: true, home: 'host' },
  'imap.user': { schema: text('IMAP user name'), home: 'host' },
  'imap.passwordCommand': { schema: text('a command whose first output line is the IMAP password'), home: 'host' },
  'imap.mailbox': { schema: text('the mailbox (folder) the inbox reads'), default: 'INBOX', home: 'host' },
  'imap.moveTo': { schema: text('a folder each filed mail is moved to (unset: mail stays where it is)'), home: 'host' },
  'schedule.autoSend': { schema: flag('false: --send-due sends nothing'), default: true, home: 'shared' },
  // A firm's approval rule cannot differ by the host that happens to run the send.
  'schedule.approval': {
    schema: flag('true: --send-due records a proposal; the next run sends the lines a clerk approved'),
    home: 'shared',
  },
  // Four eyes is checked in the approving statement itself (docs/reference/roles.md §5).
  'schedule.fourEyes': {
    schema: flag('true: a proposal cannot be approved by the identity that proposed it'),
    home: 'shared',
  },
  'schedule.digestTo': { schema: addresses('schedule.digestTo', 'where a new proposal is listed'), home: 'shared' },
  'schedule.maxAsOfDays': {
    schema: whole(
      `a real send's --as-of is at most N days from today, either way (dry runs take any date; default ${DEFAULT_MAX_AS_OF_DAYS})`,
      0,
      365,
    ),
    default: DEFAULT_MAX_AS_OF_DAYS,
    home: 'shared',
  },
  // Shared: on a shared ledger the copies are shared too, and one host's retention is every host's.
  'archive.keepDays': {
    schema: whole('days the archived copy of a sent message is kept; db prune-archive removes older ones (unset: kept for ever)', 1, 36_500),
    home: 'shared',
  },
  templatesDir: { schema: path('directory whose template files override the shipped ones'), home: 'host' },
  'db.passwordCommand': {
    schema: text('a command whose first output line is the PostgreSQL password (when PGPASSWORD is unset)'),
    home: 'host',
  },
} satisfies { readonly [Key in SettingKey]: SettingRow<SettingValue<Key>> };

/** The description of each group of keys, as its JSON object in the schema carries it. */
export const SETTING_GROUPS = {
  company: 'company details for the statement header',
  letters: 'printed letters',
  mail: 'mail settings',
  smtp: 'SMTP account',
  policy: 'reminder policy',
  'policy.installments': 'installment notices',
  schedule: 'scheduled runs',
  db: 'PostgreSQL ledger connection',
  archive: 'the archive of sent messages',
  imap: 'the company mailbox the inbox reads',
} satisfies { readonly [Key in SettingGroup]: string };

/** Every key of the table, in its order. */
export const TABLE_KEYS = Object.keys(SETTINGS_TABLE) as SettingKey[];

/** The row of a key, or undefined when `key` names no setting (or a group of them). */
export function settingRow(key: string): SettingRow<unknown> | undefined {
  return Object.hasOwn(SETTINGS_TABLE, key) ? (SETTINGS_TABLE as Record<string, SettingRow<unknown>>)[key] : undefined;
}

/** The default of a key that has one (the compiler refuses a key without). */
export function settingDefault<Key extends DefaultedKey>(key: Key): DefaultOf<Key> {
  return (SETTINGS_TABLE[key] as SettingRow<unknown>).default as DefaultOf<Key>;
}

/** The keys whose row has a default. */
export type DefaultedKey = { [Key in SettingKey]: (typeof SETTINGS_TABLE)[Key] extends { default: unknown } ? Key : never }[SettingKey];

/** The type of a key's default, as the table declares it. */
export type DefaultOf<Key extends DefaultedKey> = (typeof SETTINGS_TABLE)[Key] extends { default: infer Value } ? Value : never;

/** Every leaf key of the Settings type, dotted: `smtp.host`, `policy.installments.graceDays`. */
export type SettingKey = LeafKeys<Settings>;

/** Every group of keys, dotted: `smtp`, `policy.installments`. */
export type SettingGroup = GroupKeys<Settings>;

/** The type a dotted key holds. */
export type SettingValue<Key extends string> = ValueAt<Settings, Key>;

// A field is a group of keys when it is an object with named fields; a list or a map by name
// (`policy.profiles`) is one value, set whole.
type Group<T> = NonNullable<T> extends readonly unknown[]
  ? never
  : NonNullable<T> extends object
    ? string extends keyof NonNullable<T>
      ? never
      : NonNullable<T>
    : never;

type LeafKeys<T, Prefix extends string = ''> = {
  [Key in keyof T & string]-?: [Group<T[Key]>] extends [never] ? `${Prefix}${Key}` : LeafKeys<Group<T[Key]>, `${Prefix}${Key}.`>;
}[keyof T & string];

type GroupKeys<T, Prefix extends string = ''> = {
  [Key in keyof T & string]-?: [Group<T[Key]>] extends [never]
    ? never
    : `${Prefix}${Key}` | GroupKeys<Group<T[Key]>, `${Prefix}${Key}.`>;
}[keyof T & string];

type ValueAt<T, Key extends string> = Key extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<NonNullable<T[Head]>, Rest>
    : never
  : Key extends keyof T
    ? NonNullable<T[Key]>
    : never;
