/**
 * What the collection features check before they record a promise, dispute or note: the customer
 * and its items as they are now, read in the same transaction as the write.
 */
import { int, text, textOrNull } from './rows.js';
import type { Sql } from './sql.js';

/** The customer facts a collection record needs. */
export interface CustomerFacts {
  code: string;
  name: string;
  currency: string;
  language: string;
  agentEmail: string | null;
}

/** One item as a collection record sees it. */
export interface ItemFacts {
  number: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  openAmount: number;
  dispute: string | null;
}

/** The customer, or null when there is none with this code. */
export async function customerFacts(sql: Sql, code: string): Promise<CustomerFacts | null> {
  const [row] = await sql.all('SELECT code, name, currency, language, agent_email FROM customers WHERE code = ?', [code]);
  if (row === undefined) return null;
  return { code: text(row, 'code'), name: text(row, 'name'), currency: text(row, 'currency'), language: text(row, 'language'), agentEmail: textOrNull(row, 'agent_email') };
}

/** Every item of the customer (open or not), by due date then number. */
export async function itemFacts(sql: Sql, code: string): Promise<ItemFacts[]> {
  const rows = await sql.all(
    'SELECT number, currency, issue_date, due_date, amount, open_amount, dispute FROM items WHERE customer_code = ? ORDER BY due_date, number',
    [code],
  );
  return rows.map((row) => ({
    number: text(row, 'number'),
    currency: text(row, 'currency'),
    issueDate: text(row, 'issue_date'),
    dueDate: text(row, 'due_date'),
    amount: int(row, 'amount'),
    openAmount: int(row, 'open_amount'),
    dispute: textOrNull(row, 'dispute'),
  }));
}
