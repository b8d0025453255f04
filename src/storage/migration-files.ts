/**
 * Each engine's migrations are the files of its own folder named `NNN-name.ts` (`.js` once
 * built): the number is the version, the rest of the name is the migration's name, and the file
 * exports its `sql` (and, for a SQLite table rebuild, `foreignKeysOff`). Adding a migration is
 * adding that file to each engine's folder with the same number and name; no list to keep.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One numbered schema change. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * SQLite only: run with foreign keys off (checked before commit), for a migration that rebuilds
   * a table other tables refer to, the only way SQLite changes a CHECK constraint.
   */
  foreignKeysOff?: boolean;
}

/** `001-initial.ts` → version 1, name `initial`; declarations (`.d.ts`) and other files are not migrations. */
const MIGRATION_FILE = /^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:ts|js)$/;

/**
 * The migrations in `folder` (a file URL ending in `/`), ascending by version. Fails when two
 * files share a number or a number is missing: either would leave a schema no build can name.
 */
export async function loadMigrations(folder: URL): Promise<readonly Migration[]> {
  const found = readdirSync(fileURLToPath(folder)).flatMap((file) => {
    const match = MIGRATION_FILE.exec(file);
    return match ? [{ file, version: Number(match[1]), name: match[2]! }] : [];
  });
  found.sort((a, b) => a.version - b.version);
  const migrations: Migration[] = [];
  for (const [index, { file, version, name }] of found.entries()) {
    if (version !== index + 1) throw new Error(`${fileURLToPath(new URL(file, folder))}: migration ${index + 1} is missing or numbered twice`);
    const module = (await import(new URL(file, folder).href)) as { sql?: unknown; foreignKeysOff?: unknown };
    if (typeof module.sql !== 'string') throw new Error(`${fileURLToPath(new URL(file, folder))}: a migration exports its SQL as \`sql\``);
    migrations.push({ version, name, sql: module.sql, ...(module.foreignKeysOff === true ? { foreignKeysOff: true } : {}) });
  }
  return migrations;
}
