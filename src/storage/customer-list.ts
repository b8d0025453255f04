/**
 * The read-only aggregates behind the Customers screen, over the whole database: every customer's
 * listing fields, the open amounts grouped by customer, currency and aging bucket, and the
 * payments no item records. Bucket boundaries are precomputed dates, so SQLite compares text and
 * never computes a date per item. Rows are visited one at a time (100,000 customers are common).
 */
import type { Database } from 'sql.js';
import type { IsoDate } from '../core/domain.js';
import { PointQuery } from './import-lookups.js';

/** A customer's fields the list shows. */
export interface CustomerListing {
  code: string;
  name: string;
  /** The three address columns as stored (null when empty). */
  emails: [string | null, string | null, string | null];
  language: string;
  reminders: boolean;
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

/** Visit every customer by code. */
export function eachCustomerListing(db: Database, visit: (customer: CustomerListing) => void): void {
  const query = new PointQuery(db, 'SELECT code, name, email, email2, email3, language, reminders, hold_until FROM customers ORDER BY code');
  try {
    query.each([], ([code, name, e1, e2, e3, language, reminders, hold]) =>
      visit({
        code: String(code),
        name: String(name),
        emails: [textOrNull(e1), textOrNull(e2), textOrNull(e3)],
        language: String(language),
        reminders: reminders === 1,
        holdUntil: textOrNull(hold),
      }),
    );
  } finally {
    query.free();
  }
}

/**
 * Visit the open amounts by customer, currency and bucket; `bounds` are the first due dates of
 * buckets 0–3 (descending: not yet due, 1–30, 31–60, 61–90 days overdue), older is bucket 4.
 */
export function eachOpenBucket(db: Database, asOf: IsoDate, bounds: readonly [IsoDate, IsoDate, IsoDate, IsoDate], visit: (bucket: OpenBucket) => void): void {
  const query = new PointQuery(
    db,
    `SELECT customer_code, currency,
            CASE WHEN due_date >= ? THEN 0 WHEN due_date >= ? THEN 1 WHEN due_date >= ? THEN 2 WHEN due_date >= ? THEN 3 ELSE 4 END AS bucket,
            SUM(open_amount), MIN(CASE WHEN open_amount > 0 AND due_date < ? THEN due_date END)
       FROM items WHERE open_amount <> 0 GROUP BY customer_code, currency, bucket`,
  );
  try {
    query.each([...bounds, asOf], ([code, currency, bucket, sum, oldest]) =>
      visit({ code: String(code), currency: String(currency), bucket: Number(bucket), amount: Number(sum), oldestOverdue: textOrNull(oldest) }),
    );
  } finally {
    query.free();
  }
}

/** Visit the totals of payments dated up to `asOf` that no item records, by customer and currency. */
export function eachUnappliedTotal(db: Database, asOf: IsoDate, visit: (total: UnappliedTotal) => void): void {
  const query = new PointQuery(
    db,
    'SELECT customer_code, currency, SUM(amount) FROM payments WHERE item_number IS NULL AND date <= ? GROUP BY customer_code, currency',
  );
  try {
    query.each([asOf], ([code, currency, sum]) => visit({ code: String(code), currency: String(currency), amount: Number(sum) }));
  } finally {
    query.free();
  }
}
