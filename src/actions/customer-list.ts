/**
 * The Customers screen's data from two read-only aggregates over the whole database (storage's
 * customer-list queries): every customer, and the open amounts grouped by customer, currency and
 * aging bucket, less the payments no item records.
 */
import { addDays, daysBetween } from '../core/dates.js';
import type { IsoDate, Language } from '../core/domain.js';
import { LANGUAGES } from '../core/domain.js';
import { isValidAddress } from '../core/recipients.js';
import { customerListings, openBuckets, unappliedTotals } from '../storage/customer-list.js';
import type { Ledger } from '../storage/ledger.js';
import { AgingAccumulator } from '../core/aging.js';
import type { CurrencyAmount, CustomerList, CustomerRow } from './desk-views.js';

/** All customers with open totals per currency, oldest days overdue and the aging of everything. */
export async function queryCustomerList(ledger: Ledger, asOf: IsoDate): Promise<CustomerList> {
  const bounds = [asOf, addDays(asOf, -30), addDays(asOf, -60), addDays(asOf, -90)] as const;
  // One read: the three aggregates describe the same state.
  const [customers, groups, unapplied] = await ledger.read(async (sql) => [
    await customerListings(sql),
    await openBuckets(sql, asOf, bounds),
    await unappliedTotals(sql, asOf),
  ] as const);
  const rows: CustomerRow[] = [];
  const byCode = new Map<string, CustomerRow>();
  for (const customer of customers) {
    const row: CustomerRow = {
      code: customer.code,
      name: customer.name,
      language: LANGUAGES.find((l) => l === customer.language) ?? ('en' satisfies Language),
      emails: customer.emails.filter((e): e is string => e !== null && isValidAddress(e)),
      reminders: customer.reminders,
      statements: customer.statements,
      profile: customer.profile,
      holdUntil: customer.holdUntil,
      open: [],
      oldestDaysOverdue: null,
    };
    rows.push(row);
    byCode.set(row.code, row);
  }

  // Bucket by due date: due ≥ asOf not yet due; ≥ asOf−30 1–30; ≥ asOf−60; ≥ asOf−90; older.
  const aging = new AgingAccumulator();
  const totals = new Map<CustomerRow, Map<string, number>>();
  const bucketDays = [0, 1, 31, 61, 91];
  for (const group of groups) {
    aging.add(group.currency, bucketDays[group.bucket] ?? 0, group.amount);
    const row = byCode.get(group.code);
    if (!row) continue;
    addTo(totals, row, group.currency, group.amount);
    if (group.oldestOverdue !== null) {
      const days = daysBetween(group.oldestOverdue, asOf);
      if (row.oldestDaysOverdue === null || days > row.oldestDaysOverdue) row.oldestDaysOverdue = days;
    }
  }
  // The totals show the balance a reminder asks from: payments that no item records (on account,
  // or for an installment case) dated up to `asOf` are taken off their currency. Aging stays per item.
  for (const total of unapplied) {
    const row = byCode.get(total.code);
    if (row) addTo(totals, row, total.currency, -total.amount);
  }
  for (const [row, perCurrency] of totals) {
    const open: CurrencyAmount[] = [];
    for (const [currency, amount] of perCurrency) if (amount !== 0) open.push({ currency, amount });
    row.open = open.sort((a, b) => a.currency.localeCompare(b.currency));
  }
  return { rows, aging: aging.result() };
}

function addTo(totals: Map<CustomerRow, Map<string, number>>, row: CustomerRow, currency: string, amount: number): void {
  let perCurrency = totals.get(row);
  if (!perCurrency) totals.set(row, (perCurrency = new Map()));
  perCurrency.set(currency, (perCurrency.get(currency) ?? 0) + amount);
}
