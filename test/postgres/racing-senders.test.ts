/**
 * Three operators on three processes send the same day's plan from one PostgreSQL ledger through
 * one real SMTP server, and one of them is killed (SIGKILL) in the middle of sending, while a
 * `db copy` of the ledger to a file is asked for: no message reaches the server twice, no message
 * reaches it without its history row, the copy waits for the live runs and holds their every
 * message (the killed run's unfinished ones uncertain, none `sending`), and neither a later run
 * nor a send from the copy sends anything again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/storage/open-ledger.js';
import { sandbox } from '../cli/io.js';
import { startSmtpServer, type ReceivedMessage } from '../helpers/smtp.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'data', 'demo');
const AS_OF = '2026-11-23';

/** A sender process and what it printed. */
interface Sender {
  child: ChildProcess;
  output: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startSender(url: string, configDir: string, smtpUrl: string): Sender {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'race-sender.ts'), url, configDir, smtpUrl, AS_OF], {
    cwd: ROOT,
    env: { ...process.env, DUEDESK_DB: '', DUEDESK_SMTP_URL: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output };
}

/** Wait until `predicate` holds, checking as the event loop turns (no fixed sleep). */
async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The Message-ID header of a received message. */
function messageIdOf(body: ReceivedMessage): string {
  const match = /^Message-ID:\s*(<[^>]+>)/im.exec(body.raw);
  if (!match) throw new Error('a message without Message-ID arrived');
  return match[1]!;
}

describe.skipIf(!pgAvailable)('three operators sending the same plan at once', () => {
  it('never sends a message twice, even with one sender killed mid-send', async () => {
    const url = await freshDatabase();
    // Slow enough replies that the three senders overlap for the whole plan.
    const server = await startSmtpServer({ behaviour: { delayMs: 25 } });
    try {
      const box = sandbox();
      box.env.DUEDESK_DB = url;
      for (const kind of ['customers', 'items', 'payments', 'plans']) {
        expect((await box.run(['import', kind, join(DEMO, `${kind}.csv`)])).code).toBe(0);
      }
      const smtpUrl = `smtp://127.0.0.1:${server.port}`;
      const senders = [0, 1, 2].map(() => startSender(url, box.configDir, smtpUrl));
      // Kill the first sender once the race is well under way.
      await until(() => server.bodies.length >= 8, 60_000, 'the senders to start sending');
      senders[0]!.child.kill('SIGKILL');
      // A copy asked for in the middle waits for the live runs, then settles the killed one's.
      const copyPath = join(box.dir, 'copy.sqlite');
      const copying = box.run(['db', 'copy', url, copyPath]);
      const results = await Promise.all(senders.map((s) => s.output));
      const copied = await copying;
      expect(copied.code, copied.stderr).toBe(0);
      expect(results[0]!.signal).toBe('SIGKILL');
      for (const survivor of results.slice(1)) expect(survivor.code, survivor.stderr).toBe(0);

      // A later run: the killed run's unfinished messages become uncertain; the rest is sent.
      const after = startSender(url, box.configDir, smtpUrl);
      const last = await after.output;
      expect(last.code, last.stderr).toBe(0);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows: history } = await client.query<{ message_id: string; customer_code: string; currency: string; kind: string; level: string | null; status: string }>(
        'SELECT message_id, customer_code, currency, kind, level, status FROM messages',
      );
      await client.end();
      const byId = new Map(history.map((row) => [row.message_id, row]));
      const planned = JSON.parse(results[1]!.stdout).planned as number;

      // Nothing reached the server without its history row, committed before SMTP.
      const arrived = server.bodies.map(messageIdOf);
      for (const id of arrived) expect(byId.has(id), `${id} arrived without a history row`).toBe(true);
      // No message reached the server twice: one body per planned message at most.
      const things = arrived.map((id) => {
        const row = byId.get(id)!;
        return `${row.customer_code} ${row.currency} ${row.kind} ${row.level ?? ''}`;
      });
      expect(new Set(things).size).toBe(things.length);
      // Every planned message was sent once, or is uncertain (the killed run's, never re-sent).
      const counted = history.filter((row) => row.status === 'sent' || row.status === 'uncertain');
      expect(new Set(counted.map((row) => `${row.customer_code} ${row.currency} ${row.kind} ${row.level ?? ''}`)).size).toBe(planned);
      expect(counted.length).toBe(planned);
      expect(history.filter((row) => row.status === 'sending')).toEqual([]);
      // The survivors both sent, so they really raced.
      for (const survivor of results.slice(1)) expect(JSON.parse(survivor.stdout).sent.length).toBeGreaterThan(0);

      // The copy holds the same history, and sending from it sends nothing again.
      const copyLedger = await openLedger(copyPath);
      const copiedHistory = await copyLedger.read((sql) => sql.all('SELECT message_id, status FROM messages ORDER BY message_id'));
      await copyLedger.close();
      const shared = [...history].sort((a, b) => (a.message_id < b.message_id ? -1 : 1)).map((row) => ({ message_id: row.message_id, status: row.status }));
      expect(copiedHistory).toEqual(shared);
      const bodies = server.bodies.length;
      const fromCopy = await startSender(copyPath, box.configDir, smtpUrl).output;
      expect(fromCopy.code, fromCopy.stderr).toBe(0);
      expect(JSON.parse(fromCopy.stdout).sent).toEqual([]);
      expect(server.bodies).toHaveLength(bodies);
    } finally {
      await server.close();
      await dropDatabase(url);
    }
  }, 120_000);
});
