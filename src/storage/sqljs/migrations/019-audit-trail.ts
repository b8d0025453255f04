/**
 * Migration 19: the audit trail (docs/reference/roles.md §4) — one append-only row per change that
 * is not a send: who (`operator`, the identity of roles.md §1), when (`at`, UTC ISO), what
 * (`action`), about whom (`customer_code`, `subject`) and the value before and after.
 *
 * A file has one user and its permissions are its guard; the triggers still refuse UPDATE and
 * DELETE, so no duedesk path (and no careless tool) rewrites what was recorded.
 */
export const sql = `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  customer_code TEXT,
  subject TEXT,
  old_value TEXT,
  new_value TEXT,
  detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_customer ON audit_log (customer_code, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its entries cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its entries cannot be removed'); END;
`;
