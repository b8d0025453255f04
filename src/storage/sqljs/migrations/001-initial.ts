/**
 * Migration 1: the initial schema (docs/reference/rules.md §1). Money in integer minor units; dates
 * as YYYY-MM-DD text.
 */
export const sql = `
CREATE TABLE customers (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  email2 TEXT,
  email3 TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  currency TEXT NOT NULL,
  reminders INTEGER NOT NULL DEFAULT 1,
  statement_every_days INTEGER,
  agent_email TEXT,
  hold_until TEXT,
  notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE items (
  customer_code TEXT NOT NULL REFERENCES customers(code),
  number TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'charge')),
  issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  open_amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  reference TEXT,
  case_ref TEXT,
  hold_until TEXT,
  PRIMARY KEY (customer_code, number)
);
CREATE INDEX items_open_by_customer ON items (customer_code, currency) WHERE open_amount <> 0;
CREATE INDEX items_by_case ON items (customer_code, case_ref) WHERE case_ref IS NOT NULL;

CREATE TABLE payments (
  reference TEXT PRIMARY KEY,
  customer_code TEXT NOT NULL REFERENCES customers(code),
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  item_number TEXT,
  case_ref TEXT
);
CREATE INDEX payments_by_case ON payments (customer_code, case_ref, date);

CREATE TABLE plans (
  customer_code TEXT NOT NULL REFERENCES customers(code),
  case_ref TEXT NOT NULL,
  installment INTEGER NOT NULL,
  day_of_month INTEGER NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
  start_date TEXT NOT NULL,
  end_date TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_code, case_ref)
);

CREATE TABLE messages (
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
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'uncertain')),
  error TEXT,
  total INTEGER NOT NULL DEFAULT 0,
  fee INTEGER NOT NULL DEFAULT 0,
  interest INTEGER NOT NULL DEFAULT 0,
  outstanding INTEGER NOT NULL DEFAULT 0,
  operator TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX messages_by_customer ON messages (customer_code, as_of);
CREATE INDEX messages_by_status ON messages (status);

CREATE TABLE message_items (
  message_id INTEGER NOT NULL REFERENCES messages(id),
  customer_code TEXT NOT NULL,
  item_number TEXT NOT NULL,
  level TEXT,
  open_amount INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (message_id, item_number)
);
CREATE INDEX message_items_by_item ON message_items (customer_code, item_number, level);

CREATE TABLE message_cases (
  message_id INTEGER NOT NULL REFERENCES messages(id),
  customer_code TEXT NOT NULL,
  case_ref TEXT NOT NULL,
  PRIMARY KEY (message_id, case_ref)
);
CREATE INDEX message_cases_by_case ON message_cases (customer_code, case_ref);
`;
