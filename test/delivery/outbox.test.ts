/** Delivery on a database file: outbox .eml files, letters, the send lock, journal-before-send ordering, operator abort. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deliverPlan } from '../../src/delivery/deliver.js';
import { messageIdFileName } from '../../src/mail/transports/outbox.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { acquireLock, LockFiles } from '../../src/files/lock.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { startSmtpServer } from '../helpers/smtp.js';
import { aContext, aPlan, aPlannedMessage, historyRows, testRenderer } from './fixtures/messages.js';

let dir: string;
let store: Ledger;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-outbox-'));
  store = await openLedger(join(dir, 'duedesk.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('writes one .eml per message beside the database, letters into the print folder, and the history', async () => {
  const plan = aPlan(2);
  plan.messages.push(aPlannedMessage(3, { key: 'C0003-EUR-final', level: 'final', to: [], letter: true }));
  const outcome = await deliverPlan(plan, aContext(store), undefined, { renderer: testRenderer() });

  expect(outcome.exitCode).toBe(0);
  expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
  expect(outcome.messages[2]?.error).toMatch(/letter only/);
  const files = readdirSync(join(dir, 'outbox')).sort();
  expect(files).toEqual(outcome.messages.slice(0, 2).map((m) => messageIdFileName(m.messageId ?? '')).sort());
  const eml = readFileSync(join(dir, 'outbox', files[0] ?? ''), 'utf8');
  expect(eml).toMatch(/^Message-ID: <C000[12]-EUR-first\./m);
  expect(readdirSync(join(dir, 'print'))).toEqual(['2026-02-10-C0003-EUR-final.pdf']);
  expect(existsSync(join(dir, 'duedesk.db.journal'))).toBe(false);
  const reopened = await openLedger(join(dir, 'duedesk.db'));
  expect((await historyRows(reopened)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  reopened.close();
});

it('exits 75 when another sending run holds the send lock past the wait, sending nothing', async () => {
  const held = await acquireLock(`${join(dir, 'duedesk.db')}.send`, { timeoutMs: 1000 });
  try {
    const run = deliverPlan(aPlan(1), aContext(store), undefined, { renderer: testRenderer(), lockTimeoutMs: 50 });
    await expect(run).rejects.toMatchObject({ exitCode: 75, message: expect.stringContaining('the database is busy: held by pid') });
  } finally {
    held.release();
  }
  expect(existsSync(join(dir, 'outbox'))).toBe(false);
  expect(await historyRows(store)).toEqual([]);
});

it('stops sending once another run has taken the send lock over (ours lapsed): the rest is left to that run', async () => {
  const sendLock = new LockFiles(`${join(dir, 'duedesk.db')}.send`);
  const takeOver = (): void => {
    // What a run on another host does once this one's lease has lapsed (e.g. it was stopped).
    const { max } = sendLock.scan();
    writeFileSync(sendLock.path(max + 1), JSON.stringify({ pid: 1, hostname: 'other', startTime: null, token: 'theirs', acquiredAt: '' }));
    rmSync(sendLock.path(max));
  };
  const outcome = await deliverPlan(aPlan(3), aContext(store), (_, done) => done === 1 && takeOver(), {
    renderer: testRenderer(),
    concurrency: 1,
  });
  expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'not-sent', 'not-sent']);
  // Cut short by another run: try again later, nothing failed.
  expect(outcome.exitCode).toBe(75);
  expect(outcome.messages[1]?.error).toBe('not sent: another run took the send lock over (this run was stopped past its lease)');
  expect(readdirSync(join(dir, 'outbox'))).toHaveLength(1);
});

it('messageIdFileName keeps only safe characters', () => {
  expect(messageIdFileName('<2026-02-10.C/../1.ab@x.example>')).toBe('2026-02-10.C_.._1.ab@x.example.eml');
  const name = messageIdFileName('<../..>');
  expect(name).not.toMatch(/[/\\]|^\./);
  expect(name.endsWith('.eml')).toBe(true);
});

it('has the `sending` line on disk before the server sees the message', async () => {
  const server = await startSmtpServer({ auth: true });
  const journal = join(dir, 'duedesk.db.journal');
  const seen: boolean[] = [];
  server.behaviour.rcpt = () => {
    seen.push(existsSync(journal) && readFileSync(journal, 'utf8').includes('"type":"sending"'));
    return null;
  };
  server.behaviour.data = (message) => {
    const id = /^Message-ID: (.*)$/m.exec(message.raw)?.[1]?.trim() ?? 'missing';
    const lines = readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; messageId: string });
    seen.push(lines.some((l) => l.type === 'sending' && l.messageId === id) && !lines.some((l) => l.type === 'outcome' && l.messageId === id));
    return 'accept';
  };
  try {
    const ctx = aContext(store, {}, { DUEDESK_SMTP_URL: server.url() });
    const outcome = await deliverPlan(aPlan(3), ctx, undefined, { renderer: testRenderer() });
    expect(outcome.exitCode).toBe(0);
    expect(seen).toHaveLength(6);
    expect(seen.every(Boolean)).toBe(true);
  } finally {
    await server.close();
  }
});

it('stops after the messages in flight when the operator aborts', async () => {
  const abort = new AbortController();
  const outcome = await deliverPlan(aPlan(5), aContext(store), () => abort.abort(), { renderer: testRenderer(), concurrency: 1, signal: abort.signal });
  expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
  expect(outcome.messages[1]?.error).toBe('not sent: stopped by the operator');
  expect(outcome.exitCode).toBe(0);
  expect(await historyRows(store)).toHaveLength(1);
});
