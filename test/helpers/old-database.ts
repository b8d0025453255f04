/** A database as an older duedesk left it, for tests of what a migration does to existing rows. */
import type { Database } from 'sql.js';
import { migrate } from '../../src/storage/sqljs/migrate.js';
import { MIGRATIONS } from '../../src/storage/sqljs/migrations/index.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';

/** Migrated up to (not including) `version`, holding customer C001 and its invoice INV-1 (100 minor units, open). */
export async function databaseBefore(version: number, currencies = { customer: 'EUR', item: 'EUR' }): Promise<Database> {
  const SQL = await loadSqlEngine();
  const db = new SQL.Database();
  migrate(db, 'old.db', MIGRATIONS.filter((m) => m.version < version));
  db.run("INSERT INTO customers (code, name, currency) VALUES ('C001', 'Acme', ?)", [currencies.customer]);
  db.run(
    `INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency)
     VALUES ('C001', 'INV-1', 'invoice', '2026-01-01', '2026-01-31', 100, 100, ?)`,
    [currencies.item],
  );
  return db;
}
