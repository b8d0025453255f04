/**
 * The Ledger port on PostgreSQL: a ledger shared by several operators and hosts.
 *
 * - `read` runs on a pooled connection in a REPEATABLE READ, READ ONLY transaction, so the
 *   queries of one read see one committed state, and never wait for a writer.
 * - `write` runs `change` in one READ COMMITTED transaction that first takes the ledger's write
 *   lock (a transaction advisory lock, released by COMMIT or ROLLBACK, also when the connection
 *   dies). Writers therefore take turns across every host exactly as they do on the file, so a
 *   storage module's read-compute-write (an import applying payments, a status change) is
 *   correct on both engines without retry loops; SERIALIZABLE would instead make every caller
 *   retry whole changes on conflicts. A write waits at most `lockTimeoutMs` for the lock, then
 *   fails with exit 75. Any error rolls the transaction back.
 * - Migrations run at open (./migrate.ts). The URL's password never appears in `location` or
 *   in any error.
 * - Runs on several hosts send at once, each message claimed in the ledger under its run's id;
 *   a run's session lock tells a dead run from a live one (./send-runs.ts).
 */
import { hostname } from 'node:os';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { UserError } from '../../core/exit-codes.js';
import { LedgerLostError, type BetweenSends, type BetweenSendsOptions, type Ledger, type SendOptions, type SendRun } from '../ledger.js';
import type { Sql } from '../sql.js';
import { tableArchive, type MessageArchive } from '../archive.js';
import { LOCK_CLASS, WRITE_LOCK } from './advisory-keys.js';
import type { Checkout } from './checkout.js';
import { asConnectError, busyError, errorCode, isConnectionLoss } from './connect-errors.js';
import { maskUrl } from './connection-url.js';
import { migratePostgres } from './migrate.js';
import { PgSql } from './pg-sql.js';
import { beginSendRun, holdBetweenSends, recoverDeadRuns } from './send-runs.js';
import { ledgerTypes } from './type-parsers.js';

/** Default wait for another session's write lock before exit 75 (as for the file). */
export const DEFAULT_PG_LOCK_TIMEOUT_MS = 5000;

/** How to open a PostgreSQL ledger. */
export interface PostgresLedgerOptions {
  /** `postgres://` or `postgresql://` URL (a password in it is used, but never shown). */
  url: string;
  /**
   * Supplies the password when neither the URL nor PGPASSWORD has one (the `db.passwordCommand`
   * setting); without it, pg reads ~/.pgpass.
   */
  password?: () => Promise<string>;
  /** How long a write waits for another session's write lock before exit 75. */
  lockTimeoutMs?: number;
  /** Connections kept open at most (reads run in parallel; writes take turns anyway). */
  poolSize?: number;
  /** Environment (PGPASSWORD); defaults to the process's. */
  env?: NodeJS.ProcessEnv;
}

/** How this process appears to other sessions (pg_stat_activity, busy messages). */
function applicationName(): string {
  const command = process.argv.slice(2).filter((a) => a.startsWith('--') && !a.includes('=')).join(' ');
  return `duedesk pid ${process.pid} on ${hostname()}${command ? ` (${command})` : ''}`.slice(0, 63);
}

/** Open a PostgreSQL ledger, migrating it when needed. Refuses a non-duedesk or newer database. */
export async function openPostgresLedger(options: PostgresLedgerOptions): Promise<PostgresLedger> {
  const location = maskUrl(options.url);
  const parsed = parse(options.url);
  const env = options.env ?? process.env;
  const hasPassword = Boolean(parsed.password) || Boolean(env.PGPASSWORD);
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_PG_LOCK_TIMEOUT_MS;
  const config: pg.PoolConfig = {
    ...(parsed as pg.PoolConfig),
    // Set when the session starts: every write then waits that long for the write lock, without
    // two more round trips per transaction to set and reset it (a URL's own options are kept).
    options: [(parsed as { options?: string }).options, `-c lock_timeout=${lockTimeoutMs}`].filter(Boolean).join(' '),
    port: parsed.port ? Number(parsed.port) : undefined,
    password: hasPassword ? parsed.password || env.PGPASSWORD : options.password,
    types: ledgerTypes,
    application_name: applicationName(),
    max: options.poolSize ?? 4,
  };
  const pool = new pg.Pool(config);
  // A server restart or an idle timeout kills idle connections: the next checkout opens a new one.
  pool.on('error', () => undefined);
  const ledger = new PostgresLedger(pool, location, lockTimeoutMs);
  try {
    await ledger.withClient(async (client) => {
      await migratePostgres(client, location);
      ledger.user = (await client.query<{ who: string }>('SELECT session_user AS who')).rows[0]?.who ?? '';
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  ledger.opened = true;
  return ledger;
}

/** Connections whose transaction could not be ended: never handed to the next caller. */
const unusable = new WeakSet<pg.ClientBase>();

/**
 * Run `body` between `begin` and COMMIT on `client`; ROLLBACK when it throws. A connection the
 * ROLLBACK fails on (it died, or is stuck in the transaction) is marked unusable.
 */
async function inTransaction<T>(client: pg.ClientBase, begin: string, body: () => Promise<T>): Promise<T> {
  await client.query(begin);
  try {
    const result = await body();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => unusable.add(client));
    throw error;
  }
}

/** A ledger in one PostgreSQL database. */
export class PostgresLedger implements Ledger {
  readonly kind = 'postgres' as const;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Set once the ledger was opened: from then on a connection failure means the server went
   * away (exit 75, try again later), not that the URL is wrong (exit 2).
   */
  opened = false;
  /** The copies travel with the ledger: another host can give back what this one sent. */
  readonly archive: MessageArchive;
  /** The role that logged in (`session_user`), read once at open. */
  user = '';

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    private readonly lockTimeoutMs: number,
  ) {
    this.archive = tableArchive(location, (query) => this.read(query), (change) => this.write(change));
  }

  /**
   * Check a connection out of the pool. It gets an 'error' listener for as long as it is out: a
   * connection that breaks while checked out emits 'error', and with nobody listening Node ends
   * the process with a stack trace instead of the run reporting what it did.
   */
  private async checkout(): Promise<Checkout> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.asLedgerError(error, null);
    }
    let failure: Error | null = null;
    const onError = (error: Error): void => {
      failure ??= error;
    };
    client.on('error', onError);
    let released = false;
    return {
      client,
      lost: () => failure,
      release: (destroy = false) => {
        if (released) return;
        released = true;
        // A connection left in a transaction would hand that transaction to the next caller: drop it.
        client.release(destroy || failure !== null || unusable.has(client));
        client.off('error', onError);
      },
    };
  }

  /**
   * A failure as the user must see it: once the ledger is open, a broken connection is "lost the
   * connection to the ledger" (exit 75); before, a refused one is "cannot connect" (exit 2).
   */
  private asLedgerError(error: unknown, checkout: Checkout | null): unknown {
    const broken = checkout?.lost() ?? null;
    if (this.opened && (broken !== null || isConnectionLoss(error))) {
      return new LedgerLostError(this.location, (broken ?? (error as Error)).message || String(errorCode(error)));
    }
    if (error instanceof UserError) return error;
    return asConnectError(error, this.location);
  }

  /** Run `body` on a pooled connection, naming the ledger in connection failures. */
  async withClient<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const held = await this.checkout();
    try {
      return await body(held.client);
    } catch (error) {
      throw this.asLedgerError(error, held);
    } finally {
      held.release();
    }
  }

  read<T>(query: (sql: Sql) => Promise<T>): Promise<T> {
    return this.withClient((client) =>
      inTransaction(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () => query(new PgSql(client))),
    );
  }

  write<T>(change: (sql: Sql) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.withClient((client) => this.transaction(client, change)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** BEGIN, the write lock, `change`, COMMIT; ROLLBACK when anything throws. */
  private transaction<T>(client: pg.PoolClient, change: (sql: Sql) => Promise<T>): Promise<T> {
    return inTransaction(client, 'BEGIN', async () => {
      await this.takeWriteLock(client);
      return change(new PgSql(client));
    });
  }

  /** Wait for the write lock at most lockTimeoutMs; then exit 75 naming the holder. */
  private async takeWriteLock(client: pg.PoolClient): Promise<void> {
    try {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, WRITE_LOCK]);
    } catch (error) {
      if (errorCode(error) !== '55P03') throw error;
      await client.query('ROLLBACK');
      throw busyError(this.location, await this.writeLockHolder(), this.lockTimeoutMs);
    }
  }

  /** Who holds the write lock now (their application name and for how long), if anyone. */
  private async writeLockHolder(): Promise<string | null> {
    const rows = await this.pool.query<{ who: string; seconds: number }>(
      `SELECT a.application_name AS who, floor(extract(epoch FROM now() - a.xact_start))::integer AS seconds
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [LOCK_CLASS, WRITE_LOCK],
    );
    const row = rows.rows[0];
    return row ? `${row.who || 'another session'} for ${row.seconds} s` : null;
  }

  /**
   * A connection of its own for session-level advisory locks (a sending run's liveness lock, a
   * copy's hold between sends), outside any transaction; the caller releases it (closing it
   * drops every session lock). Throws connection failures as UserErrors.
   */
  dedicatedConnection(): Promise<Checkout> {
    return this.checkout();
  }

  /** A failure on a dedicated connection as the user must see it (see asLedgerError). */
  failureOn(checkout: Checkout, error: unknown): unknown {
    return this.asLedgerError(error, checkout);
  }

  /** A run of its own id (and, scheduled, the one scheduled-send lock), then dead runs' messages settled. */
  async beginSend({ scheduled, now }: SendOptions): Promise<SendRun> {
    const run = await beginSendRun(this, { scheduled });
    let settled: number;
    try {
      const at = now();
      settled = (await recoverDeadRuns(this, () => at)).length;
    } catch (error) {
      await run.end();
      throw error;
    }
    return {
      claimsAs: run.id,
      settled,
      stillHeld: () => {
        const lost = run.lost();
        if (lost !== null) throw lost;
        return run.alive();
      },
      release: () => run.end(),
    };
  }

  holdBetweenSends({ doing, waitMs, now }: BetweenSendsOptions): Promise<BetweenSends> {
    return holdBetweenSends(this, waitMs, doing, now);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.pool.end();
  }
}
