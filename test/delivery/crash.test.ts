/**
 * Real processes: a sending run killed with SIGKILL in the middle of a bulk send, then rerun (also
 * with a `db backup` and a `db copy` asked for in the middle, the backup then restored); and two
 * runs started at once. Nobody may receive a reminder twice and nothing may be lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLedger } from '../../src/storage/open-ledger.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { valuesOf } from '../helpers/store.js';
import { sandbox } from '../cli/io.js';
import { gate } from '../helpers/between-sends.js';

const CHILD = fileURLToPath(new URL('./fixtures/send-child.ts', import.meta.url));

let dir: string;
let dbPath: string;
let server: TestSmtpServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-crash-'));
  dbPath = join(dir, 'duedesk.db');
  (await openLedger(dbPath)).close();
  server = await startSmtpServer({ auth: true });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface ChildRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>;
}

function startChild(count: number, db: string = dbPath): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, server.url(), String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', () => undefined);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, done };
}

async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function history(db: string = dbPath): Promise<Array<{ customer: string; status: string; messageId: string }>> {
  const store = await openLedger(db);
  const rows = (await valuesOf(store, 'SELECT customer_code, status, message_id FROM messages ORDER BY id')) ?? [];
  store.close();
  return rows.map(([customer, status, messageId]) => ({ customer: String(customer), status: String(status), messageId: String(messageId) }));
}

function receivedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const body of server.bodies) for (const to of body.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

it('SIGKILL in the middle of a bulk send, then a rerun: nobody twice, every message accounted for', async () => {
  const count = 120;
  server.behaviour.delayMs = 4;
  const first = startChild(count);
  await until(() => server.bodies.length >= 40);
  first.child.kill('SIGKILL');
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');
  expect(existsSync(`${dbPath}.journal`)).toBe(true);
  const receivedBeforeRerun = server.bodies.length;
  expect(receivedBeforeRerun).toBeLessThan(count);

  const rerun = await startChild(count).done;
  const report = JSON.parse(rerun.stdout) as { recovered: number; exitCode: number };
  expect(existsSync(`${dbPath}.journal`)).toBe(false);

  const rows = await history();
  const customers = rows.map((r) => r.customer);
  expect(new Set(customers).size).toBe(count);
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => ['sent', 'failed', 'uncertain'].includes(r.status))).toBe(true);
  for (const n of receivedCounts().values()) expect(n).toBe(1);

  const wire = new Set(server.bodies.map((b) => /^Message-ID: (.*)$/m.exec(b.raw)?.[1]?.trim()));
  for (const row of rows) {
    if (row.status === 'sent') expect(wire.has(row.messageId)).toBe(true);
    if (wire.has(row.messageId)) expect(['sent', 'uncertain']).toContain(row.status);
  }
  const uncertain = rows.filter((r) => r.status === 'uncertain').length;
  expect(report.recovered).toBe(uncertain);
  expect(rerun.code).toBe(uncertain > 0 ? 1 : 0);
  expect(server.bodies).toHaveLength(rows.filter((r) => wire.has(r.messageId)).length);
}, 60_000);

it('SIGKILL with a db backup and a db copy waiting: both hold every message begun, and the restored backup sends nobody twice', async () => {
  const count = 120;
  server.behaviour.delayMs = 4;
  // From the 40th message on the server answers only after the kill: the run is surely sending.
  const held = gate();
  server.behaviour.hold = (n) => (n >= 40 ? held.promise : undefined);
  const first = startChild(count);
  await until(() => server.bodies.length >= 40);
  const box = sandbox();
  const backupPath = join(dir, 'nightly.sqlite');
  const copyPath = join(dir, 'copy.sqlite');
  const backup = box.run(['--db', dbPath, 'db', 'backup', backupPath]);
  const copy = box.run(['db', 'copy', dbPath, copyPath]);
  // Both wait in line for the run's send lock: neither copies while it sends.
  await until(() => readdirSync(dir).filter((name) => name.startsWith('duedesk.db.send.lock-want-')).length === 2);
  expect(existsSync(backupPath)).toBe(false);
  first.child.kill('SIGKILL');
  expect((await first.done).signal).toBe('SIGKILL');
  held.open();
  const [backedUp, copied] = await Promise.all([backup, copy]);
  expect(backedUp.code, backedUp.stderr).toBe(0);
  expect(copied.code, copied.stderr).toBe(0);
  // Whichever went first folded the dead run's journal into the history and said so.
  expect(existsSync(`${dbPath}.journal`)).toBe(false);
  const rows = await history();
  const uncertain = rows.filter((r) => r.status === 'uncertain').length;
  const notes = `${backedUp.stderr}${copied.stderr}`;
  expect(notes).toBe(uncertain === 0 ? '' : `db ${notes.startsWith('db backup') ? 'backup' : 'copy'}: ${uncertain} message(s) of an interrupted send are now uncertain: check them in the history (they are never re-sent automatically)\n`);
  expect(rows.some((r) => r.status === 'sending')).toBe(false);
  expect(await history(backupPath)).toEqual(rows);
  expect(await history(copyPath)).toEqual(rows);
  // Every message that reached the server had begun before the copies: each is in them.
  const wire = new Set(server.bodies.map((b) => /^Message-ID: (.*)$/m.exec(b.raw)?.[1]?.trim()));
  const kept = new Set(rows.map((r) => r.messageId));
  for (const id of wire) expect(kept.has(id ?? '')).toBe(true);

  // Restore last night's backup and send: only what never went, nobody twice.
  const rerun = await startChild(count, backupPath).done;
  expect(rerun.code).toBe(0);
  const restored = await history(backupPath);
  expect(new Set(restored.map((r) => r.customer)).size).toBe(count);
  expect(restored).toHaveLength(count);
  for (const n of receivedCounts().values()) expect(n).toBe(1);
}, 120_000);

it('two runs started at once: the second waits for the first and sends nothing twice', async () => {
  const count = 40;
  server.behaviour.delayMs = 2;
  const [a, b] = await Promise.all([startChild(count).done, startChild(count).done]);
  expect([a.code, b.code].sort()).toEqual([0, 0]);
  const reports = [a, b].map((r) => JSON.parse(r.stdout) as { sent: number; alreadySent: number });
  expect(reports.map((r) => r.sent).sort((x, y) => x - y)).toEqual([0, count]);
  expect(reports.map((r) => r.alreadySent).sort((x, y) => x - y)).toEqual([0, count]);
  expect(server.bodies).toHaveLength(count);
  for (const n of receivedCounts().values()) expect(n).toBe(1);
  expect((await history()).filter((r) => r.status === 'sent')).toHaveLength(count);
}, 60_000);
