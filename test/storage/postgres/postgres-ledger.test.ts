/**
 * The PostgreSQL adapter on a real server: values come back as they would from the file,
 * placeholders, transactions, the write lock, migrations once under concurrency, and refusals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresLedger, type PostgresLedger } from '../../../src/storage/postgres/postgres-ledger.js';
import { UserError } from '../../../src/core/exit-codes.js';
import { dropDatabase, freshDatabase, ledgerForSuite, pgAvailable, withDatabase } from '../../helpers/pg.js';
import { MIGRATIONS } from '../../../src/storage/sqljs/migrations/index.js';

describe.skipIf(!pgAvailable)('PostgreSQL ledger', () => {
  const suite = ledgerForSuite();
  let url: string;
  let ledger: PostgresLedger;
  beforeAll(() => ({ ledger, url } = suite()));

  it('reads money as numbers, dates as calendar text, truth as 1/0 and JSON as text, like the file', async () => {
    const row = await ledger.read((sql) =>
      sql.all(
        `SELECT 9007199254740991::bigint AS big, (SELECT SUM(x) FROM (VALUES (5::bigint), (7::bigint)) v(x)) AS total, DATE '2026-03-29' AS day,
                EXISTS (SELECT 1) AS yes, 'a?b' AS "MixedCase", ? AS param,
                json_build_array(12345::bigint, DATE '2026-03-29') AS list`,
        ['it?'],
      ).then((rows) => rows[0]),
    );
    // 2026-03-29 is the day European clocks go forward: a local-midnight Date would shift it.
    expect(row).toEqual({ big: 9007199254740991, total: 12, day: '2026-03-29', yes: 1, mixedcase: 'a?b', param: 'it?', list: '[12345, "2026-03-29"]' });
  });

  it('refuses a bigint a JavaScript number cannot hold exactly instead of rounding it', async () => {
    await expect(ledger.read((sql) => sql.all('SELECT 9007199254740993::bigint AS big'))).rejects.toThrow(/not a whole number within/);
  });

  it('sums of bigint money come back as whole numbers', async () => {
    await ledger.write((sql) => sql.run(`INSERT INTO customers (code, name, currency) VALUES ('C1', 'A', 'EUR')`));
    const items = [1, 2, 3].map((n) => ['C1', `INV-${n}`, 'invoice', '2026-01-01', '2026-01-31', 4_000_000_000_000 + n, 4_000_000_000_000 + n, 'EUR']);
    const changed = await ledger.write((sql) =>
      sql.runMany(
        `INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        items,
      ),
    );
    expect(changed).toBe(3);
    const [sum] = await ledger.read((sql) => sql.all(`SELECT SUM(open_amount) AS s, MIN(due_date) AS d FROM items`));
    expect(sum).toEqual({ s: 12_000_000_000_006, d: '2026-01-31' });
  });

  it('runs queries made side by side on one connection one after the other, in order, without pg warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const results = await ledger.read((sql) =>
        Promise.all([sql.all('SELECT 1 AS n FROM pg_sleep(0.02)'), sql.all('SELECT 2 AS n'), sql.all('SELECT 3 AS n')]),
      );
      expect(results).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }]]);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('keeps none of a write that throws', async () => {
    await expect(
      ledger.write(async (sql) => {
        await sql.run(`INSERT INTO customers (code, name, currency) VALUES ('C2', 'B', 'EUR')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await ledger.read((sql) => sql.all(`SELECT code FROM customers WHERE code = ?`, ['C2']));
    expect(rows).toEqual([]);
  });

  it('keeps its connection after a change that throws (opening a new one costs milliseconds per write)', async () => {
    const single = await openPostgresLedger({ url, poolSize: 1 });
    try {
      const pid = async () => (await single.read((sql) => sql.all('SELECT pg_backend_pid() AS pid')))[0]!.pid;
      const before = await pid();
      await expect(single.write(async () => Promise.reject(new Error('someone else has it')))).rejects.toThrow('someone else has it');
      expect(await pid()).toBe(before);
    } finally {
      await single.close();
    }
  });

  it('sorts codes byte by byte, as the file does, whatever the server locale', async () => {
    await ledger.write((sql) =>
      sql.runMany(`INSERT INTO customers (code, name, currency) VALUES (?, ?, 'EUR')`, [
        ['b', 'x'],
        ['B', 'x'],
        ['a', 'x'],
        ['_', 'x'],
      ]),
    );
    const rows = await ledger.read((sql) => sql.all(`SELECT code FROM customers WHERE code <> 'C1' ORDER BY code`));
    expect(rows.map((r) => r.code)).toEqual(['B', '_', 'a', 'b']);
  });

  it('makes a second writer wait for the first and gives up with exit 75 naming the holder', async () => {
    const other = await openPostgresLedger({ url, lockTimeoutMs: 300 });
    try {
      let release!: () => void;
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const first = ledger.write(async () => {
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await holding;
      const error = await other.write(async () => 'never').catch((e: unknown) => e);
      release();
      await first;
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(75);
      expect((error as UserError).message).toMatch(/is busy: held by duedesk pid \d+ on .* for \d+ s; waited 0 s; try again later/);
      expect(await other.write(async () => 'now')).toBe('now');
    } finally {
      await other.close();
    }
  });
});

describe.skipIf(!pgAvailable)('PostgreSQL migrations', () => {
  it('two hosts opening a new ledger at once migrate it once', async () => {
    const url = await freshDatabase();
    try {
      const ledgers = await Promise.all([openPostgresLedger({ url }), openPostgresLedger({ url }), openPostgresLedger({ url })]);
      const versions = await ledgers[0]!.read((sql) => sql.all('SELECT version, name FROM schema_migrations ORDER BY version'));
      expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      await Promise.all(ledgers.map((l) => l.close()));
    } finally {
      await dropDatabase(url);
    }
  });

  it('waits out another host migrating, however much longer than the write timeout it takes', async () => {
    const url = await freshDatabase();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      // The other host holds the migration lock (as a long migration would).
      await other.query('SELECT pg_advisory_lock($1, $2)', [0x6464, 1]);
      const opening = openPostgresLedger({ url, lockTimeoutMs: 50 });
      let failed: unknown = null;
      opening.catch((error: unknown) => (failed = error));
      // Until the server says the opener has waited for it well past its 50 ms write timeout.
      const waitedLong = async () =>
        (
          await other.query(
            `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE l.locktype = 'advisory' AND l.objid = 1 AND NOT l.granted AND now() - a.query_start > interval '250 ms'`,
          )
        ).rows.length > 0;
      while (failed === null && !(await waitedLong())) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(failed).toBeNull();
      await other.query('SELECT pg_advisory_unlock($1, $2)', [0x6464, 1]);
      await (await opening).close();
    } finally {
      await other.end();
      await dropDatabase(url);
    }
  });

  it('refuses a database migrated by a newer duedesk, and one that is not a duedesk ledger', async () => {
    const url = await freshDatabase();
    try {
      (await openPostgresLedger({ url })).close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`INSERT INTO schema_migrations VALUES (99, 'future', 'x')`);
      await client.end();
      await expect(openPostgresLedger({ url })).rejects.toThrow(/migrated by a newer duedesk \(schema 99, this version knows \d+\)/);

      const other = await freshDatabase();
      const foreign = new pg.Client({ connectionString: other });
      await foreign.connect();
      await foreign.query('CREATE TABLE invoices (id integer)');
      await foreign.end();
      await expect(openPostgresLedger({ url: other })).rejects.toThrow(/is not a duedesk ledger/);
      await dropDatabase(other);
    } finally {
      await dropDatabase(url);
    }
  });

  it('names the ledger with its password masked when it cannot connect', async () => {
    const url = await freshDatabase();
    const missing = withDatabase(url, 'no_such_ledger').replace('postgres@', 'postgres:s3cret@');
    const error = await openPostgresLedger({ url: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String((error as Error).message)).toMatch(/^cannot connect to the ledger postgresql:\/\/postgres:\*\*\*@.*no_such_ledger.*does not exist/);
    expect(String((error as Error).message)).not.toContain('s3cret');
    await dropDatabase(url);
  });
});

describe.skipIf(!pgAvailable)('many rows of one statement', () => {
  const suite = ledgerForSuite();
  let ledger: PostgresLedger;
  beforeAll(() => ({ ledger } = suite()));

  it('counts and applies rows as one by one would, an upsert naming a key twice included', async () => {
    const rows = Array.from({ length: 1203 }, (_, n) => [`C${n % 300}`, `name ${n}`]);
    const upsert = `INSERT INTO customers (code, name, currency) VALUES (?, ?, 'EUR')
      ON CONFLICT (code) DO UPDATE SET name = excluded.name`;
    expect(await ledger.write((sql) => sql.runMany(upsert, rows))).toBe(1203);
    const names = await ledger.read((sql) => sql.all(`SELECT name FROM customers WHERE code IN ('C0', 'C102', 'C103')  ORDER BY code`));
    // Every code comes four or five times, several times within one batch: the last row wins, as one by one.
    expect(names.map((r) => r.name)).toEqual(['name 1200', 'name 1002', 'name 1003']);
    const ignored = `INSERT INTO customers (code, name, currency) VALUES (?, ?, 'EUR') ON CONFLICT DO NOTHING`;
    expect(await ledger.write((sql) => sql.runMany(ignored, [['C1', 'x'], ['NEW', 'y'], ['NEW', 'z']]))).toBe(1);
  });
});
