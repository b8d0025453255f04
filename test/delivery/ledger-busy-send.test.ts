/**
 * Another writer holding a shared PostgreSQL ledger in the middle of a send (a long import): the
 * message the server already took is recorded `sent` once the writer lets go, never left
 * `sending` to turn `uncertain`; the run stops before the next message, whose `sending` row
 * could not be written in time, and every message it did not attempt is `not sent` and stays
 * due. The stop names the ledger, and the run exits 75: the next run sends the rest.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../src/core/plan.js';
import { deliverPlan } from '../../src/delivery/deliver.js';
import { LOCK_CLASS, WRITE_LOCK } from '../../src/storage/postgres/advisory-keys.js';
import { openPostgresLedger, type PostgresLedger } from '../../src/storage/postgres/postgres-ledger.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { aContext, aPlan, historyRows, testRenderer } from './fixtures/messages.js';

/** Wait until `predicate` holds, checking as the event loop turns (no fixed sleep). */
async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.skipIf(!pgAvailable)('a writer holding the shared ledger mid-send', () => {
  let url: string;
  let ledger: PostgresLedger;
  let server: TestSmtpServer;
  let writer: pg.Client;
  beforeEach(async () => {
    url = await freshDatabase();
    // A short wait for the write lock keeps the test quick; 5 s in production.
    ledger = await openPostgresLedger({ url, lockTimeoutMs: 500 });
    server = await startSmtpServer({ auth: true });
    writer = new pg.Client({ connectionString: url });
    await writer.connect();
  });
  afterEach(async () => {
    await writer.end();
    await server.close();
    await ledger.close();
    await dropDatabase(url);
  });

  it('records the delivered message sent, leaves the rest not sent and due, names the ledger and exits 75', async () => {
    const plan = aPlan(4);
    let writerHolds: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (writerHolds = resolve));
    let released = false;
    // The server answers the first message only once the writer holds the ledger, so its outcome must wait for it.
    server.behaviour.beforeAnswer = (_message, n) => (n === 0 ? held : Promise.resolve());
    const base = testRenderer();
    const renderer = {
      ...base,
      // The second message is rendered while the first is with the server; then the import takes the ledger.
      async render(planned: PlannedMessage) {
        if (planned.key === plan.messages[1]!.key) {
          await until(() => server.bodies.length === 1, 'the first message reached the server');
          await writer.query('BEGIN');
          await writer.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, WRITE_LOCK]);
          writerHolds();
        }
        return base.render(planned);
      },
    };
    const ctx = aContext(ledger, { smtp: { maxConnections: 2 } }, { DUEDESK_SMTP_URL: server.url() });
    const outcome = await deliverPlan(
      plan,
      ctx,
      (message) => {
        // The import ends once the run has met it (the second message could not be begun).
        if (message.status === 'not-sent' && !released) {
          released = true;
          void writer.query('COMMIT');
        }
      },
      { renderer, retry: { delaysMs: [], sleep: async () => undefined } },
    );

    expect(outcome.messages.map((m) => [m.key, m.status])).toEqual([
      [plan.messages[0]!.key, 'sent'],
      [plan.messages[1]!.key, 'not-sent'],
      [plan.messages[2]!.key, 'not-sent'],
      [plan.messages[3]!.key, 'not-sent'],
    ]);
    for (const m of outcome.messages.slice(1)) {
      expect(m.status === 'not-sent' && m.reason).toBe('cut-short');
      expect(m.error).toMatch(/^not sent: the ledger postgres(ql)?:\/\/.* is busy: held by .*; try again later$/);
      expect(m.error).not.toContain('journal');
    }
    expect(outcome.exitCode).toBe(75);
    expect(outcome.error).toMatch(/the ledger .* is busy/);
    // What went is recorded sent; nothing is left `sending` for the next run to call uncertain.
    expect((await historyRows(ledger)).map((r) => [r.customer, r.status])).toEqual([['C0001', 'sent']]);
    expect(server.accepted()).toHaveLength(1);

    // The rest stayed due: the next run sends exactly them, and nothing is uncertain.
    server.behaviour.beforeAnswer = undefined;
    const next = await deliverPlan(plan, ctx, undefined, { renderer: base });
    expect(next.exitCode).toBe(0);
    expect(next.recovered).toBe(0);
    expect(next.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    expect(server.accepted().map((b) => b.to[0]).sort()).toEqual(plan.messages.map((m) => m.to[0]).sort());
  });
});
