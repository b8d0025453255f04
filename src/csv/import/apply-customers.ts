/** Applying validated customers: upsert by code, keeping fields whose columns the file lacks. */
import type { Sql } from '../../storage/sql.js';
import type { Customer } from '../../core/domain.js';
import type { ValidRow } from '../../core/csv/types.js';
import type { ColumnIndex } from '../../core/csv/columns.js';
import { listCustomers, upsertCustomers } from '../../storage/customers.js';
import { absentFields, keepAbsent, type FieldColumns } from './absent-columns.js';
import { noCounts, tally, type ImportCounts } from './counts.js';

const FIELD_COLUMNS: FieldColumns<Customer> = [
  ['name', 'name'], ['email', 'email'], ['email2', 'email2'], ['email3', 'email3'], ['language', 'language'],
  ['currency', 'currency'], ['reminders', 'reminders'], ['statementEveryDays', 'statement_every_days'],
  ['agentEmail', 'agent_email'], ['holdUntil', 'hold_until'], ['notes', 'notes'], ['profile', 'profile'],
  ['statements', 'statements'], ['contactPerson', 'contact_person'], ['phone', 'phone'],
  ['addressLine1', 'address_line1'], ['addressLine2', 'address_line2'], ['postalCode', 'postal_code'], ['city', 'city'],
  ['country', 'country'],
];

/** Insert new and update changed customers; resolves to the counts. Call inside a ledger write. */
export async function applyCustomers(sql: Sql, rows: readonly ValidRow<Customer>[], index: ColumnIndex): Promise<ImportCounts> {
  const existing = new Map((await listCustomers(sql)).map((customer) => [customer.code, customer]));
  const absent = absentFields(index, FIELD_COLUMNS);
  const counts = noCounts();
  const changed: Customer[] = [];
  for (const { row } of rows) {
    const before = existing.get(row.code);
    const after = keepAbsent(row, before, absent);
    if (tally(counts, before, after)) changed.push(after);
  }
  await upsertCustomers(sql, changed);
  return counts;
}
