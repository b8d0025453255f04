/**
 * Applying validated customers. A column missing from the file's header leaves that field of an
 * existing customer as it is (a file of `code,name,email` only updates names and e-mails); a
 * column present with an empty cell sets the default.
 */
import type { Database } from 'sql.js';
import type { Customer } from '../core/domain.js';
import type { ValidRow } from '../core/csv/types.js';
import type { ColumnIndex } from '../core/csv/columns.js';
import { listCustomers, upsertCustomers } from '../storage/customers.js';
import { noCounts, tally, type ImportCounts } from './counts.js';

const FIELD_COLUMNS: readonly (readonly [keyof Customer, string])[] = [
  ['name', 'name'], ['email', 'email'], ['email2', 'email2'], ['email3', 'email3'], ['language', 'language'],
  ['currency', 'currency'], ['reminders', 'reminders'], ['statementEveryDays', 'statement_every_days'],
  ['agentEmail', 'agent_email'], ['holdUntil', 'hold_until'], ['notes', 'notes'],
];

/** Insert new and update changed customers; returns the counts. Call inside store.write. */
export function applyCustomers(db: Database, rows: readonly ValidRow<Customer>[], index: ColumnIndex): ImportCounts {
  const existing = new Map(listCustomers(db).map((customer) => [customer.code, customer]));
  const absent = FIELD_COLUMNS.filter(([, column]) => !index.has(column)).map(([field]) => field);
  const counts = noCounts();
  const changed: Customer[] = [];
  for (const { row } of rows) {
    const before = existing.get(row.code);
    const after: Customer = { ...row };
    if (before !== undefined) {
      for (const field of absent) (after as Record<keyof Customer, unknown>)[field] = before[field];
    }
    if (tally(counts, before, after)) changed.push(after);
  }
  upsertCustomers(db, changed);
  return counts;
}
