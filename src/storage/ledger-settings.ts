/**
 * The settings a shared ledger keeps for every host (migration 8): dotted key → JSON value.
 * Which keys belong here is decided in src/settings/shared-settings.ts, not by storage.
 */
import { appendAudit } from './audit-log.js';
import type { Sql } from './sql.js';

/** Every stored setting as [dotted key, value], by key. */
export async function readLedgerSettings(sql: Sql): Promise<[string, unknown][]> {
  const rows = await sql.all('SELECT key, value FROM ledger_settings ORDER BY key');
  return rows.map((row) => [String(row.key), JSON.parse(String(row.value)) as unknown]);
}

/** One stored setting that a replacement changed: its JSON before and after (null: absent). */
export interface SettingChange {
  key: string;
  old: string | null;
  new: string | null;
}

/** The keys whose values differ between what is stored and `entries`, by key. */
export async function settingChanges(sql: Sql, entries: readonly (readonly [string, unknown])[]): Promise<SettingChange[]> {
  const current = new Map((await readLedgerSettings(sql)).map(([key, value]) => [key, JSON.stringify(value)]));
  const next = new Map(entries.map(([key, value]) => [key, JSON.stringify(value)]));
  const keys = [...new Set([...current.keys(), ...next.keys()])].sort();
  return keys.filter((key) => current.get(key) !== next.get(key)).map((key) => ({ key, old: current.get(key) ?? null, new: next.get(key) ?? null }));
}

/** Who changes the settings and when, for the audit trail. */
export interface SettingsChanger {
  operator: string;
  at: string;
}

/**
 * Make the stored settings `entries` (in the caller's write: all or nothing), touching only the keys
 * that change — a host that rewrites the settings as they are needs no right to change them — and,
 * with `by`, recording each change in the audit trail, key and old → new, a secret never
 * (docs/reference/roles.md §4). Resolves to the changes.
 */
export async function replaceLedgerSettings(sql: Sql, entries: readonly (readonly [string, unknown])[], by?: SettingsChanger): Promise<SettingChange[]> {
  const changes = await settingChanges(sql, entries);
  const removed = changes.filter((change) => change.new === null);
  const written = changes.filter((change) => change.new !== null);
  await sql.runMany('DELETE FROM ledger_settings WHERE key = ?', removed.map((change) => [change.key]));
  await sql.runMany(
    'INSERT INTO ledger_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    written.map((change) => [change.key, change.new]),
  );
  if (by !== undefined) {
    await appendAudit(
      sql,
      changes.map((change) => ({
        at: by.at, operator: by.operator, action: 'setting', customerCode: null, subject: change.key,
        oldValue: masked(change.key, change.old), newValue: masked(change.key, change.new), detail: null,
      })),
    );
  }
  return changes;
}

/** A value the audit trail may show: a secret's is never written, only that it changed. */
function masked(key: string, value: string | null): string | null {
  return value !== null && /password|secret|token/i.test(key) ? '(secret)' : value;
}
