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
import { marks, type Sql, type SqlValue } from './sql.js';
import { carryArchive } from './archive-tools.js';

/** Options of copyLedger. */
export interface CopyOptions {
  /** Empty a destination that already holds data first (else it is refused). */
  replace: boolean;
  /** Told the rows copied so far and the rows in all, as the copy goes (a progress line). */
  onProgress?: (done: number, total: number) => void;
}

/** Rows inserted per statement batch: progress moves in steps this size, and no batch holds a table. */
const ROWS_PER_BATCH = 5000;

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
  const report = await copyTables(source, dest, options);
  // The archived copies go through each side's archive, wherever it keeps them (a file's folder,
  // a table): content-addressed, so a copy already there is kept as it is.
  const carried = await carryArchive((query) => source.read(query), source.archive, dest.archive);
  return [...report, { table: 'archived messages', rows: carried }];
}

/** The audit trail: never emptied, only added to. */
const AUDIT_TABLE = 'audit_log';

/** The tables of the archive's own storage, carried through the archive instead of row by row. */
const ARCHIVE_TABLES = new Set(['archive_copies']);

async function copyTables(source: Ledger, dest: Ledger, options: CopyOptions): Promise<CopyReport> {
  return source.read(async (from) => {
    const tables = (await ledgerTables(from)).filter((t) => !ARCHIVE_TABLES.has(t.name));
    const version = await schemaVersion(from);
    return dest.write(async (to) => {
      const destTables = (await ledgerTables(to)).filter((t) => !ARCHIVE_TABLES.has(t.name));
      const destVersion = await schemaVersion(to);
      if (destVersion !== version) {
        throw new UserError(`cannot copy ${source.location} (schema ${version}) to ${dest.location} (schema ${destVersion}): open both with the same duedesk version first`);
      }
      const copied = copyShapes(tables, destTables, source.location, dest.location);
      const occupied = await nonEmptyTables(to, destTables);
      if (occupied.length > 0 && !options.replace) {
        throw new UserError(`${dest.location} already holds a ledger (${occupied.join(', ')}); add --replace to overwrite it`);
      }
      // The audit trail is append-only (docs/reference/roles.md §4): a replaced ledger keeps its
      // own entries, and the source's are added after them.
      const keptTrail = occupied.some((table) => table.startsWith(`${AUDIT_TABLE} `));
      for (const { name } of [...destTables].reverse()) if (name !== AUDIT_TABLE) await to.run(`DELETE FROM ${quoteName(name)}`);
      const progress = { done: 0, total: await rowCount(from, copied), tell: options.onProgress };
      progress.tell?.(0, progress.total);
      const report: CopyReport = [];
      for (const table of copied) {
        const rows = keptTrail && table.name === AUDIT_TABLE ? await appendTrail(from, to, table, progress) : await copyTable(from, to, table, progress);
        report.push({ table: table.name, rows });
      }
      await afterCopyingIds(to);
      return report;
    });
  });
}

/** Rows in all the tables to copy. */
async function rowCount(sql: Sql, tables: readonly TableShape[]): Promise<number> {
  let total = 0;
  for (const { name } of tables) total += Number((await sql.all(`SELECT COUNT(*) AS n FROM ${quoteName(name)}`))[0]?.n ?? 0);
  return total;
}

/** Where a copy has got to, for its progress line. */
interface CopyProgress {
  done: number;
  total: number;
  tell: CopyOptions['onProgress'];
}

/**
 * Add the source's audit entries the destination does not hold yet, after its own, under new ids
 * (docs/reference/roles.md §4): a replaced ledger's trail is never emptied. Resolves to those added.
 */
async function appendTrail(from: Sql, to: Sql, table: TableShape, progress: CopyProgress): Promise<number> {
  const columns = table.columns.filter((c) => c !== 'id' && c !== 'rowid');
  const list = columns.map(quoteName).join(', ');
  const key = (row: Record<string, SqlValue>): string => JSON.stringify(columns.map((c) => row[c] ?? null));
  const held = new Set((await to.all(`SELECT ${list} FROM ${quoteName(table.name)}`)).map(key));
  const rows = await from.all(`SELECT ${list} FROM ${quoteName(table.name)} ORDER BY id`);
  const added = rows.filter((row) => !held.has(key(row)));
  await to.runMany(`INSERT INTO ${quoteName(table.name)} (${list}) VALUES (${marks(columns.length)})`, added.map((row) => columns.map((c) => row[c] ?? null)));
  progress.done += rows.length;
  progress.tell?.(progress.done, progress.total);
  return added.length;
}

/** Copy one table's rows, every column as it is, in batches that report progress. */
async function copyTable(from: Sql, to: Sql, table: TableShape, progress: CopyProgress): Promise<number> {
  const columns = table.columns.map(quoteName).join(', ');
  const rows = await from.all(`SELECT ${columns} FROM ${quoteName(table.name)}`);
  const insert = `INSERT INTO ${quoteName(table.name)} (${columns}) VALUES (${marks(table.columns.length)})`;
  for (let at = 0; at < rows.length; at += ROWS_PER_BATCH) {
    const batch = rows.slice(at, at + ROWS_PER_BATCH);
    await to.runMany(insert, batch.map((row) => table.columns.map((c) => row[c] ?? null) as SqlValue[]));
    progress.done += batch.length;
    progress.tell?.(progress.done, progress.total);
  }
  return rows.length;
}
