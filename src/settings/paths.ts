/**
 * Where every file duedesk reads or writes lives, worked out in this one place: the database
 * (--db / DUEDESK_DB / the user data directory), the config directory, and what sits beside the
 * database unless the settings name another folder (outbox/, print/, preview/, the send journal).
 * The lock files beside a database file are the sql.js adapter's own (storage/sqljs/send-lock.ts).
 */
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import type { Settings } from '../core/settings.js';
import { isPostgresUrl } from '../storage/ledger-location.js';

/** The user data directory: env-paths('duedesk', {suffix: ''}).data (~/.local/share/duedesk on Linux). */
export function defaultDataDir(): string {
  return envPaths('duedesk', { suffix: '' }).data;
}

/** File name of the default database inside the data directory. */
export const DEFAULT_DB_NAME = 'duedesk.sqlite';

/** The database to use and whether it is the default one (whose directory duedesk may create). */
export interface DbLocation {
  path: string;
  isDefault: boolean;
}

/** --db, else DUEDESK_DB, else duedesk.sqlite in the user data directory; made absolute. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): DbLocation {
  const named = flag ?? (env.DUEDESK_DB ? env.DUEDESK_DB : undefined);
  // A PostgreSQL URL is a server, not a file: it is passed on as written.
  if (named !== undefined) return { path: isPostgresUrl(named) ? named : resolve(cwd, named), isDefault: false };
  return { path: join(defaultDataDir(), DEFAULT_DB_NAME), isDefault: true };
}

/** File name inside the config directory (conf's default: `config` + `.json`). */
export const SETTINGS_FILE_NAME = 'config.json';

/** The user config directory duedesk uses when none is named: env-paths('duedesk').config. */
export function defaultConfigDir(): string {
  return envPaths('duedesk', { suffix: '' }).config;
}

/** The config directory: --config-dir, else DUEDESK_CONFIG_DIR, else the default; made absolute. */
export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const named = flag ?? (env.DUEDESK_CONFIG_DIR ? env.DUEDESK_CONFIG_DIR : undefined);
  return named === undefined ? defaultConfigDir() : resolve(cwd, named);
}

/** Where relative folders are resolved and what lives beside the database. */
export interface DataPlace {
  /** Database file, or null when in memory (folders then go under `cwd`). */
  dbPath: string | null;
  cwd: string;
}

/** The folder of the database (or cwd for an in-memory one), where default folders live. */
export function dataDir(place: DataPlace): string {
  return place.dbPath === null ? place.cwd : dirname(resolve(place.cwd, place.dbPath));
}

/** A folder the settings may name (resolved against cwd), else `fallback` beside the database. */
function settingOrBeside(configured: string | undefined, fallback: string, place: DataPlace): string {
  return configured ? resolve(place.cwd, configured) : join(dataDir(place), fallback);
}

/** The outbox folder: `mail.outboxDir`, else `outbox/` beside the database. */
export function outboxDir(settings: Settings, place: DataPlace): string {
  return settingOrBeside(settings.mail?.outboxDir, 'outbox', place);
}

/** The folder of letters to print: `mail.printDir`, else `print/` beside the database. */
export function printDir(settings: Settings, place: DataPlace): string {
  return settingOrBeside(settings.mail?.printDir, 'print', place);
}

/** The folder previews are written to when none is typed: `preview/` beside the database. */
export function previewDir(place: DataPlace): string {
  return join(dataDir(place), 'preview');
}

/** The send journal of a database file (`<db>.journal`). */
export function journalPath(dbPath: string): string {
  return `${dbPath}.journal`;
}
