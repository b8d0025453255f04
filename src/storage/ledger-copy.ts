/**
 * `db copy`: a whole ledger from one engine to the other (file ⇄ PostgreSQL), history included,
 * because the history is what stops a message from going twice; a CSV round trip would lose it.
 *
 * The copy reads the source in one read (one consistent state) and writes the destination in one
 * write: all of it lands, or none. Tables come from the catalog (./ledger-catalog.ts), parents
 * first, every column, ids kept. Both sides must be at the same schema version, which they are
 * when this build opened both (it migrates on open).
 */
import { UserError } from '../core/exit-codes.js';
import type { Ledger } from './ledger.js';
import { afterCopyingIds, ledgerTables, quoteName, schemaVersion, type TableShape } from './ledger-catalog.js';
import type { Sql, SqlValue } from './sql.js';

/** Options of copyLedger. */
export interface CopyOptions {
  /** Empty a destination that already holds data first (else it is refused). */
  replace: boolean;
}

/** Rows copied per table, in copy order. */
export type CopyReport = { table: string; rows: number }[];

/** Tables of the destination that hold rows, with their counts. */
async function nonEmptyTables(sql: Sql, tables: readonly TableShape[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await sql.all(`SELECT COUNT(*) AS n FROM ${quoteName(name)}`);
    if (Number(row?.n) > 0) found.push(`${name} ${String(row?.n)}`);
  }
  return found;
}

/**
 * The two schemas must hold the same tables and columns, or the copy would drop data. A rowid
 * is copied where both sides have one (./ledger-catalog.ts), and is no difference where not.
 */
function copyShapes(source: readonly TableShape[], dest: readonly TableShape[], from: string, to: string): TableShape[] {
  const data = (t: TableShape) => t.columns.filter((c) => c !== 'rowid').sort().join(',');
  const describe = (tables: readonly TableShape[]) => tables.map((t) => `${t.name}(${data(t)})`).sort().join(' ');
  if (describe(source) !== describe(dest)) {
    throw new UserError(`cannot copy ${from} to ${to}: their tables differ; open both with the same duedesk version first`);
  }
  return source.map((table) => {
    const target = dest.find((t) => t.name === table.name);
    return { name: table.name, columns: table.columns.filter((c) => c !== 'rowid' || target?.columns.includes('rowid')) };
  });
}

/** Copy every table of `source` into `dest` (one transaction); refuses a non-empty dest unless replace. */
export async function copyLedger(source: Ledger, dest: Ledger, options: CopyOptions): Promise<CopyReport> {
  return source.read(async (from) => {
    const tables = await ledgerTables(from);
    const version = await schemaVersion(from);
    return dest.write(async (to) => {
      const destTables = await ledgerTables(to);
      const destVersion = await schemaVersion(to);
      if (destVersion !== version) {
        throw new UserError(`cannot copy ${source.location} (schema ${version}) to ${dest.location} (schema ${destVersion}): open both with the same duedesk version first`);
      }
      const copied = copyShapes(tables, destTables, source.location, dest.location);
      const occupied = await nonEmptyTables(to, destTables);
      if (occupied.length > 0 && !options.replace) {
        throw new UserError(`${dest.location} already holds a ledger (${occupied.join(', ')}); add --replace to overwrite it`);
      }
      for (const { name } of [...destTables].reverse()) await to.run(`DELETE FROM ${quoteName(name)}`);
      const report: CopyReport = [];
      for (const table of copied) report.push({ table: table.name, rows: await copyTable(from, to, table) });
      await afterCopyingIds(to);
      return report;
    });
  });
}

/** Copy one table's rows, every column as it is. */
async function copyTable(from: Sql, to: Sql, table: TableShape): Promise<number> {
  const columns = table.columns.map(quoteName).join(', ');
  const rows = await from.all(`SELECT ${columns} FROM ${quoteName(table.name)}`);
  if (rows.length === 0) return 0;
  const insert = `INSERT INTO ${quoteName(table.name)} (${columns}) VALUES (${table.columns.map(() => '?').join(', ')})`;
  await to.runMany(insert, rows.map((row) => table.columns.map((c) => row[c] ?? null) as SqlValue[]));
  return rows.length;
}
