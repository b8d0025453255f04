/**
 * What a ledger's schema holds, read from the engine's own catalog (the one place where the two
 * dialects' catalogs differ): its tables in an order where every table comes after the tables it
 * references, their columns, and the schema version. `db copy` uses it so a table a later
 * migration adds is copied without being listed anywhere.
 */
import { pushTo } from './rows.js';
import type { Sql } from './sql.js';

/** One table: its name and columns in declaration order. */
export interface TableShape {
  name: string;
  columns: string[];
}

/** Tables and their references (child → parents). */
async function tablesAndReferences(sql: Sql): Promise<{ tables: string[]; references: Map<string, string[]> }> {
  const references = new Map<string, string[]>();
  if (sql.dialect === 'sqlite') {
    const rows = await sql.all(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`,
    );
    const tables = rows.map((r) => String(r.name));
    for (const table of tables) {
      const parents = await sql.all(`SELECT "table" AS parent FROM pragma_foreign_key_list(?)`, [table]);
      references.set(table, parents.map((p) => String(p.parent)));
    }
    return { tables, references };
  }
  const rows = await sql.all(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`,
  );
  const links = await sql.all(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  for (const link of links) pushTo(references, String(link.child), String(link.parent));
  return { tables: rows.map((r) => String(r.name)), references };
}

/**
 * Column names of `table` in declaration order. A SQLite table with a rowid lists it too, as
 * `rowid`: PostgreSQL keeps it as a column where the order rows were recorded in is read.
 */
async function columnsOf(sql: Sql, table: string): Promise<string[]> {
  if (sql.dialect === 'sqlite') {
    const rows = await sql.all(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, [table]);
    const [list] = await sql.all(`SELECT wr FROM pragma_table_list WHERE name = ? AND schema = 'main'`, [table]);
    return [...rows.map((r) => String(r.name)), ...(list?.wr === 0 ? ['rowid'] : [])];
  }
  const rows = await sql.all(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => String(r.name));
}

/** Every ledger table (not the migration tracking), parents before the tables referring to them. */
export async function ledgerTables(sql: Sql): Promise<TableShape[]> {
  const { tables, references } = await tablesAndReferences(sql);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>): void => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of references.get(table) ?? []) if (parent !== table && tables.includes(parent)) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return Promise.all(ordered.map(async (name) => ({ name, columns: await columnsOf(sql, name) })));
}

/** The ledger's schema version (0 when it has none). */
export async function schemaVersion(sql: Sql): Promise<number> {
  const [row] = await sql.all('SELECT MAX(version) AS v FROM schema_migrations');
  return typeof row?.v === 'number' ? row.v : 0;
}

/** After rows were inserted with their ids, move PostgreSQL's id sequences past them. */
export async function afterCopyingIds(sql: Sql): Promise<void> {
  if (sql.dialect !== 'postgres') return;
  const identities = await sql.all(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { t, c } of identities) {
    const table = quoteName(String(t));
    const column = quoteName(String(c));
    await sql.all(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(${column}), 0) + 1, false) FROM ${table}`, [String(t), String(c)]);
  }
}

/** A table or column name as a quoted identifier (names come from the catalog, never from input). */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
