/**
 * The bank statements' tables (docs/reference/bank.md §3): credits read, by the bank's reference,
 * and the debtor IBANs remembered for their customers; and the lookups a statement import needs
 * to match its credits (customers, the items its texts name).
 */
import type { BankCredit } from '../core/bank/credit.js';
import type { BookCustomer, BookItem } from '../core/bank/match.js';
import type { IsoDate } from '../core/domain.js';
import { inJsonList, likeAnyCase } from './dialect.js';
import { allRows, firstRow, int, runMany, runOnce, text, textOrNull, type Row } from './rows.js';
import type { Sql } from './sql.js';

/** What became of a credit. */
export type BankCreditState = 'matched' | 'unmatched' | 'reversed';

/** A credit as recorded. */
export interface StoredCredit extends BankCredit {
  state: BankCreditState;
  customerCode: string | null;
  /** How many payments it became (references REF, REF/2, …). */
  parts: number;
}

const COLUMNS = 'reference, date, amount, currency, debtor, iban, creditor_ref, text, end_to_end, state, customer_code, parts';

function toCredit(row: Row): StoredCredit {
  return {
    ref: text(row, 'reference'),
    date: text(row, 'date'),
    amount: int(row, 'amount'),
    currency: text(row, 'currency'),
    debtor: text(row, 'debtor'),
    iban: textOrNull(row, 'iban'),
    creditorRef: textOrNull(row, 'creditor_ref'),
    text: text(row, 'text'),
    endToEndId: textOrNull(row, 'end_to_end'),
    state: text(row, 'state') as BankCreditState,
    customerCode: textOrNull(row, 'customer_code'),
    parts: int(row, 'parts'),
  };
}

/** Record credits (inside a ledger write); a reference already recorded is updated. */
export function recordCredits(sql: Sql, credits: readonly StoredCredit[]): Promise<number> {
  return runMany(
    sql,
    `INSERT INTO bank_credits (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(reference) DO UPDATE SET state = excluded.state, customer_code = excluded.customer_code, parts = excluded.parts`,
    credits.map((c) => [c.ref, c.date, c.amount, c.currency, c.debtor, c.iban, c.creditorRef, c.text, c.endToEndId, c.state, c.customerCode, c.parts]),
  );
}

/** The recorded credits with these references or end-to-end ids (one query each). */
export async function recordedCredits(sql: Sql, refs: readonly string[], endToEndIds: readonly string[]): Promise<StoredCredit[]> {
  const byRef = await allRows(sql, `SELECT ${COLUMNS} FROM bank_credits WHERE reference IN ${inJsonList(sql)}`, [JSON.stringify(refs)]);
  const byEndToEnd = endToEndIds.length === 0 ? [] : await allRows(sql, `SELECT ${COLUMNS} FROM bank_credits WHERE end_to_end IN ${inJsonList(sql)}`, [JSON.stringify(endToEndIds)]);
  return [...byRef, ...byEndToEnd].map(toCredit);
}

/** One recorded credit, or null. */
export async function recordedCredit(sql: Sql, ref: string): Promise<StoredCredit | null> {
  const row = await firstRow(sql, `SELECT ${COLUMNS} FROM bank_credits WHERE reference = ?`, [ref]);
  return row === null ? null : toCredit(row);
}

/** Credits waiting for a clerk, oldest first. */
export async function unmatchedCredits(sql: Sql): Promise<StoredCredit[]> {
  return (await allRows(sql, `SELECT ${COLUMNS} FROM bank_credits WHERE state = 'unmatched' ORDER BY date, reference`)).map(toCredit);
}

/** Credits not reversed with this amount and currency (candidates for a reversal that names no reference), newest first. */
export async function reversibleCredits(sql: Sql, amount: number, currency: string): Promise<StoredCredit[]> {
  return (await allRows(
    sql,
    `SELECT ${COLUMNS} FROM bank_credits WHERE amount = ? AND currency = ? AND state <> 'reversed' ORDER BY date DESC, reference DESC`,
    [amount, currency],
  )).map(toCredit);
}

/** Every remembered debtor IBAN → customer code. */
export async function rememberedIbans(sql: Sql): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const row of await allRows(sql, 'SELECT iban, customer_code FROM bank_debtors')) found.set(text(row, 'iban'), text(row, 'customer_code'));
  return found;
}

/** Remember debtor IBANs for their customers (a later confirmation replaces an earlier one). */
export function rememberIbans(sql: Sql, pairs: readonly { iban: string; customerCode: string; since: IsoDate }[]): Promise<number> {
  return runMany(
    sql,
    `INSERT INTO bank_debtors (iban, customer_code, since) VALUES (?, ?, ?)
     ON CONFLICT(iban) DO UPDATE SET customer_code = excluded.customer_code, since = excluded.since`,
    pairs.map((pair) => [pair.iban, pair.customerCode, pair.since]),
  );
}

/** Every customer's code, name and currency, for matching. */
export async function bookCustomers(sql: Sql): Promise<Map<string, BookCustomer>> {
  const found = new Map<string, BookCustomer>();
  for (const row of await allRows(sql, 'SELECT code, name, currency FROM customers')) {
    found.set(text(row, 'code'), { code: text(row, 'code'), name: text(row, 'name'), currency: text(row, 'currency') });
  }
  return found;
}

/**
 * The invoices and charges whose number or own reference (upper case, spaces out of references)
 * is one of `keys`: what a statement's texts and references may name. One query over the items.
 */
export async function bookItems(sql: Sql, keys: readonly string[]): Promise<BookItem[]> {
  if (keys.length === 0) return [];
  const list = inJsonList(sql);
  const rows = await allRows(
    sql,
    `SELECT customer_code, number, reference, currency, open_amount FROM items
     WHERE kind <> 'credit_note' AND (UPPER(number) IN ${list} OR UPPER(REPLACE(reference, ' ', '')) IN ${list})
     ORDER BY customer_code, number`,
    [JSON.stringify(keys), JSON.stringify(keys)],
  );
  return rows.map((row) => ({
    customerCode: text(row, 'customer_code'),
    number: text(row, 'number'),
    reference: textOrNull(row, 'reference'),
    currency: text(row, 'currency'),
    open: int(row, 'open_amount'),
  }));
}

/** Set what became of a recorded credit. */
export function setCreditState(sql: Sql, ref: string, state: BankCreditState, customerCode: string | null, parts: number): Promise<number> {
  return runOnce(sql, 'UPDATE bank_credits SET state = ?, customer_code = ?, parts = ? WHERE reference = ?', [state, customerCode, parts, ref]);
}

/** Up to `limit` customers whose code or name contains `query` (any case), codes first, by code. */
export async function customersMatching(sql: Sql, query: string, limit: number): Promise<BookCustomer[]> {
  const like = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await allRows(
    sql,
    `SELECT code, name, currency FROM customers
     WHERE code ${likeAnyCase(sql)} ? ESCAPE '\\' OR name ${likeAnyCase(sql)} ? ESCAPE '\\'
     ORDER BY CASE WHEN UPPER(code) = UPPER(?) THEN 0 ELSE 1 END, code LIMIT ?`,
    [like, like, query, limit],
  );
  return rows.map((row) => ({ code: text(row, 'code'), name: text(row, 'name'), currency: text(row, 'currency') }));
}
