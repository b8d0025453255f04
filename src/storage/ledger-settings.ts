/**
 * The settings a shared ledger keeps for every host (migration 8): dotted key → JSON value.
 * Which keys belong here is decided in src/settings/shared-settings.ts, not by storage.
 */
import type { Sql } from './sql.js';

/** Every stored setting as [dotted key, value], by key. */
export async function readLedgerSettings(sql: Sql): Promise<[string, unknown][]> {
  const rows = await sql.all('SELECT key, value FROM ledger_settings ORDER BY key');
  return rows.map((row) => [String(row.key), JSON.parse(String(row.value)) as unknown]);
}

/** Replace the stored settings with `entries` (in the caller's write: all or nothing). */
export async function replaceLedgerSettings(sql: Sql, entries: readonly (readonly [string, unknown])[]): Promise<void> {
  await sql.run('DELETE FROM ledger_settings');
  if (entries.length === 0) return;
  await sql.runMany(
    'INSERT INTO ledger_settings (key, value) VALUES (?, ?)',
    entries.map(([key, value]) => [key, JSON.stringify(value)]),
  );
}
