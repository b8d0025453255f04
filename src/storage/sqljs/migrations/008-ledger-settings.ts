/**
 * Migration 8: settings kept in the ledger (docs/reference/settings.md §1.2). On a ledger shared by
 * several hosts the company details and the reminder policy must agree everywhere, so they live
 * here, one row per dotted key with its JSON value; per-host settings (SMTP, folders, operator)
 * stay in each host's settings file. A file ledger leaves the table empty: its settings file
 * already is the one place (src/settings/shared-settings.ts says which keys are shared).
 */
export const sql = `
CREATE TABLE ledger_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
