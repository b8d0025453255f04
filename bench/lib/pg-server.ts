/**
 * The PostgreSQL server the PostgreSQL benchmarks use: DUEDESK_BENCH_PG (an admin URL), else
 * DUEDESK_TEST_PG, else a throwaway cluster started like the tests' (Debian's initdb, a unix
 * socket in a temp directory, fsync off: compare ratios, not absolute times, with a real server).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { chooseServer, startThrowawayServer } from '../../test/helpers/pg-cluster.js';

/** A benchmark database on the chosen server, and how to drop it (and stop the server). */
export interface BenchDatabase {
  url: string;
  dispose(): Promise<void>;
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
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE template0`);
  return {
    url: withDatabase(server.url, name),
    async dispose() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      server.stop();
    },
  };
}
