/**
 * `db copy` between a file and PostgreSQL is taken between sends in both directions: started
 * while a send is under way on the source it waits for the run to end, so the copy holds every
 * message the run sent and none `sending`, and a send from the copy sends nothing twice; with
 * `--wait 0` it refuses at once, exit 75, naming the run. A send started while a copy is taken
 * waits for it, then exits 75 saying so.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginSendRun, holdBetweenSends } from '../../src/storage/postgres/send-runs.js';
import { openPostgresLedger } from '../../src/storage/postgres/postgres-ledger.js';
import { sandbox } from '../cli/io.js';
import { expectNothingSentAgain, importDemo, startHeldSend, until } from '../helpers/between-sends.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

let server: TestSmtpServer;
let url: string;
beforeEach(async () => {
  server = await startSmtpServer();
  if (pgAvailable) url = await freshDatabase();
});
afterEach(async () => {
  await server.close();
  if (pgAvailable) await dropDatabase(url);
});

/** True while some session waits for the between-sends lock (a copy waiting for a run to end). */
async function copyWaiting(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4 AND NOT granted`);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

describe.skipIf(!pgAvailable)('db copy during a send', () => {
  it('file to PostgreSQL: waits for the file run, and the shared ledger sends nothing again', async () => {
    const box = sandbox();
    await importDemo(box);
    const sending = await startHeldSend(box, box.db, server);
    const copying = box.run(['db', 'copy', box.db, url]);
    await until(() => readdirSync(box.dir).some((name) => name.startsWith('test.sqlite.send.lock-want-')), 'db copy to wait for the send');
    sending.release();
    expect((await sending.done).code).toBe(0);
    const copied = await copying;
    expect(copied.code, copied.stderr).toBe(0);
    await expectNothingSentAgain(box, url, server);
  }, 120_000);

  it('PostgreSQL to a file: waits for the run on the server; --wait 0 refuses naming it', async () => {
    const box = sandbox();
    await importDemo(box, url);
    const sending = await startHeldSend(box, url, server);

    const refused = await box.run(['db', 'copy', url, join(box.dir, 'refused.sqlite'), '--wait', '0']);
    expect(refused.code).toBe(75);
    expect(refused.stderr).toMatch(/^duedesk: db copy: a send is under way on the ledger postgresql:\/\/\S+ \(duedesk pid \d+ on \S+ for \d+ s\); waited 0 s; try again later\n$/);
    expect(readdirSync(box.dir).filter((name) => name.startsWith('refused'))).toEqual([]);

    const copy = join(box.dir, 'copy.sqlite');
    const copying = box.run(['db', 'copy', url, copy]);
    await until(copyWaiting, 'db copy to wait for the send');
    sending.release();
    expect((await sending.done).code).toBe(0);
    const copied = await copying;
    expect(copied.code, copied.stderr).toBe(0);
    await expectNothingSentAgain(box, copy, server);
  }, 120_000);

  it('a send run started while a copy holds the ledger waits, then exits 75 naming the copy', async () => {
    const copier = await openPostgresLedger({ url });
    const sender = await openPostgresLedger({ url, lockTimeoutMs: 100 });
    try {
      const copy = await holdBetweenSends(copier, 0, 'db copy', () => new Date());
      try {
        const error = await beginSendRun(sender, { scheduled: false }).catch((e: unknown) => e);
        expect((error as { exitCode: number }).exitCode).toBe(75);
        expect((error as Error).message).toMatch(/^the ledger postgresql:\/\/\S+ is busy: a copy of it is being taken \(duedesk pid \d+ on \S+ for \d+ s\); try again later$/);
      } finally {
        copy.release();
      }
      const run = await beginSendRun(sender, { scheduled: false });
      await run.end();
    } finally {
      await copier.close();
      await sender.close();
    }
  });
});
