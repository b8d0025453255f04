/**
 * Runs the numbered migrations and guards against databases written by a newer duedesk.
 * Applied versions are tracked in `schema_migrations` inside the database itself.
 */
import type { SqlScript } from './sql-script.js';
import { UserError } from '../../core/exit-codes.js';
import type { Migration } from '../migration-files.js';
import { MIGRATIONS } from './migrations/index.js';

const TRACKING_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** The highest schema version this build knows. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Does the database have the tracking table? (False for a brand-new empty database.) */
function hasTrackingTable(db: SqlScript): boolean {
  const rows = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  return rows.length > 0;
}

/** Highest applied version; 0 for an empty database. */
export function appliedVersion(db: SqlScript): number {
  if (!hasTrackingTable(db)) return 0;
  const value = db.exec('SELECT MAX(version) FROM schema_migrations')[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}

/**
 * Refuse a database this build cannot safely use: one written by a newer duedesk, or an SQLite
 * database with tables that is not a duedesk database at all. `label` names the file in messages.
 */
export function checkSchema(db: SqlScript, label: string, migrations: readonly Migration[] = MIGRATIONS): void {
  if (!hasTrackingTable(db)) {
    const tables = db.exec("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")[0]?.values[0]?.[0];
    if (typeof tables === 'number' && tables > 0) {
      throw new UserError(`${label}: this SQLite database is not a duedesk database (no schema_migrations table)`);
    }
    return;
  }
  const applied = appliedVersion(db);
  const known = latestVersion(migrations);
  if (applied > known) {
    throw new UserError(
      `${label}: written by a newer duedesk (schema ${applied}, this version knows ${known}); upgrade duedesk to use it`,
    );
  }
}

/** Migrations not yet applied to `db`. */
export function pendingMigrations(db: SqlScript, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const applied = appliedVersion(db);
  return migrations.filter((m) => m.version > applied).sort((a, b) => a.version - b.version);
}

/**
 * Apply pending migrations in one transaction (all or none). Returns how many were applied.
 * `label` names the database in error messages; `now` stamps applied_at.
 */
export function migrate(
  db: SqlScript,
  label: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): number {
  checkSchema(db, label, migrations);
  const pending = pendingMigrations(db, migrations);
  if (pending.length === 0) return 0;
  // Only outside a transaction does SQLite take this pragma; the check below stands in for it.
  const keysOff = pending.some((m) => m.foreignKeysOff === true);
  if (keysOff) db.exec('PRAGMA foreign_keys = OFF');
  db.exec('BEGIN');
  try {
    db.exec(TRACKING_TABLE);
    for (const migration of pending) {
      db.exec(migration.sql);
      db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
    }
    if (keysOff && (db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0) > 0) {
      throw new Error(`${label}: a migration left rows whose foreign keys point nowhere; nothing was changed`);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  } finally {
    if (keysOff) db.exec('PRAGMA foreign_keys = ON');
  }
  return pending.length;
}
