/**
 * The Customers screen's data in two read-only queries over the whole database: every customer,
 * and the open amounts grouped by customer, currency and aging bucket. Bucket boundaries are
 * precomputed dates, so SQLite compares text and never computes a date per item.
 */
import type { Database } from 'sql.js';
import { addDays, daysBetween } from '../core/dates.js';
import type { IsoDate, Language } from '../core/domain.js';
import { LANGUAGES } from '../core/domain.js';
import { isValidAddress } from '../core/recipients.js';
import { AgingAccumulator } from './aging.js';
import type { CurrencyAmount, CustomerList, CustomerRow } from './services.js';

/** All customers with open totals per currency, oldest days overdue and the aging of everything. */
export function queryCustomerList(db: Database, asOf: IsoDate): CustomerList {
  const rows: CustomerRow[] = [];
  const byCode = new Map<string, CustomerRow>();
  const customers = db.prepare('SELECT code, name, email, email2, email3, language, reminders, hold_until FROM customers ORDER BY code');
  try {
    while (customers.step()) {
      const [code, name, e1, e2, e3, language, reminders, hold] = customers.get();
      const emails = [e1, e2, e3].filter((e): e is string => typeof e === 'string' && isValidAddress(e));
      const row: CustomerRow = {
        code: String(code),
        name: String(name),
        language: LANGUAGES.find((l) => l === language) ?? ('en' satisfies Language),
        emails,
        reminders: reminders === 1,
        holdUntil: typeof hold === 'string' ? hold : null,
        open: [],
        oldestDaysOverdue: null,
      };
      rows.push(row);
      byCode.set(row.code, row);
    }
  } finally {
    customers.free();
  }

  // Bucket by due date: due ≥ asOf not yet due; ≥ asOf−30 1–30; ≥ asOf−60; ≥ asOf−90; older.
  const d30 = addDays(asOf, -30);
  const d60 = addDays(asOf, -60);
  const d90 = addDays(asOf, -90);
  const aging = new AgingAccumulator();
  const totals = new Map<CustomerRow, Map<string, number>>();
  const items = db.prepare(
    `SELECT customer_code, currency,
            CASE WHEN due_date >= ? THEN 0 WHEN due_date >= ? THEN 1 WHEN due_date >= ? THEN 2 WHEN due_date >= ? THEN 3 ELSE 4 END AS bucket,
            SUM(open_amount), MIN(CASE WHEN open_amount > 0 AND due_date < ? THEN due_date END)
       FROM items WHERE open_amount <> 0 GROUP BY customer_code, currency, bucket`,
  );
  const bucketDays = [0, 1, 31, 61, 91];
  try {
    items.bind([asOf, d30, d60, d90, asOf]);
    while (items.step()) {
      const [code, currency, bucket, sum, oldest] = items.get();
      const row = byCode.get(String(code));
      const amount = Number(sum);
      aging.add(String(currency), bucketDays[Number(bucket)] ?? 0, amount);
      if (!row) continue;
      let perCurrency = totals.get(row);
      if (!perCurrency) totals.set(row, (perCurrency = new Map()));
      perCurrency.set(String(currency), (perCurrency.get(String(currency)) ?? 0) + amount);
      if (typeof oldest === 'string') {
        const days = daysBetween(oldest, asOf);
        if (row.oldestDaysOverdue === null || days > row.oldestDaysOverdue) row.oldestDaysOverdue = days;
      }
    }
  } finally {
    items.free();
  }
  subtractUnappliedPayments(db, asOf, byCode, totals);
  for (const [row, perCurrency] of totals) {
    const open: CurrencyAmount[] = [];
    for (const [currency, amount] of perCurrency) if (amount !== 0) open.push({ currency, amount });
    row.open = open.sort((a, b) => a.currency.localeCompare(b.currency));
  }
  return { rows, aging: aging.result() };
}

/**
 * The totals show the balance a reminder asks from: payments that no item records (on account, or
 * for an installment case) dated up to `asOf` are taken off their currency. Aging stays per item.
 */
function subtractUnappliedPayments(
  db: Database,
  asOf: IsoDate,
  byCode: ReadonlyMap<string, CustomerRow>,
  totals: Map<CustomerRow, Map<string, number>>,
): void {
  const payments = db.prepare(
    'SELECT customer_code, currency, SUM(amount) FROM payments WHERE item_number IS NULL AND date <= ? GROUP BY customer_code, currency',
  );
  try {
    payments.bind([asOf]);
    while (payments.step()) {
      const [code, currency, sum] = payments.get();
      const row = byCode.get(String(code));
      if (!row) continue;
      let perCurrency = totals.get(row);
      if (!perCurrency) totals.set(row, (perCurrency = new Map()));
      perCurrency.set(String(currency), (perCurrency.get(String(currency)) ?? 0) - Number(sum));
    }
  } finally {
    payments.free();
  }
}
