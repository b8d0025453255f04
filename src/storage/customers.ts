/** Customers table ⇄ Customer. */
import type { Sql } from './sql.js';
import type { Customer, IsoDate, Language } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { statementsOn } from '../core/rules/profiles.js';
import { allRows, bool, firstRow, int, intOrNull, runMany, runOnce, text, textOrNull, type Row } from './rows.js';
import { inJsonList, likeAnyCase } from './dialect.js';

const COLUMNS = `code, name, email, email2, email3, language, currency, reminders, statement_every_days,
  agent_email, hold_until, notes, profile, statements, contact_person, phone, address_line1, address_line2, postal_code,
  city, country`;

function toCustomer(row: Row): Customer {
  return {
    code: text(row, 'code'),
    name: text(row, 'name'),
    email: textOrNull(row, 'email'),
    email2: textOrNull(row, 'email2'),
    email3: textOrNull(row, 'email3'),
    language: text(row, 'language') as Language,
    currency: text(row, 'currency'),
    reminders: bool(row, 'reminders'),
    statementEveryDays: intOrNull(row, 'statement_every_days'),
    agentEmail: textOrNull(row, 'agent_email'),
    holdUntil: textOrNull(row, 'hold_until'),
    notes: text(row, 'notes'),
    profile: textOrNull(row, 'profile'),
    statements: bool(row, 'statements'),
    contactPerson: textOrNull(row, 'contact_person'),
    phone: textOrNull(row, 'phone'),
    addressLine1: textOrNull(row, 'address_line1'),
    addressLine2: textOrNull(row, 'address_line2'),
    postalCode: textOrNull(row, 'postal_code'),
    city: textOrNull(row, 'city'),
    country: textOrNull(row, 'country'),
  };
}

/** Insert or replace customers by code (inside a ledger write). */
export function upsertCustomers(sql: Sql, customers: readonly Customer[]): Promise<number> {
  return runMany(
    sql,
    `INSERT INTO customers (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, email = excluded.email, email2 = excluded.email2,
       email3 = excluded.email3, language = excluded.language, currency = excluded.currency,
       reminders = excluded.reminders, statement_every_days = excluded.statement_every_days,
       agent_email = excluded.agent_email, hold_until = excluded.hold_until, notes = excluded.notes,
       profile = excluded.profile, statements = excluded.statements, contact_person = excluded.contact_person,
       phone = excluded.phone, address_line1 = excluded.address_line1, address_line2 = excluded.address_line2,
       postal_code = excluded.postal_code, city = excluded.city, country = excluded.country`,
    customers.map((c) => [
      c.code, c.name, c.email, c.email2, c.email3, c.language, c.currency, c.reminders ? 1 : 0,
      c.statementEveryDays, c.agentEmail, c.holdUntil, c.notes, c.profile ?? null, statementsOn(c) ? 1 : 0,
      c.contactPerson ?? null, c.phone ?? null, c.addressLine1 ?? null, c.addressLine2 ?? null, c.postalCode ?? null,
      c.city ?? null, c.country ?? null,
    ]),
  );
}

/** One customer by code, or null. */
export async function getCustomer(sql: Sql, code: string): Promise<Customer | null> {
  const row = await firstRow(sql, `SELECT ${COLUMNS} FROM customers WHERE code = ?`, [code]);
  return row ? toCustomer(row) : null;
}

/** Options for listing customers (a page of a long list). */
export interface CustomerListOptions {
  /** Case-insensitive substring of code or name. */
  search?: string;
  limit?: number;
  offset?: number;
}

/** Customers ordered by code. */
export async function listCustomers(sql: Sql, options: CustomerListOptions = {}): Promise<Customer[]> {
  // Escape LIKE wildcards so a search for "10%" or "a_b" means those characters.
  const pattern = `%${(options.search ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = likeAnyCase(sql);
  // No limit is said differently: SQLite takes LIMIT -1, PostgreSQL refuses it and takes LIMIT ALL.
  const page = options.limit !== undefined ? 'LIMIT ?' : sql.dialect === 'postgres' ? 'LIMIT ALL' : 'LIMIT -1';
  const limit = options.limit === undefined ? [] : [options.limit];
  return (await allRows(
    sql,
    `SELECT ${COLUMNS} FROM customers WHERE code ${like} ? ESCAPE '\\' OR name ${like} ? ESCAPE '\\'
     ORDER BY code ${page} OFFSET ?`,
    [pattern, pattern, ...limit, options.offset ?? 0],
  )).map(toCustomer);
}

async function updateOne(sql: Sql, code: string, set: string, value: string | number | null): Promise<void> {
  const changed = await runOnce(sql, `UPDATE customers SET ${set} = ? WHERE code = ?`, [value, code]);
  if (changed === 0) throw new UserError(`unknown customer ${code}`);
}

/** Put a customer on hold until a date (null lifts the hold). */
export function setHold(sql: Sql, code: string, until: IsoDate | null): Promise<void> {
  return updateOne(sql, code, 'hold_until', until);
}

/** Turn reminders on or off for a customer. */
export function setReminders(sql: Sql, code: string, on: boolean): Promise<void> {
  return updateOne(sql, code, 'reminders', on ? 1 : 0);
}

/** Statement every N days for a customer (null = the policy default). */
export async function setStatementInterval(sql: Sql, code: string, days: number | null): Promise<void> {
  if (days !== null && (!Number.isInteger(days) || days <= 0)) {
    throw new UserError(`statement interval for ${code} must be a positive whole number of days, got ${days}`);
  }
  await updateOne(sql, code, 'statement_every_days', days);
}

/** Turn statements on or off for a customer, apart from its reminders. */
export function setStatements(sql: Sql, code: string, on: boolean): Promise<void> {
  return updateOne(sql, code, 'statements', on ? 1 : 0);
}

/** Put a customer on a dunning profile (null = `default`); the caller checks the name against the settings. */
export function setProfile(sql: Sql, code: string, profile: string | null): Promise<void> {
  return updateOne(sql, code, 'profile', profile);
}

/** How many customers name each dunning profile (customers on `default` are not counted). */
export async function customersPerProfile(sql: Sql): Promise<Map<string, number>> {
  const rows = await allRows(sql, 'SELECT profile, COUNT(*) AS customers FROM customers WHERE profile IS NOT NULL GROUP BY profile');
  return new Map(rows.map((row) => [text(row, 'profile'), int(row, 'customers')]));
}

/**
 * Each customer's change count (migration 12: it moves on every change to what the customer is
 * sent — its row, items, payments, plans, promises, disputes), for the customers in `codes`.
 */
export async function changeCountsOf(sql: Sql, codes: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (codes.length === 0) return counts;
  const rows = await sql.all(`SELECT code, change_count FROM customers WHERE code IN ${inJsonList(sql)}`, [JSON.stringify([...new Set(codes)])]);
  for (const row of rows) counts.set(String(row.code), Number(row.change_count));
  return counts;
}

/** One customer's change count now; null when the customer is gone. */
export async function changeCountOf(sql: Sql, code: string): Promise<number | null> {
  const [row] = await sql.all('SELECT change_count FROM customers WHERE code = ?', [code]);
  return row === undefined ? null : Number(row.change_count);
}
