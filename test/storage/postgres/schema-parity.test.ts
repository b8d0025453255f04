/**
 * Both engines have the same schema: the same migration numbers and names, and after migrating
 * the same tables with the same columns. A SQLite migration added without its PostgreSQL twin
 * (src/storage/postgres/migrations/) fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MIGRATIONS } from '../../../src/storage/sqljs/migrations/index.js';
import { POSTGRES_MIGRATIONS } from '../../../src/storage/postgres/migrations/index.js';
import { openPostgresLedger } from '../../../src/storage/postgres/postgres-ledger.js';
import { makeLedger } from '../../helpers/store.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../../helpers/pg.js';

/** table → sorted column names */
type Shape = Record<string, string[]>;

async function sqliteShape(): Promise<Shape> {
  const ledger = await makeLedger();
  const shape: Shape = {};
  await ledger.read(async (sql) => {
    const tables = await sql.all(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    for (const { name } of tables) {
      const columns = await sql.all(`SELECT name FROM pragma_table_info(?)`, [name ?? null]);
      shape[String(name)] = columns.map((c) => String(c.name)).sort();
    }
  });
  await ledger.close();
  return shape;
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name`,
  );
  await client.end();
  const shape: Shape = {};
  // SQLite's implicit rowid is an explicit column where PostgreSQL needs the record order.
  for (const row of result.rows) if (row.column_name !== 'rowid') (shape[row.table_name] ??= []).push(row.column_name);
  for (const columns of Object.values(shape)) columns.sort();
  return shape;
}

describe('schema parity', () => {
  it('every migration has a PostgreSQL twin with the same number and name', () => {
    const names = (list: typeof MIGRATIONS) => list.map((m) => `${m.version} ${m.name}`);
    expect(names(POSTGRES_MIGRATIONS)).toEqual(names(MIGRATIONS));
  });
});

describe.skipIf(!pgAvailable)('schema parity on a real server', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
    await (await openPostgresLedger({ url })).close();
  });
  afterAll(() => dropDatabase(url));

  it('both engines have the same tables and columns', async () => {
    expect(await postgresShape(url)).toEqual(await sqliteShape());
  });

  it('money columns are bigint and dates are date on PostgreSQL', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ c: string; t: string }>(
      `SELECT table_name || '.' || column_name AS c, data_type AS t FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name IN ('amount', 'open_amount', 'total', 'installment', 'due_date', 'as_of', 'promised_date', 'made_on', 'follow_up')`,
    );
    await client.end();
    const types = Object.fromEntries(rows.map((r) => [r.c, r.t]));
    expect(types).toMatchObject({ 'items.amount': 'bigint', 'items.open_amount': 'bigint', 'messages.total': 'bigint', 'plans.installment': 'bigint', 'items.due_date': 'date', 'messages.as_of': 'date' });
    expect(types).toMatchObject({ 'promises.amount': 'bigint', 'proposal_lines.total': 'bigint', 'promises.made_on': 'date', 'promises.promised_date': 'date', 'customer_notes.follow_up': 'date', 'proposals.as_of': 'date' });
  });
});
