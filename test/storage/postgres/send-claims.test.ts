/**
 * Several senders on one PostgreSQL ledger: claims let only one of them send a thing, a failed
 * send gives its claims back, a dead run's `sending` messages (and only its) become uncertain,
 * and only one scheduled send runs at a time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { claim, claimKeysOf, heldClaims, releaseClaims } from '../../../src/storage/send-claims.js';
import { beginSendRun, DEAD_RUN_ERROR, recoverDeadRuns } from '../../../src/storage/postgres/send-runs.js';
import type { PostgresLedger } from '../../../src/storage/postgres/postgres-ledger.js';
import type { Sql } from '../../../src/storage/sql.js';
import { UserError } from '../../../src/core/exit-codes.js';
import { ledgerForSuite, pgAvailable } from '../../helpers/pg.js';

const NOW = () => new Date('2026-11-23T09:00:00.000Z');
let serial = 0;

/** A `sending` history row; resolves to its id. */
async function sendingRow(sql: Sql, customer = 'C1'): Promise<number> {
  const [row] = await sql.all(
    `INSERT INTO messages (customer_code, kind, level, currency, as_of, message_id, status, created_at, updated_at)
     VALUES (?, 'reminder', 'first', 'EUR', '2026-11-23', ?, 'sending', 'x', 'x') RETURNING id`,
    [customer, `<m${++serial}@test>`],
  );
  return Number(row!.id);
}

async function statusOf(ledger: PostgresLedger, id: number): Promise<{ status: string; error: string | null }> {
  const [row] = await ledger.read((sql) => sql.all('SELECT status, error FROM messages WHERE id = ?', [id]));
  return { status: String(row!.status), error: row!.error as string | null };
}

const reminder = (items: string[]) => ({ customerCode: 'C1', currency: 'EUR', asOf: '2026-11-23', kind: 'reminder', level: 'first', items });

describe('claim keys', () => {
  it('a reminder claims each item at its level and date; a statement its customer, currency and date', () => {
    expect(claimKeysOf(reminder(['INV-1', 'INV-2']))).toEqual([
      '["reminder","C1","INV-1","first","2026-11-23"]',
      '["reminder","C1","INV-2","first","2026-11-23"]',
    ]);
    expect(claimKeysOf({ customerCode: 'C1', currency: 'EUR', asOf: '2026-11-23', kind: 'statement', level: null, items: ['INV-1'] })).toEqual([
      '["statement","C1","EUR",null,"2026-11-23"]',
    ]);
  });
});

describe.skipIf(!pgAvailable)('send claims on a shared ledger', () => {
  const suite = ledgerForSuite();
  let ledger: PostgresLedger;
  beforeAll(() => {
    ledger = suite().ledger;
    return ledger.write((sql) => sql.run(`INSERT INTO customers (code, name, currency) VALUES ('C1', 'A', 'EUR')`));
  });

  it('lets one sender claim a thing; an overlapping message is refused whole; a failed send gives it back', async () => {
    const first = await ledger.write(async (sql) => {
      const id = await sendingRow(sql);
      return { id, claimed: await claim(sql, claimKeysOf(reminder(['INV-1', 'INV-2'])), id, 7) };
    });
    expect(first.claimed).toBe(true);
    const second = await ledger.write(async (sql) => claim(sql, claimKeysOf(reminder(['INV-2', 'INV-3'])), await sendingRow(sql), 8));
    expect(second).toBe(false);
    expect(await ledger.read((sql) => heldClaims(sql, claimKeysOf(reminder(['INV-3']))))).toEqual([]);

    await ledger.write((sql) => releaseClaims(sql, first.id));
    const retry = await ledger.write(async (sql) => claim(sql, claimKeysOf(reminder(['INV-2', 'INV-3'])), await sendingRow(sql), 8));
    expect(retry).toBe(true);
  });

  it('the primary key stops a second claim even when the check is skipped', async () => {
    const key = claimKeysOf(reminder(['INV-9']));
    await ledger.write(async (sql) => claim(sql, key, await sendingRow(sql), 1));
    await expect(
      ledger.write(async (sql) => sql.run('INSERT INTO send_claims (claim_key, message_id, run_id) VALUES (?, ?, 2)', [key[0]!, await sendingRow(sql)])),
    ).rejects.toThrow(/duplicate key/);
  });

  it("turns a dead run's sending messages uncertain, keeping their claims, and leaves a live run's alone", async () => {
    const live = await beginSendRun(ledger, { scheduled: false });
    const doomed = await beginSendRun(ledger, { scheduled: false });
    try {
      await recoverDeadRuns(ledger, NOW); // the earlier tests' rows name runs that never held a lock
        const liveId = await ledger.write(async (sql) => {
        const id = await sendingRow(sql);
        await claim(sql, claimKeysOf(reminder(['L-1'])), id, live.id);
        return id;
      });
      const deadId = await ledger.write(async (sql) => {
        const id = await sendingRow(sql);
        await claim(sql, claimKeysOf(reminder(['D-1'])), id, doomed.id);
        return id;
      });
      expect(await recoverDeadRuns(ledger, NOW)).toEqual([]);

      // The doomed run's process dies: the server ends its session (here: terminated by an admin).
      await terminateRunSession(suite().url, doomed.id);
      expect(await recoverDeadRuns(ledger, NOW)).toEqual([deadId]);
      expect(await statusOf(ledger, deadId)).toEqual({ status: 'uncertain', error: DEAD_RUN_ERROR });
      expect(await statusOf(ledger, liveId)).toEqual({ status: 'sending', error: null });
      expect(await ledger.read((sql) => heldClaims(sql, claimKeysOf(reminder(['D-1']))))).toHaveLength(1);
    } finally {
      await live.end();
      await doomed.end();
    }
  });

  it('lets one scheduled send run at a time and names the other', async () => {
    const cron = await beginSendRun(ledger, { scheduled: true });
    const error = await beginSendRun(ledger, { scheduled: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(75);
    expect((error as UserError).message).toMatch(/is busy: a scheduled send is running \(duedesk pid \d+ on .* for \d+ s\); try again later/);
    const operator = await beginSendRun(ledger, { scheduled: false });
    await operator.end();
    await cron.end();
    await (await beginSendRun(ledger, { scheduled: true })).end();
  });
});

/** End the session holding run `runId`'s lock, as the server does when its process dies. */
async function terminateRunSession(url: string, runId: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted`,
    [0x6465, runId],
  );
  // Wait until the server has dropped the lock (termination is asynchronous).
  for (let i = 0; i < 500; i++) {
    const { rows } = await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2`, [0x6465, runId]);
    if (rows.length === 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await client.end();
}
