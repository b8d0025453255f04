/**
 * The JSON schema of the settings file (SPEC §8, every key). Objects refuse unknown keys so a typo
 * is reported instead of silently ignored. No default values here: conf would write them into the
 * file; defaults live with the code that reads each key (resolvePolicy, settingDefault).
 */
import { LANGUAGES } from '../core/domain.js';
import { DEFAULT_MAX_AS_OF_DAYS } from '../core/send-as-of.js';

/** A JSON schema node (the subset duedesk uses). `description` doubles as the "expected" text. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  required?: string[];
  items?: SchemaNode;
  enum?: readonly (string | number | boolean)[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
}

/**
 * Every number has a range the engine can use: day counts are added to as-of dates (ten years
 * either way keeps the result a date), amounts become exact minor units (10^11 major units with up
 * to four decimals is still an exact integer), and a value outside its range once turned every
 * later run into "internal error: Invalid time value".
 */
export const MAX_DAYS = 3650;
/** Largest amount in major units (fees, policy.minAmount). */
export const MAX_AMOUNT = 100_000_000_000;
/** Longest grace after a promised date (a promise is at most a few years ahead, see collections/promises.ts). */
export const MAX_PROMISE_GRACE_DAYS = 365;

/** A bare e-mail address: something@domain, no spaces or brackets. */
const ADDRESS = `[^\\s@<>(),;:"]+@[^\\s@<>(),;:".][^\\s@<>(),;:"]*`;

const email = (what: string): SchemaNode => ({
  type: 'string',
  pattern: `^${ADDRESS}$`,
  description: `${what}: an e-mail address like ar@example.com`,
});

const mailbox = (what: string): SchemaNode => ({
  type: 'string',
  pattern: `^(?:${ADDRESS}|[^<>]*<${ADDRESS}>)$`,
  description: `${what}: an e-mail address, optionally with a name: "Acme AR <ar@example.com>"`,
});

/**
 * One address or a JSON list of them (`key` names the entries in messages). `purpose` comes first,
 * before ": ", like every description: messages quote the part after it as what is expected.
 */
const addresses = (key: string, purpose: string): SchemaNode => ({
  type: ['string', 'array'],
  pattern: `^${ADDRESS}$`,
  items: email(`${key} entry`),
  description: `${purpose}: an e-mail address or a JSON list of them`,
});

const text = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });
const path = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });
const flag = (description: string): SchemaNode => ({ type: 'boolean', description });
const whole = (description: string, minimum: number, maximum: number): SchemaNode => ({ type: 'integer', minimum, maximum, description });
const decimal = (description: string, minimum: number, maximum: number): SchemaNode => ({ type: 'number', minimum, maximum, description });

const object = (properties: Record<string, SchemaNode>, description: string): SchemaNode => ({
  type: 'object',
  additionalProperties: false,
  properties,
  description,
});

/** One rung of the reminder ladder (core/plan.ts Level). */
export const levelSchema: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'days', 'template'],
  description: 'a level: {"id","name","days","template"} and optionally repeatEveryDays, maxRepeats, fee, letter, ccAgent, attachInvoices',
  properties: {
    id: text('level id, e.g. "first"'),
    name: text('level name shown to the operator'),
    days: whole('days relative to the due date (negative = before it)', -MAX_DAYS, MAX_DAYS),
    template: text('template name in templates/<lang>/'),
    repeatEveryDays: whole('repeat every N days (last level only)', 1, MAX_DAYS),
    // A map's currencies and amounts are checked by level-fees.ts (the schema subset has no maps).
    fee: {
      type: ['number', 'object'],
      minimum: 0,
      maximum: MAX_AMOUNT,
      description: 'fee: a number in major units (in policy.defaultCurrency) or one per currency like {"EUR":5,"GBP":4.5}',
    },
    maxRepeats: whole('with repeatEveryDays: repeats after the first message, then the item is handed over', 0, 1000),
    letter: flag('also produce a printable letter'),
    ccAgent: flag("CC the customer's sales agent"),
    attachInvoices: flag('attach invoice PDFs from mail.invoiceDir'),
  },
};

const scope = { type: 'string', enum: ['overdue', 'all-open'], description: 'what a statement lists' } as const satisfies SchemaNode;
const statementEveryDays = whole('send a statement every N days', 1, MAX_DAYS);
const escalation = {
  type: 'string',
  enum: ['days', 'stepwise'],
  description: 'how an overdue item climbs the ladder: days (the level its days overdue reach) or stepwise (one level per reminder sent)',
} as const satisfies SchemaNode;
const levels: SchemaNode = { type: 'array', minItems: 1, items: levelSchema, description: 'the reminder ladder: a JSON list of levels' };

/** One dunning profile (`policy.profiles.NAME`); an absent key is taken from the top-level policy. */
export const profileSchema: SchemaNode = object(
  { levels, statementEveryDays, scope, escalation },
  'a profile: {"levels":[...],"statementEveryDays":N,"scope":"overdue"|"all-open","escalation":"days"|"stepwise"}, each key optional',
);

/** Top-level properties of the settings file, in the shape conf's `schema` option takes. */
export const settingsProperties: Record<string, SchemaNode> = {
  company: object(
    {
      name: text('company name'),
      address: text('postal address (use \\n between lines)'),
      vatId: text('VAT id'),
      email: email('company e-mail'),
      phone: text('phone number'),
      // IBAN and BIC are checked in full (country length, check digits) by validate.ts.
      iban: text('IBAN for the SEPA payment details, e.g. DE89 3704 0044 0532 0130 00'),
      bic: text('BIC of the bank, e.g. COBADEFFXXX'),
      logo: path('path of a PNG or JPEG logo'),
    },
    'company details for the statement header',
  ),
  operator: text('operator name recorded with each message'),
  mail: object(
    {
      transport: { type: 'string', enum: ['outbox', 'smtp'], description: 'mail transport' },
      outboxDir: path('directory the outbox transport writes .eml files to'),
      printDir: path('directory letters are written to'),
      invoiceDir: path('directory holding <item number>.pdf invoices'),
      bcc: addresses('mail.bcc', 'BCC on every message'),
      recipients: { type: 'string', enum: ['primary', 'all'], description: 'which customer addresses get mail' },
    },
    'mail settings',
  ),
  smtp: object(
    {
      host: { type: 'string', pattern: '^[^\\s/:]+$', description: 'a host name like smtp.example.com' },
      port: { type: 'integer', minimum: 1, maximum: 65535, description: 'TCP port' },
      secure: flag('TLS from the start (port 465) instead of STARTTLS'),
      user: text('SMTP user name'),
      passwordCommand: text('a command whose first output line is the SMTP password'),
      from: mailbox('From address'),
      replyTo: mailbox('Reply-To address (unset: company.email)'),
      maxConnections: whole('pooled SMTP connections', 1, 100),
      // Below 0.001 the wait between two messages (1000 s) would pass what a timer can wait.
      rateLimit: decimal('messages per second at most', 0.001, 1000),
      maxPerDay: whole('messages per calendar day at most, across runs (the rest stay due for tomorrow)', 1, 1_000_000),
    },
    'SMTP account',
  ),
  policy: object(
    {
      scope,
      escalation,
      grouping: { type: 'string', enum: ['customer', 'item'], description: 'one message per customer or per item' },
      minAmount: decimal('minimum message total in major units', 0, MAX_AMOUNT),
      defaultLanguage: { type: 'string', enum: LANGUAGES, description: 'language for customers without one' },
      defaultCurrency: {
        type: 'string',
        pattern: '^[A-Z]{3}$',
        description: 'an ISO 4217 currency code like EUR',
      },
      statementEveryDays,
      statementKind: {
        type: 'string',
        enum: ['open-items', 'activity'],
        description: 'what a statement shows: open-items, or activity (opening balance, documents and payments, closing balance)',
      },
      interestRatePercent: decimal('yearly simple interest rate in percent', 0, 100),
      levels,
      // A map by profile name: each value is checked against profileSchema by profiles.ts.
      profiles: {
        type: 'object',
        description: 'dunning profiles by name: {"NAME":{"levels":[...],"statementEveryDays":N,"scope":"all-open"}}; policy.levels is the profile "default"',
      },
      installments: object(
        {
          enabled: flag('send installment notices'),
          // An installment is judged within its own month: a longer grace would never let one count as missed.
          graceDays: whole('days after the installment date before it counts as missed', 0, 30),
        },
        'installment notices',
      ),
      promiseGraceDays: whole('days after a promised date before an unkept promise to pay counts as broken', 0, MAX_PROMISE_GRACE_DAYS),
    },
    'reminder policy',
  ),
  schedule: object(
    {
      autoSend: flag('false: --send-due sends nothing'),
      approval: flag('true: --send-due records a proposal; the next run sends the lines a clerk approved'),
      digestTo: addresses('schedule.digestTo', 'where a new proposal is listed'),
      maxAsOfDays: whole(
        `a real send's --as-of is at most N days from today, either way (dry runs take any date; default ${DEFAULT_MAX_AS_OF_DAYS})`,
        0,
        365,
      ),
    },
    'scheduled runs',
  ),
  templatesDir: path('directory whose template files override the shipped ones'),
  db: object(
    { passwordCommand: text('a command whose first output line is the PostgreSQL password (when PGPASSWORD is unset)') },
    'PostgreSQL ledger connection',
  ),
};

/** The whole settings file as one schema. */
export const settingsSchema: SchemaNode = object(settingsProperties, 'the settings');
