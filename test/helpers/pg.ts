/**
 * A PostgreSQL database of its own for one test file, on the run's server (./pg-cluster.ts).
 * `describe.skipIf(!pgAvailable)` leaves PostgreSQL tests out when the run has no server (the
 * global setup has printed why; under CI=true it failed instead).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPostgresLedger, type PostgresLedger } from '../../src/storage/postgres/postgres-ledger.js';
import { ledgerTables, quoteName } from '../../src/storage/ledger-catalog.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { openLedger } from '../../src/storage/open-ledger.js';

/** The run's server admin URL, or null when PostgreSQL tests are skipped. */
export const pgAdminUrl: string | null = inject('pgAdminUrl');

/** True when a PostgreSQL server is there for the tests. */
export const pgAvailable = pgAdminUrl !== null;

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Run one statement as the admin. */
export async function adminQuery(sql: string): Promise<void> {
  if (pgAdminUrl === null) throw new Error('no PostgreSQL server for the tests');
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Create an empty database and return its URL; each call gives a new one. */
export async function freshDatabase(): Promise<string> {
  if (pgAdminUrl === null) throw new Error('no PostgreSQL server for the tests');
  const name = `duedesk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0`);
  return withDatabase(pgAdminUrl, name);
}

/** Drop a database made by freshDatabase (ends its sessions first). */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * A migrated PostgreSQL ledger in a fresh database for the enclosing describe block, closed and
 * dropped after it. Call inside `describe`; the returned getter gives the open ledger and its URL.
 */
export function ledgerForSuite(): () => { ledger: PostgresLedger; url: string } {
  let current: { ledger: PostgresLedger; url: string } | undefined;
  beforeAll(async () => {
    const url = await freshDatabase();
    current = { ledger: await openPostgresLedger({ url }), url };
  });
  afterAll(async () => {
    if (!current) return;
    await current.ledger.close();
    await dropDatabase(current.url);
  });
  return () => {
    if (!current) throw new Error('ledgerForSuite: the ledger is not open yet');
    return current;
  };
}

/** This file's shared PostgreSQL ledger, opened on first use and closed after the file. */
let fileLedger: Promise<{ ledger: PostgresLedger; url: string }> | undefined;
afterAll(async () => {
  if (!fileLedger) return;
  const { ledger, url } = await fileLedger;
  await ledger.close();
  await dropDatabase(url);
});

/**
 * A migrated PostgreSQL ledger emptied of every row, for a test that wants a fresh ledger (as
 * `makeLedger()` gives a fresh in-memory file): one database per test file, truncated between
 * tests, ids restarted. Its close() does nothing; the file's end closes it.
 */
export async function emptyPostgresLedger(): Promise<Ledger> {
  fileLedger ??= (async () => {
    const url = await freshDatabase();
    return { ledger: await openPostgresLedger({ url }), url };
  })();
  const { ledger } = await fileLedger;
  await ledger.write(async (sql) => {
    const tables = await ledgerTables(sql);
    await sql.run(`TRUNCATE ${tables.map((t) => quoteName(t.name)).join(', ')} RESTART IDENTITY`);
  });
  return {
    kind: ledger.kind,
    location: ledger.location,
    archive: ledger.archive,
    user: ledger.user,
    read: (q) => ledger.read(q),
    write: (c) => ledger.write(c),
    beginSend: (o) => ledger.beginSend(o),
    holdBetweenSends: (o) => ledger.holdBetweenSends(o),
    close: async () => undefined,
  };
}

/** The engines a storage contract test runs on: the sql.js file always, PostgreSQL when there is a server. */
export const ENGINES: { name: string; fresh: () => Promise<Ledger> }[] = [
  { name: 'sql.js', fresh: () => openLedger(null) },
  ...(pgAvailable ? [{ name: 'postgres', fresh: emptyPostgresLedger }] : []),
];
