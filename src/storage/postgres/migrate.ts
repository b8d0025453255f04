/**
 * Migrations on a PostgreSQL ledger: the same numbered list as the file (./migrations/
 * has the SQL), tracked in `schema_migrations`, applied all in one transaction under an
 * advisory lock, so two hosts starting at once migrate once and the second finds nothing to do.
 */
import type pg from 'pg';
import { UserError } from '../../core/exit-codes.js';
import type { Migration } from '../migration-files.js';
import { POSTGRES_MIGRATIONS } from './migrations/index.js';
import { LOCK_CLASS, MIGRATE_LOCK } from './advisory-keys.js';

const TRACKING_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at text NOT NULL
)`;

/** Highest applied version in the connected database; 0 when it has no tracking table. */
export async function appliedPostgresVersion(client: pg.ClientBase): Promise<number> {
  const tracked = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (tracked.rows[0]?.t === null) return 0;
  const result = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return result.rows[0]?.v ?? 0;
}

/**
 * Refuse a database this build cannot use: one a newer duedesk migrated, or one holding other
 * tables but no `schema_migrations` (not a duedesk ledger). `label` is the masked URL.
 */
async function checkPostgresSchema(client: pg.ClientBase, label: string, migrations: readonly Migration[]): Promise<number> {
  const applied = await appliedPostgresVersion(client);
  if (applied === 0) {
    const tables = await client.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'`,
    );
    if ((tables.rows[0]?.n ?? 0) > 0) {
      throw new UserError(`${label}: this PostgreSQL database is not a duedesk ledger (it has tables but no schema_migrations)`);
    }
  }
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (applied > known) {
    throw new UserError(`${label}: migrated by a newer duedesk (schema ${applied}, this version knows ${known}); upgrade duedesk to use it`);
  }
  return applied;
}

/**
 * Apply the pending migrations in one transaction under the migration lock. Returns how many
 * were applied (0 when another host did it first). `now` stamps applied_at.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  label: string,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<number> {
  await client.query('BEGIN');
  try {
    // Another host's migration is waited out, however long (sessions otherwise give up after the write timeout).
    await client.query('SET LOCAL lock_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATE_LOCK]);
    const applied = await checkPostgresSchema(client, label, migrations);
    const pending = migrations.filter((m) => m.version > applied).sort((a, b) => a.version - b.version);
    if (pending.length > 0) await client.query(TRACKING_TABLE);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return pending.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
