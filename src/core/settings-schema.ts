/**
 * The pieces the settings table builds each key's JSON schema from (docs/reference/settings.md §3): the node type, the
 * ranges numbers keep to, and the shapes several keys share (addresses, the reminder ladder, a
 * dunning profile). Objects refuse unknown keys so a typo is reported instead of silently ignored.
 * No default values in a node: conf would write them into the file; the table holds them apart.
 */

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
/** The pattern of a key holding one bare address (or a list of them). */
export const ADDRESS_PATTERN = `^${ADDRESS}$`;
/** The pattern of a key holding an address that may carry a name: "Acme AR <ar@example.com>". */
export const MAILBOX_PATTERN = `^(?:${ADDRESS}|[^<>]*<${ADDRESS}>)$`;

/** A bare e-mail address; `what` names it in messages. */
export const email = (what: string): SchemaNode => ({
  type: 'string',
  pattern: ADDRESS_PATTERN,
  description: `${what}: an e-mail address like ar@example.com`,
});

/** An e-mail address, optionally with a display name. */
export const mailbox = (what: string): SchemaNode => ({
  type: 'string',
  pattern: MAILBOX_PATTERN,
  description: `${what}: an e-mail address, optionally with a name: "Acme AR <ar@example.com>"`,
});

/**
 * One address or a JSON list of them (`key` names the entries in messages). `purpose` comes first,
 * before ": ", like every description: messages quote the part after it as what is expected.
 */
export const addresses = (key: string, purpose: string): SchemaNode => ({
  type: ['string', 'array'],
  pattern: ADDRESS_PATTERN,
  items: email(`${key} entry`),
  description: `${purpose}: an e-mail address or a JSON list of them`,
});

/** Text, not empty. */
export const text = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });
/** A file or directory path, not empty. */
export const path = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });
/** true or false. */
export const flag = (description: string): SchemaNode => ({ type: 'boolean', description });
/** A whole number from `minimum` to `maximum`. */
export const whole = (description: string, minimum: number, maximum: number): SchemaNode => ({ type: 'integer', minimum, maximum, description });
/** A number from `minimum` to `maximum`. */
export const decimal = (description: string, minimum: number, maximum: number): SchemaNode => ({ type: 'number', minimum, maximum, description });

/** A group of keys that refuses keys it does not name. */
export const object = (properties: Record<string, SchemaNode>, description: string): SchemaNode => ({
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

/** What a statement lists (the policy's and a profile's). */
export const scope = { type: 'string', enum: ['overdue', 'all-open'], description: 'what a statement lists' } as const satisfies SchemaNode;
/** The statement interval (the policy's and a profile's). */
export const statementEveryDays = whole('send a statement every N days', 1, MAX_DAYS);
/** How an item climbs the ladder (the policy's and a profile's). */
export const escalation = {
  type: 'string',
  enum: ['days', 'stepwise'],
  description: 'how an overdue item climbs the ladder: days (the level its days overdue reach) or stepwise (one level per reminder sent)',
} as const satisfies SchemaNode;
/** The reminder ladder (the policy's and a profile's). */
export const levels: SchemaNode = { type: 'array', minItems: 1, items: levelSchema, description: 'the reminder ladder: a JSON list of levels' };

/** One dunning profile (`policy.profiles.NAME`); an absent key is taken from the top-level policy. */
export const profileSchema: SchemaNode = object(
  { levels, statementEveryDays, scope, escalation },
  'a profile: {"levels":[...],"statementEveryDays":N,"scope":"overdue"|"all-open","escalation":"days"|"stepwise"}, each key optional',
);
