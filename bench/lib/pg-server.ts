/**
 * The PostgreSQL server the PostgreSQL benchmarks use: DUEDESK_BENCH_PG (an admin URL), else
 * DUEDESK_TEST_PG, else a throwaway cluster started like the tests' (Debian's initdb, a unix
 * socket in a temp directory, fsync off: compare ratios, not absolute times, with a real server).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { chooseServer, startThrowawayServer } from '../../test/helpers/pg-cluster.js';

/** A benchmark database on the chosen server, and how to drop it (and stop the server). */
export interface BenchDatabase {
  url: string;
  /** Run one statement as the server's admin. */
  admin(sql: string): Promise<void>;
  /** Run one statement in the benchmark's database. */
  run(sql: string): Promise<void>;
  /** Databases made from this one (cloneDatabase), dropped with it. */
  clones: string[];
  dispose(): Promise<void>;
}

/** The newest installed psql, else the one on PATH. */
export function psqlPath(): string {
  const choice = chooseServer({ CI: 'false' });
  return 'bin' in choice ? join(choice.bin, 'psql') : 'psql';
}

/**
 * A new database copied from `base` (CREATE DATABASE … TEMPLATE: a file copy on the server, far
 * quicker than loading it again), so every repetition starts from the same rows.
 */
export async function cloneDatabase(base: BenchDatabase, suffix: string): Promise<string> {
  const from = new URL(base.url).pathname.slice(1);
  const name = `${from}_${suffix}`;
  await base.admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await base.admin(`CREATE DATABASE ${name} TEMPLATE ${from}`);
  base.clones.push(name);
  return withDatabase(base.url, name);
}

/** `url` with its database name replaced. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Create an empty database for one benchmark. Throws a clear error when no server can be had. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.DUEDESK_BENCH_PG ?? process.env.DUEDESK_TEST_PG;
  const choice = given ? { url: given } : chooseServer({ ...process.env, CI: 'true' });
  const server = 'url' in choice ? { url: choice.url, stop: () => undefined } : 'bin' in choice ? startThrowawayServer(choice.bin) : null;
  if (server === null) throw new Error('no PostgreSQL server for the benchmark');
  const name = `duedesk_bench_${randomBytes(4).toString('hex')}`;
  const on = (url: string) => async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const admin = on(server.url);
  await admin(`CREATE DATABASE ${name} TEMPLATE template0`);
  const clones: string[] = [];
  const url = withDatabase(server.url, name);
  return {
    url,
    admin,
    run: on(url),
    clones,
    async dispose() {
      for (const clone of clones) await admin(`DROP DATABASE IF EXISTS ${clone} WITH (FORCE)`);
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      server.stop();
    },
  };
}
