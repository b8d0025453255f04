/**
 * The read-only aggregates behind the Customers screen, over the whole database: every customer's
 * listing fields, the open amounts grouped by customer, currency and aging bucket, and the
 * payments no item records. Bucket boundaries are precomputed dates, so SQLite compares text and
 * never computes a date per item. One query each, whatever the number of customers.
 */
import type { IsoDate } from '../core/domain.js';
import type { Sql } from './sql.js';

/** A customer's fields the list shows. */
export interface CustomerListing {
  code: string;
  name: string;
  /** The three address columns as stored (null when empty). */
  emails: [string | null, string | null, string | null];
  language: string;
  reminders: boolean;
  /** Statements on/off apart from reminders, and the dunning profile (null: `default`). */
  statements: boolean;
  profile: string | null;
  holdUntil: string | null;
}

/** Open amounts of one customer in one currency and bucket (0 = not yet due … 4 = oldest). */
export interface OpenBucket {
  code: string;
  currency: string;
  bucket: number;
  amount: number;
  /** Oldest due date of an overdue positive item in the group, or null. */
  oldestOverdue: IsoDate | null;
}

/** A total of payments that no item records, per customer and currency. */
export interface UnappliedTotal {
  code: string;
  currency: string;
  amount: number;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Every customer's listing, by code. */
export async function customerListings(sql: Sql): Promise<CustomerListing[]> {
  const rows = await sql.all('SELECT code, name, email, email2, email3, language, reminders, statements, profile, hold_until FROM customers ORDER BY code');
  return rows.map((row) => ({
    code: String(row.code),
    name: String(row.name),
    emails: [textOrNull(row.email), textOrNull(row.email2), textOrNull(row.email3)],
    language: String(row.language),
    reminders: row.reminders === 1,
    statements: row.statements === 1,
    profile: textOrNull(row.profile),
    holdUntil: textOrNull(row.hold_until),
  }));
}

/**
 * The open amounts by customer, currency and bucket; `bounds` are the first due dates of
 * buckets 0–3 (descending: not yet due, 1–30, 31–60, 61–90 days overdue), older is bucket 4.
 */
export async function openBuckets(sql: Sql, asOf: IsoDate, bounds: readonly [IsoDate, IsoDate, IsoDate, IsoDate]): Promise<OpenBucket[]> {
  const rows = await sql.all(
    `SELECT customer_code, currency,
            CASE WHEN due_date >= ? THEN 0 WHEN due_date >= ? THEN 1 WHEN due_date >= ? THEN 2 WHEN due_date >= ? THEN 3 ELSE 4 END AS bucket,
            SUM(open_amount) AS amount, MIN(CASE WHEN open_amount > 0 AND due_date < ? THEN due_date END) AS oldest
       FROM items WHERE open_amount <> 0 GROUP BY customer_code, currency, bucket`,
    [...bounds, asOf],
  );
  return rows.map((row) => ({
    code: String(row.customer_code),
    currency: String(row.currency),
    bucket: Number(row.bucket),
    amount: Number(row.amount),
    oldestOverdue: textOrNull(row.oldest),
  }));
}

/** The totals of payments dated up to `asOf` that no item records, by customer and currency. */
export async function unappliedTotals(sql: Sql, asOf: IsoDate): Promise<UnappliedTotal[]> {
  const rows = await sql.all(
    'SELECT customer_code, currency, SUM(amount) AS amount FROM payments WHERE item_number IS NULL AND date <= ? GROUP BY customer_code, currency',
    [asOf],
  );
  return rows.map((row) => ({ code: String(row.customer_code), currency: String(row.currency), amount: Number(row.amount) }));
}
