/**
 * Which settings a shared (PostgreSQL) ledger keeps for every host, and how a host's view is put
 * together. Each key's place is its `home` in the settings table (core/settings-table.ts):
 * shared is what must agree wherever a message is planned or sent (company details, policy,
 * schedule, the copies and recipients of every message); each host keeps its connections,
 * folders and paths, and its operator.
 */
import type { Settings } from '../core/settings.js';
import { getPath, leafEntries, withoutPath, withPath, type JsonObject } from './keys.js';
import { settingRow } from './table.js';

/** One setting as [dotted leaf key, value]. */
export type SettingEntry = [string, unknown];

/** Is `key` (a leaf) kept in a shared ledger rather than in the host's settings file? */
export function isSharedKey(key: string): boolean {
  return settingRow(key)?.home === 'shared';
}

/** The shared settings set in `settings`, as entries. */
export function sharedEntries(settings: Settings): SettingEntry[] {
  return leafEntries(settings as JsonObject).filter(([key]) => isSharedKey(key));
}

/** `settings` without any shared key. */
export function withoutShared(settings: Settings): Settings {
  let host = settings as JsonObject;
  for (const [key] of sharedEntries(settings)) host = withoutPath(host, key);
  return host as Settings;
}

/** A host's view of a shared ledger: its own per-host settings, and the ledger's shared ones. */
export function withSharedSettings(host: Settings, shared: readonly SettingEntry[]): Settings {
  let merged = withoutShared(host) as JsonObject;
  for (const [key, value] of shared) if (isSharedKey(key)) merged = withPath(merged, key, value);
  return merged as Settings;
}

/**
 * What to write to the host's file when `next` is the new whole view: its per-host settings, and
 * the shared keys the file already had left as they were (they are not read on a shared ledger,
 * but the file still serves when the host opens a file ledger).
 */
export function hostFileSettings(next: Settings, currentFile: Settings): Settings {
  let file = withoutShared(next) as JsonObject;
  for (const [key] of sharedEntries(currentFile)) file = withPath(file, key, getPath(currentFile as JsonObject, key));
  return file as Settings;
}
