/**
 * Validation of a whole settings object: the JSON schema (types, enums, minimums, e-mail shapes)
 * and the checks a schema cannot express (the reminder ladder, IBAN check digits, currency codes,
 * no password anywhere). Every problem names its dotted key and what was expected.
 */
import { validateLevels } from '../core/policy.js';
import { settingDefault } from '../core/settings-table.js';
import { isCurrency } from '../core/money.js';
import { ibanProblem, isValidBic } from '../core/iban.js';
import { payLinkProblem } from '../core/pay-link.js';
import { checkAddress } from '../core/recipients.js';
import type { Level } from '../core/plan.js';
import { ADDRESS_PATTERN, MAILBOX_PATTERN, type SchemaNode } from '../core/settings-schema.js';
import { settingsSchema, SETTINGS_TABLE, TABLE_KEYS } from './table.js';
import { checkSchema, type SchemaError } from './check-schema.js';
import { getPath, type JsonObject } from './keys.js';
import { levelFeeProblems } from './level-fees.js';
import { profileProblems, profileSchemaErrors } from './profiles.js';
import type { SettingsProblem } from './settings-problem.js';
import { textProblems } from './text-settings.js';

/** A key that looks like a password (smtp.password, pass) but not smtp.passwordCommand. */
const PASSWORD_KEY = /^(?:pass|password|passwd|secret)$|password$/i;

/** Why a password key is refused, and where the password goes instead (docs/reference/settings.md §4). */
export const PASSWORD_HINT =
  'passwords are never stored in the settings file; set the environment variable DUEDESK_SMTP_PASSWORD, ' +
  'or smtp.passwordCommand (a command that prints it)';

/** Where the password of `key`'s section goes instead of the settings file. */
export function passwordHint(key: string): string {
  if (!key.startsWith('db.')) return PASSWORD_HINT;
  return 'passwords are never stored in the settings file; set the environment variable PGPASSWORD, use ~/.pgpass, ' +
    'or db.passwordCommand (a command that prints it)';
}

/** True when the last part of a dotted key names a password. */
export function isPasswordKey(key: string): boolean {
  return PASSWORD_KEY.test(key.split('.').pop() ?? key);
}

/** Every problem of `value` as a settings object; empty when it is valid. */
export function validateSettings(value: unknown): SettingsProblem[] {
  const errors = checkSchema(settingsSchema, value);
  if (errors.length === 0 && typeof value === 'object' && value !== null) {
    errors.push(...profileSchemaErrors(getPath(value as JsonObject, 'policy.profiles')));
  }
  const problems = errors.map(describe);
  if (problems.length === 0 && typeof value === 'object' && value !== null) {
    problems.push(...semanticProblems(value as JsonObject));
  }
  return dedupe(problems);
}

function semanticProblems(settings: JsonObject): SettingsProblem[] {
  // Alone: the checks below quote values, and a quoted line break would split the one-line error.
  const text = textProblems(settings);
  if (text.length > 0) return text;
  const problems: SettingsProblem[] = [];
  const currency = getPath(settings, 'policy.defaultCurrency');
  // The currency a number fee is in: the setting, else the policy default.
  const feeCurrency = typeof currency === 'string' ? currency : settingDefault('policy.defaultCurrency');
  const levels = getPath(settings, 'policy.levels') as Level[] | undefined;
  if (levels !== undefined) {
    for (const message of validateLevels(levels)) problems.push({ key: 'policy.levels', message });
    problems.push(...levelFeeProblems(levels, feeCurrency));
  }
  const profiles = getPath(settings, 'policy.profiles') as Record<string, { levels?: Level[] }> | undefined;
  if (profiles !== undefined) problems.push(...profileProblems(profiles, feeCurrency));
  const iban = getPath(settings, 'company.iban');
  const ibanWrong = typeof iban === 'string' ? ibanProblem(iban) : null;
  if (ibanWrong !== null) problems.push({ key: 'company.iban', message: `"${String(iban)}" ${ibanWrong}` });
  const bic = getPath(settings, 'company.bic');
  if (typeof bic === 'string' && !isValidBic(bic)) {
    problems.push({ key: 'company.bic', message: `"${bic}" is not a BIC (8 or 11 letters and digits, like COBADEFFXXX)` });
  }
  const payUrl = getPath(settings, 'company.payUrl');
  const payUrlWrong = typeof payUrl === 'string' ? payLinkProblem(payUrl) : null;
  if (payUrlWrong !== null) problems.push({ key: 'company.payUrl', message: `"${String(payUrl)}" ${payUrlWrong}` });
  problems.push(...addressProblems(settings));
  if (typeof currency === 'string' && !isCurrency(currency)) {
    problems.push({ key: 'policy.defaultCurrency', message: `"${currency}" is not an ISO 4217 currency code` });
  }
  return problems;
}

/**
 * The keys whose schema holds addresses (the table's email, mailbox and address-list keys): single
 * ones first, then lists, each in table order, so a file's problems read in the order they always have.
 */
const ADDRESS_KEYS = addressKeys();

function addressKeys(): { key: string; mailbox: boolean }[] {
  const holding = TABLE_KEYS.map((key): { key: string; node: SchemaNode } => ({ key, node: SETTINGS_TABLE[key].schema })).filter(
    ({ node }) => node.pattern === ADDRESS_PATTERN || node.pattern === MAILBOX_PATTERN,
  );
  const ordered = [...holding.filter(({ node }) => node.items === undefined), ...holding.filter(({ node }) => node.items !== undefined)];
  return ordered.map(({ key, node }) => ({ key, mailbox: node.pattern === MAILBOX_PATTERN }));
}

// The schema's pattern only rejects what can never be an address; the addresses settings hold are
// also used for sending, so they must pass the same check sending applies (e.g. `a@b` is refused).
function addressProblems(settings: JsonObject): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const check = (key: string, value: unknown, mailbox: boolean): void => {
    if (typeof value !== 'string') return;
    const inner = mailbox ? /<([^<>]*)>\s*$/.exec(value)?.[1] ?? value : value;
    const result = checkAddress(inner);
    if (!result.ok) problems.push({ key, message: `"${value}" ${result.error}` });
  };
  for (const { key, mailbox } of ADDRESS_KEYS) {
    const value = getPath(settings, key);
    for (const entry of Array.isArray(value) ? value : [value]) check(key, entry, mailbox);
  }
  return problems;
}

/** ['policy', 'levels', 0, 'days'] → `policy.levels[0].days`. */
export function keyOf(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (key, part) => (typeof part === 'number' ? `${key}[${part}]` : key === '' ? part : `${key}.${part}`),
    '',
  );
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a JSON list',
};

function describe(error: SchemaError): SettingsProblem {
  const key = keyOf(error.path);
  const node = error.node;
  const got = shown(error.value);
  const limit = String(error.limit);
  const join = (child: string): string => (key === '' ? child : `${key}.${child}`);
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = join(error.property ?? '');
      if (isPasswordKey(extra)) return { key: extra, message: passwordHint(extra) };
      return { key: extra, message: 'is not a setting duedesk knows (see duedesk config --help)' };
    }
    case 'required':
      return { key: join(error.property ?? ''), message: 'is required' };
    case 'type': {
      const types = (Array.isArray(node.type) ? node.type : [node.type ?? '']).map((type) => TYPE_NAMES[type] ?? type);
      const expected = node.description && types.length > 1 ? expectedText(node) : types.join(' or ');
      return { key, message: `must be ${expected} (got ${got})` };
    }
    case 'enum': {
      const allowed = (node.enum ?? []).map((value) => JSON.stringify(value)).join(', ');
      return { key, message: `must be one of ${allowed} (got ${got})` };
    }
    case 'pattern':
      return { key, message: `must be ${expectedText(node)} (got ${got})` };
    case 'minLength':
      return { key, message: 'must not be empty' };
    case 'minimum':
      return { key, message: `must be at least ${limit} (got ${got})${range(node)}` };
    case 'maximum':
      return { key, message: `must be at most ${limit} (got ${got})${range(node)}` };
    case 'exclusiveMinimum':
      return { key, message: `must be greater than ${limit} (got ${got})${range(node)}` };
    case 'minItems':
      return { key, message: `needs at least ${limit} entry` };
    default: {
      const unreachable: never = error.keyword;
      return { key, message: `is invalid (${String(unreachable)})` };
    }
  }
}

/** The whole allowed range of a number with both ends, as a message ends: `; allowed: 0 to 365`. */
function range(node: SchemaNode): string {
  const low = node.minimum ?? node.exclusiveMinimum;
  if (low === undefined || node.maximum === undefined) return '';
  return `; allowed: ${node.minimum === undefined ? 'more than ' : ''}${low} to ${node.maximum}`;
}

/** The "expected" part of a description: "company e-mail: an e-mail address…" → "an e-mail address…". */
function expectedText(node: SchemaNode): string {
  const description = node.description ?? 'valid';
  const colon = description.indexOf(': ');
  return colon >= 0 ? description.slice(colon + 2) : description;
}

/** A value as the user would type it, cut short when long. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function dedupe(problems: SettingsProblem[]): SettingsProblem[] {
  const seen = new Set<string>();
  return problems.filter(({ key, message }) => {
    const id = `${key}\u0000${message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Problems as one line each: `key: message`. */
export function formatProblems(problems: readonly SettingsProblem[]): string[] {
  return problems.map(({ key, message }) => (key === '' ? message : `${key}: ${message}`));
}
