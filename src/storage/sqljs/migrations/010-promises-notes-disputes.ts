/**
 * Migration 10: the clerk's collection records, each a table of its own so the history
 * of what was promised, disputed and noted reads plainly in any SQLite tool.
 *
 * - `promises` and `promise_items`: a customer's promise to pay an amount by a date, made on an
 *   as-of date (payments dated from then count toward it), and the items it covers.
 * - `item_disputes`: every dispute of an item, open (`resolved_at` NULL) or resolved; the open
 *   one's reason is also kept in `items.dispute` (migration 9), which planning reads.
 * - `customer_notes`: free text with who and when, and an optional follow-up date; `done_at`
 *   marks a follow-up handled.
 */
export const sql = `
CREATE TABLE promises (
  id INTEGER PRIMARY KEY,
  customer_code TEXT NOT NULL REFERENCES customers(code),
  made_on TEXT NOT NULL,
  promised_date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  operator TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX promises_customer ON promises (customer_code, promised_date);
CREATE TABLE promise_items (
  promise_id INTEGER NOT NULL REFERENCES promises(id),
  item_number TEXT NOT NULL,
  PRIMARY KEY (promise_id, item_number)
);
CREATE TABLE item_disputes (
  id INTEGER PRIMARY KEY,
  customer_code TEXT NOT NULL,
  item_number TEXT NOT NULL,
  reason TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  resolved_by TEXT,
  resolved_at TEXT,
  resolution TEXT
);
CREATE INDEX item_disputes_item ON item_disputes (customer_code, item_number);
CREATE TABLE customer_notes (
  id INTEGER PRIMARY KEY,
  customer_code TEXT NOT NULL REFERENCES customers(code),
  body TEXT NOT NULL,
  operator TEXT NOT NULL,
  created_at TEXT NOT NULL,
  follow_up TEXT,
  done_at TEXT
);
CREATE INDEX customer_notes_customer ON customer_notes (customer_code, created_at);
CREATE INDEX customer_notes_follow_up ON customer_notes (follow_up) WHERE follow_up IS NOT NULL AND done_at IS NULL;
`;
