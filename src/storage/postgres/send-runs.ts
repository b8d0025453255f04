/**
 * Sending runs on a shared ledger. A run (a TUI send, `--send-due`, `statement --send`) holds a
 * session advisory lock named by its run id on a connection of its own while it sends; its claims
 * carry the id. Any sender can then tell a dead run (process killed, host gone, connection cut:
 * the server dropped its lock) from a live one, and turns only the dead run's `sending` messages
 * into `uncertain`. `--send-due` also takes the scheduled-send lock: one scheduled run at a time
 * across every host. A copy of the ledger is taken between runs (holdBetweenSends). The ledger
 * offers both through its port (Ledger.beginSend, Ledger.holdBetweenSends).
 */
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { LedgerLostError, type BetweenSends, type Ledger } from '../ledger.js';
import type { Sql } from '../sql.js';
import { markRunUncertain, runsWithSending } from '../send-claims.js';
import { BETWEEN_SENDS_LOCK, LOCK_CLASS, RUN_CLASS, SCHEDULED_SEND_LOCK } from './advisory-keys.js';
import { errorCode } from './connect-errors.js';
import type { Checkout } from './checkout.js';

/** What sending runs use of the PostgreSQL ledger (./postgres-ledger.ts). */
interface SessionLedger extends Pick<Ledger, 'location' | 'write'> {
  /** A connection of its own for session locks; the caller releases it. */
  dedicatedConnection(): Promise<Checkout>;
  /** A failure on such a connection as the user must see it. */
  failureOn(checkout: Checkout, error: unknown): unknown;
}

/** A live sending run's session. */
export interface RunSession {
  /** The id its claims carry. */
  readonly id: number;
  /** False once its lock connection failed: others may already count it dead, so send no more. */
  alive(): boolean;
  /** Once its connection broke: "lost the connection to the ledger …" (else null). */
  lost(): LedgerLostError | null;
  /** Give the locks back (the run's outcomes are recorded). */
  end(): Promise<void>;
}

/** What an interrupted run's messages say in the history. */
export const DEAD_RUN_ERROR = 'the sending run stopped before the outcome was known (process or connection ended)';

/**
 * Start a run: a connection holding a fresh run id's lock and the between-sends lock (shared),
 * and with `scheduled` the one scheduled-send lock, else exit 75 naming who holds it.
 */
export async function beginSendRun(ledger: SessionLedger, options: { scheduled: boolean }): Promise<RunSession> {
  const session = await ledger.dedicatedConnection();
  const { client } = session;
  try {
    if (options.scheduled) await takeScheduledLock(client, ledger.location);
    await takeBetweenSendsShared(client, ledger.location);
    let id = 0;
    while (id === 0) {
      const candidate = randomInt(1, 2 ** 31 - 1);
      const got = await client.query<{ got: number }>('SELECT pg_try_advisory_lock($1, $2) AS got', [RUN_CLASS, candidate]);
      if (got.rows[0]?.got === 1) id = candidate;
    }
    return {
      id,
      // Once the connection broke, the server has dropped the run's lock: others count it dead.
      alive: () => session.lost() === null,
      lost: () => {
        const broken = session.lost();
        return broken === null ? null : new LedgerLostError(ledger.location, broken.message);
      },
      async end() {
        // Ending the session drops every lock it holds, whatever state it is in.
        session.release(true);
      },
    };
  } catch (error) {
    session.release(true);
    throw ledger.failureOn(session, error);
  }
}

/** The scheduled-send lock, or exit 75 naming the run that holds it. */
async function takeScheduledLock(client: pg.PoolClient, location: string): Promise<void> {
  const got = await client.query<{ got: number }>('SELECT pg_try_advisory_lock($1, $2) AS got', [LOCK_CLASS, SCHEDULED_SEND_LOCK]);
  if (got.rows[0]?.got === 1) return;
  const holder = await client.query<{ who: string; seconds: number }>(
    `SELECT a.application_name AS who, floor(extract(epoch FROM now() - a.backend_start))::integer AS seconds
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LOCK_CLASS, SCHEDULED_SEND_LOCK],
  );
  const row = holder.rows[0];
  const who = row ? `${row.who || 'another session'} for ${row.seconds} s` : 'another session';
  throw new UserError(`the ledger ${location} is busy: a scheduled send is running (${who}); try again later`, ExitCode.Busy);
}

/**
 * A run holds the between-sends lock shared for as long as it sends, so a copy of the ledger
 * (which takes it exclusively) waits for it. It waits the session's lock_timeout for a copy
 * under way (or queued: the server serves lock requests in order), then exit 75.
 */
async function takeBetweenSendsShared(client: pg.PoolClient, location: string): Promise<void> {
  try {
    await client.query('SELECT pg_advisory_lock_shared($1, $2)', [LOCK_CLASS, BETWEEN_SENDS_LOCK]);
  } catch (error) {
    if (errorCode(error) !== '55P03') throw error;
    const copier = await lockHolders(client, 'ExclusiveLock');
    throw new UserError(`the ledger ${location} is busy: a copy of it is being taken (${copier ?? 'another session'}); try again later`, ExitCode.Busy);
  }
}

/** The sessions holding or awaiting the between-sends lock in `mode`, with for how long. */
async function lockHolders(client: pg.PoolClient, mode: 'ShareLock' | 'ExclusiveLock'): Promise<string | null> {
  const rows = await client.query<{ who: string; seconds: number }>(
    `SELECT a.application_name AS who, floor(extract(epoch FROM now() - a.backend_start))::integer AS seconds
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.mode = $3 AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND a.pid <> pg_backend_pid()
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY a.backend_start`,
    [LOCK_CLASS, BETWEEN_SENDS_LOCK, mode],
  );
  if (rows.rows.length === 0) return null;
  return rows.rows.map((r) => `${r.who || 'another session'} for ${r.seconds} s`).join(', ');
}

/**
 * Hold the ledger between sends, for a copy: wait up to `waitMs` for every sending run to end
 * (no new one starts meanwhile), then turn what dead runs left `sending` into `uncertain`, so
 * the copy holds every message begun before it and no `sending` row. Past the wait, exit 75
 * naming the runs; `doing` says what waited ("db copy").
 */
export async function holdBetweenSends(ledger: SessionLedger, waitMs: number, doing: string, now: () => Date): Promise<BetweenSends> {
  const session = await ledger.dedicatedConnection();
  const { client } = session;
  try {
    let got: boolean;
    if (waitMs <= 0) {
      // lock_timeout 0 would mean "wait forever": ask once instead.
      const tried = await client.query<{ got: number }>('SELECT pg_try_advisory_lock($1, $2) AS got', [LOCK_CLASS, BETWEEN_SENDS_LOCK]);
      got = tried.rows[0]?.got === 1;
    } else {
      await client.query(`SET lock_timeout = ${Math.ceil(waitMs)}`);
      got = await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, BETWEEN_SENDS_LOCK]).then(
        () => true,
        (error: unknown) => {
          if (errorCode(error) !== '55P03') throw error;
          return false;
        },
      );
    }
    if (!got) {
      const senders = await lockHolders(client, 'ShareLock');
      const what =
        senders !== null
          ? `a send is under way on the ledger ${ledger.location} (${senders})`
          : `another copy of the ledger ${ledger.location} is being taken (${(await lockHolders(client, 'ExclusiveLock')) ?? 'another session'})`;
      throw new UserError(`${doing}: ${what}; waited ${Math.round(waitMs / 1000)} s; try again later`, ExitCode.Busy);
    }
    const settled = (await recoverDeadRuns(ledger, now)).length;
    return { release: () => session.release(true), settled };
  } catch (error) {
    session.release(true);
    throw ledger.failureOn(session, error);
  }
}

/** Is run `runId` alive? (Its lock is held by some session; ours would be reentrant, so it is checked from a write's connection.) */
async function runIsAlive(sql: Sql, runId: number): Promise<boolean> {
  const [row] = await sql.all('SELECT pg_try_advisory_lock(?, ?) AS got', [RUN_CLASS, runId]);
  if (row?.got !== 1) return true;
  await sql.all('SELECT pg_advisory_unlock(?, ?)', [RUN_CLASS, runId]);
  return false;
}

/**
 * Turn the `sending` messages of every dead run into `uncertain`, in one write. Returns the
 * ids recovered. `now` stamps updated_at.
 */
export async function recoverDeadRuns(ledger: SessionLedger, now: () => Date): Promise<number[]> {
  return ledger.write(async (sql) => {
    const recovered: number[] = [];
    for (const runId of await runsWithSending(sql)) {
      if (await runIsAlive(sql, runId)) continue;
      recovered.push(...(await markRunUncertain(sql, runId, DEAD_RUN_ERROR, now().toISOString())));
    }
    return recovered;
  });
}
