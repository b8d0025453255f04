/**
 * The PostgreSQL server stops (pg_ctl stop -m immediate, as a crash would) while a send is under
 * way: no Node stack trace, the per-message report on stdout, then one line `duedesk: lost the
 * connection to the ledger …` and exit 75 (nothing failed or is uncertain). Once the server is
 * back, the next run records the messages whose outcome was not kept as uncertain and sends the
 * rest: nothing twice. The server is this test's own, so stopping it disturbs no other file.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../cli/io.js';
import { gate, importDemo, sendDue, until } from '../helpers/between-sends.js';
import { chooseServer, startThrowawayServer, type ThrowawayServer } from '../helpers/pg-cluster.js';
import { withDatabase } from '../helpers/pg.js';
import { startSmtpServer, type ReceivedMessage } from '../helpers/smtp.js';

// A server of our own needs Debian's initdb (a DUEDESK_TEST_PG server is not ours to stop).
const choice = chooseServer({ ...process.env, DUEDESK_TEST_PG: '' });
const bin = 'bin' in choice ? choice.bin : null;

let server: ThrowawayServer;
let url: string;
beforeAll(() => {
  if (bin === null) return;
  // Durable: what the ledger committed before the crash must be there after it, as on a real server.
  server = startThrowawayServer(bin, { durable: true });
  url = withDatabase(server.url, 'postgres');
}, 60_000);
afterAll(() => server?.stop());

/** The Message-ID header of a received message. */
function messageIdOf(body: ReceivedMessage): string {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(body.raw)?.[1] ?? '';
}

describe.skipIf(bin === null)('the PostgreSQL server going away mid-send', () => {
  it('reports every message, then "lost the connection to the ledger", exit 75; the next run sends nothing twice', async () => {
    const box = sandbox();
    await importDemo(box, url);
    const smtp = await startSmtpServer();
    try {
      // The third message on waits at the mail server: messages are in flight when the ledger goes.
      const held = gate();
      smtp.behaviour.hold = (n) => (n >= 2 ? held.promise : undefined);
      const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
      const sending = sendDue(box, url, smtpUrl);
      await until(() => smtp.bodies.length >= 3, 'messages in flight');
      server.halt();
      held.open();
      const stopped = await sending;

      const lines = stopped.stderr.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^duedesk: lost the connection to the ledger postgresql:\/\/postgres@localhost\/postgres\?host=\S+: .+; try again once it is back$/);
      expect(stopped.stderr).not.toMatch(/Unhandled|internal error|\n\s+at /);
      expect(stopped.code).toBe(75);
      const report = JSON.parse(stopped.stdout) as { messages: { status: string; error: string | null }[]; counts: Record<string, number> };
      expect(report.messages).toHaveLength(48);
      expect(report.counts.failed).toBe(0);
      expect(report.counts.uncertain).toBe(0);
      // What reached the mail server is reported sent; the rest stays due, saying why.
      const sent = report.messages.filter((m) => m.status === 'sent');
      expect(sent.length).toBe(smtp.bodies.length);
      const left = report.messages.filter((m) => m.status !== 'sent');
      expect(left.length).toBeGreaterThan(0);
      for (const m of left) {
        expect(m.status).toBe('planned');
        expect(m.error).toMatch(/^not sent: lost the connection to the ledger /);
      }

      server.restart();
      const next = await sendDue(box, url, smtpUrl);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ message_id: string; customer_code: string; currency: string; kind: string; level: string | null; status: string }>(
        'SELECT message_id, customer_code, currency, kind, level, status FROM messages',
      );
      await client.end();
      const byId = new Map(rows.map((row) => [row.message_id, row]));
      // Nothing reached the mail server twice: one body per message of the plan at most.
      const things = smtp.bodies.map((body) => {
        const row = byId.get(messageIdOf(body));
        expect(row, 'a message arrived without its history row').toBeDefined();
        return `${row!.customer_code} ${row!.currency} ${row!.kind} ${row!.level ?? ''}`;
      });
      expect(new Set(things).size).toBe(things.length);
      expect(rows.filter((row) => row.status === 'sending')).toEqual([]);
      expect(rows.filter((row) => row.status === 'sent' || row.status === 'uncertain')).toHaveLength(48);
      // Messages delivered whose outcome the ledger never got are uncertain now: exit 1 says so.
      const uncertain = rows.filter((row) => row.status === 'uncertain').length;
      expect(next.code, next.stderr).toBe(uncertain > 0 ? 1 : 0);
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
