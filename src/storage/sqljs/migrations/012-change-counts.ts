/**
 * Migration 12: a change count per customer, and the history status `stopped`.
 *
 * - `customers.change_count` moves on every change that can change what the customer is sent:
 *   its own row, its items (amounts, due dates, holds, disputes marked by import), payments,
 *   installment plans, promises (and the items they cover) and disputes. Triggers keep it, so no
 *   write path (an import, a clerk's dispute, a bank file, a copy) can forget it. A sending run
 *   compares it, just before a message is begun, with the count its plan was made on: a customer
 *   paid or changed since then is not sent to by that plan.
 * - `messages.status` also allows `stopped`: an attempt the run left due without a verdict (the
 *   server deferred it, the operator stopped it while it waited) is not a failure. SQLite cannot
 *   change a CHECK in place, so the table is rebuilt with the same columns in the same order
 *   (the runner turns foreign keys off around this migration, as SQLite's own recipe says).
 */

/** The customer columns that say what a customer is sent (all of them but the count itself). */
const CUSTOMER_COLUMNS = [
  'code', 'name', 'email', 'email2', 'email3', 'language', 'currency', 'reminders', 'statement_every_days',
  'agent_email', 'hold_until', 'notes', 'profile', 'statements',
];
const ITEM_COLUMNS = [
  'customer_code', 'number', 'kind', 'issue_date', 'due_date', 'amount', 'open_amount', 'currency', 'reference', 'case_ref', 'hold_until', 'dispute',
];
const PAYMENT_COLUMNS = ['reference', 'customer_code', 'date', 'amount', 'item_number', 'case_ref', 'currency'];
const PLAN_COLUMNS = ['customer_code', 'case_ref', 'installment', 'day_of_month', 'start_date', 'end_date', 'active'];
const PROMISE_COLUMNS = ['customer_code', 'made_on', 'promised_date', 'amount', 'currency'];
const DISPUTE_COLUMNS = ['customer_code', 'item_number', 'reason', 'resolved_at'];

/** "some column differs between OLD and NEW" (an upsert that rewrites a row as it was changes nothing). */
function changed(columns: readonly string[]): string {
  return columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
}

const bump = (code: string): string => `UPDATE customers SET change_count = change_count + 1 WHERE code = ${code};`;

/** Insert, update (when something changed) and delete triggers of a table with `customer_code`. */
function counted(table: string, columns: readonly string[]): string {
  return `
CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW.customer_code')} END;
CREATE TRIGGER ${table}_count_update AFTER UPDATE ON ${table} WHEN ${changed(columns)}
BEGIN ${bump('NEW.customer_code')} ${bump('OLD.customer_code')} END;
CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD.customer_code')} END;`;
}

const promiseOwner = (row: string): string => `(SELECT customer_code FROM promises WHERE id = ${row}.promise_id)`;

/** The table rebuild needs foreign keys off while it runs (checked before commit). */
export const foreignKeysOff = true;

export const sql = `
ALTER TABLE customers ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER customers_count_update AFTER UPDATE ON customers
  WHEN NEW.change_count IS OLD.change_count AND (${changed(CUSTOMER_COLUMNS)})
BEGIN ${bump('NEW.code')} END;
${counted('items', ITEM_COLUMNS)}
${counted('payments', PAYMENT_COLUMNS)}
${counted('plans', PLAN_COLUMNS)}
${counted('promises', PROMISE_COLUMNS)}
${counted('item_disputes', DISPUTE_COLUMNS)}
CREATE TRIGGER promise_items_count_insert AFTER INSERT ON promise_items BEGIN ${bump(promiseOwner('NEW'))} END;
CREATE TRIGGER promise_items_count_delete AFTER DELETE ON promise_items BEGIN ${bump(promiseOwner('OLD'))} END;

CREATE TABLE messages_new (
  id INTEGER PRIMARY KEY,
  customer_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reminder', 'statement', 'installment')),
  level TEXT,
  currency TEXT NOT NULL,
  as_of TEXT NOT NULL,
  to_addrs TEXT NOT NULL DEFAULT '[]',
  cc_addrs TEXT NOT NULL DEFAULT '[]',
  bcc_addrs TEXT NOT NULL DEFAULT '[]',
  subject TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'uncertain', 'stopped')),
  error TEXT,
  total INTEGER NOT NULL DEFAULT 0,
  fee INTEGER NOT NULL DEFAULT 0,
  interest INTEGER NOT NULL DEFAULT 0,
  outstanding INTEGER NOT NULL DEFAULT 0,
  operator TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  unapplied INTEGER NOT NULL DEFAULT 0
);
INSERT INTO messages_new SELECT * FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_customer ON messages (customer_code, as_of);
CREATE INDEX messages_by_status ON messages (status);
`;
