/**
 * Every migration of the file (SQLite) this build knows: the `NNN-name.ts` files of this folder
 * (../../migration-files.ts). Migrations are additive and never edited once shipped: a schema
 * change is a new numbered file here and its PostgreSQL twin in ../../postgres/migrations/.
 */
import { loadMigrations } from '../../migration-files.js';

/** All SQLite migrations, ascending by version, numbered 1..N without gaps. */
export const MIGRATIONS = await loadMigrations(new URL('./', import.meta.url));
