/**
 * The filters of docs/reference/tui.md §3 (pure): level, due-date and issue-date ranges, days
 * overdue, minimum total, language, has e-mail, include not yet due. The operator types text;
 * `compileFilters` turns it into a predicate or names every field it cannot read.
 */
import { isIsoDate } from '../core/dates.js';
import { currencyDigits } from '../core/money.js';
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import type { CustomerRow } from './services.js';
import { messageFacts } from './message-facts.js';

/** The filter fields as the operator typed them (empty = no filter). */
export interface FilterText {
  level: string;
  dueFrom: string;
  dueTo: string;
  issueFrom: string;
  issueTo: string;
  minDaysOverdue: string;
  minTotal: string;
  language: string;
  hasEmail: string;
  includeNotYetDue: string;
}

/** One field of the filter form. */
export interface FilterField {
  key: keyof FilterText;
  label: string;
  hint: string;
}

/** The filter form fields in display order. */
export const FILTER_FIELDS: readonly FilterField[] = [
  { key: 'level', label: 'Level / kind', hint: 'level id, statement or installment' },
  { key: 'dueFrom', label: 'Due from', hint: 'YYYY-MM-DD' },
  { key: 'dueTo', label: 'Due to', hint: 'YYYY-MM-DD' },
  { key: 'issueFrom', label: 'Issued from', hint: 'YYYY-MM-DD' },
  { key: 'issueTo', label: 'Issued to', hint: 'YYYY-MM-DD' },
  { key: 'minDaysOverdue', label: 'Days overdue ≥', hint: 'whole days' },
  { key: 'minTotal', label: 'Minimum total', hint: 'major units, e.g. 100' },
  { key: 'language', label: 'Language', hint: 'en, it, el, bg, pt' },
  { key: 'hasEmail', label: 'Has e-mail', hint: 'yes / no' },
  { key: 'includeNotYetDue', label: 'Include not yet due', hint: 'yes / no' },
];

/** No filter at all. */
export const NO_FILTERS: FilterText = {
  level: '',
  dueFrom: '',
  dueTo: '',
  issueFrom: '',
  issueTo: '',
  minDaysOverdue: '',
  minTotal: '',
  language: '',
  hasEmail: '',
  includeNotYetDue: '',
};

/** Compiled filters: parsed values, null where the field is empty. */
export interface Filters {
  level: string | null;
  dueFrom: IsoDate | null;
  dueTo: IsoDate | null;
  issueFrom: IsoDate | null;
  issueTo: IsoDate | null;
  minDaysOverdue: number | null;
  /** In major units; compared with totals in each currency's major units. */
  minTotal: number | null;
  language: string | null;
  hasEmail: boolean | null;
  includeNotYetDue: boolean;
}

/** Either compiled filters or the problems, one per field ("Due from: ... is not a date"). */
export type CompileResult = { ok: true; filters: Filters } | { ok: false; errors: string[] };

function yesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (['y', 'yes', 'true', '1', 'on'].includes(t)) return true;
  if (['n', 'no', 'false', '0', 'off'].includes(t)) return false;
  return undefined;
}

/**
 * Parse the typed filters; every unreadable field is reported by its label. With `levels` (the
 * policy's level ids and the kinds), a level that is none of them is refused rather than
 * silently matching nothing.
 */
export function compileFilters(text: FilterText, levels?: readonly string[]): CompileResult {
  const errors: string[] = [];
  const level = text.level.trim().toLowerCase();
  if (level !== '' && levels && !levels.includes(level)) errors.push(`Level / kind: "${text.level.trim()}" is not a level (one of ${levels.join(', ')})`);
  const label = (key: keyof FilterText): string => FILTER_FIELDS.find((f) => f.key === key)?.label ?? key;
  const date = (key: keyof FilterText): IsoDate | null => {
    const value = text[key].trim();
    if (value === '') return null;
    if (!isIsoDate(value)) errors.push(`${label(key)}: "${value}" is not a date (YYYY-MM-DD)`);
    return value;
  };
  const number = (key: keyof FilterText, integer: boolean): number | null => {
    const value = text[key].trim();
    if (value === '') return null;
    const n = Number(value);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      errors.push(`${label(key)}: "${value}" is not ${integer ? 'a whole number' : 'a number'}`);
      return null;
    }
    return n;
  };
  const flag = (key: keyof FilterText): boolean | null => {
    const value = yesNo(text[key]);
    if (value === undefined) {
      errors.push(`${label(key)}: "${text[key].trim()}" is not yes or no`);
      return null;
    }
    return value;
  };
  const filters: Filters = {
    level: level === '' ? null : level,
    dueFrom: date('dueFrom'),
    dueTo: date('dueTo'),
    issueFrom: date('issueFrom'),
    issueTo: date('issueTo'),
    minDaysOverdue: number('minDaysOverdue', true),
    minTotal: number('minTotal', false),
    language: text.language.trim() === '' ? null : text.language.trim().toLowerCase(),
    hasEmail: flag('hasEmail'),
    includeNotYetDue: flag('includeNotYetDue') ?? true,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, filters };
}

/** True when no filter is active (the default). */
export function isUnfiltered(filters: Filters): boolean {
  return (
    filters.level === null &&
    filters.dueFrom === null &&
    filters.dueTo === null &&
    filters.issueFrom === null &&
    filters.issueTo === null &&
    filters.minDaysOverdue === null &&
    filters.minTotal === null &&
    filters.language === null &&
    filters.hasEmail === null &&
    filters.includeNotYetDue
  );
}

function inRange(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}

/** Whether a planned message passes the filters. */
export function messagePasses(message: PlannedMessage, filters: Filters): boolean {
  const facts = messageFacts(message);
  if (filters.level !== null && (message.level ?? message.kind) !== filters.level) return false;
  if (filters.dueFrom !== null || filters.dueTo !== null) {
    if (!message.lines.some((l) => inRange(l.item.dueDate, filters.dueFrom, filters.dueTo))) return false;
  }
  if (filters.issueFrom !== null || filters.issueTo !== null) {
    if (!message.lines.some((l) => inRange(l.item.issueDate, filters.issueFrom, filters.issueTo))) return false;
  }
  if (filters.minDaysOverdue !== null && (facts.oldestDaysOverdue ?? -Infinity) < filters.minDaysOverdue) return false;
  if (filters.minTotal !== null && facts.totalMajor < filters.minTotal) return false;
  if (filters.language !== null && message.customer.language !== filters.language) return false;
  if (filters.hasEmail !== null && (message.to.length > 0) !== filters.hasEmail) return false;
  if (!filters.includeNotYetDue && (facts.oldestDaysOverdue ?? 0) <= 0) return false;
  return true;
}

// minTotal is typed in major units, so each open total is compared in its own currency's major units.
const majorOf = (currency: string, amount: number): number => amount / 10 ** currencyDigits(currency);

/** Whether a customer row passes the filters (fields about items and levels do not apply). */
export function customerPasses(row: CustomerRow, filters: Filters): boolean {
  if (filters.minDaysOverdue !== null && (row.oldestDaysOverdue ?? -Infinity) < filters.minDaysOverdue) return false;
  if (filters.minTotal !== null && !row.open.some((o) => majorOf(o.currency, o.amount) >= (filters.minTotal ?? 0))) return false;
  if (filters.language !== null && row.language !== filters.language) return false;
  if (filters.hasEmail !== null && (row.emails.length > 0) !== filters.hasEmail) return false;
  if (!filters.includeNotYetDue && row.oldestDaysOverdue === null) return false;
  return true;
}

/** The compiled form of NO_FILTERS. */
export const DEFAULT_FILTERS: Filters = {
  level: null,
  dueFrom: null,
  dueTo: null,
  issueFrom: null,
  issueTo: null,
  minDaysOverdue: null,
  minTotal: null,
  language: null,
  hasEmail: null,
  includeNotYetDue: true,
};

/** A short description of the active filters for a header line ('' when none). */
export function describeFilters(text: FilterText): string {
  return FILTER_FIELDS.filter((f) => text[f.key].trim() !== '')
    .map((f) => `${f.label} ${text[f.key].trim()}`)
    .join(', ');
}
