/**
 * The PostgreSQL twin of every migration of the file: the `NNN-name.ts` files of this folder
 * (../../migration-files.ts), each with the same version and name as its SQLite twin in
 * ../../sqljs/migrations/ and the SQL this engine needs (bigint money, `COLLATE "C"` text, date
 * columns, identity ids; types from ./types.ts). The schema-parity test fails while one engine
 * has a migration, table or column the other lacks.
 */
import { loadMigrations } from '../../migration-files.js';

/** All PostgreSQL migrations, ascending by version, numbered like the SQLite ones. */
export const POSTGRES_MIGRATIONS = await loadMigrations(new URL('./', import.meta.url));
