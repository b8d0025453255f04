/**
 * Sending on a full or read-only disk: a real small tmpfs when root, the same faults injected at
 * the file-handle or lock seam otherwise. Nothing is ever sent twice, the run stops with the file
 * named, and the per-message report survives.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deliverPlan, type DeliveryOptions } from '../../src/delivery/deliver.js';
import { deliveryNotes } from '../../src/cli/commands/send-and-report.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { canMount, errnoError, fullAfter, mountSmallDisk, unwritable, writableAgain, type SmallDisk } from '../helpers/file-faults.js';
import { aContext, aPlan, historyRows, testRenderer } from './fixtures/messages.js';

let disk: SmallDisk | null;
let dir: string;
let outbox: string;
let store: Ledger;
beforeEach(() => {
  disk = canMount ? mountSmallDisk(1024) : null;
  dir = disk?.dir ?? mkdtempSync(join(tmpdir(), 'duedesk-diskfull-'));
  outbox = mkdtempSync(join(tmpdir(), 'duedesk-diskfull-outbox-'));
});
afterEach(() => {
  store.close();
  writableAgain(outbox, null);
  if (disk) disk.remove();
  else rmSync(dir, { recursive: true, force: true });
  rmSync(outbox, { recursive: true, force: true });
});

const quiet: DeliveryOptions = { renderer: testRenderer(), fold: { every: 1000, intervalMs: 60_000 } };

it('a disk that fills up mid-run stops before the message whose journal line does not fit, and the next run sends each message once', async () => {
  const db = join(dir, 'duedesk.db');
  // The archive beside the database lives on another disk here: what fills up is the journal.
  const archive = mkdtempSync(join(tmpdir(), 'duedesk-diskfull-archive-'));
  symlinkSync(archive, join(dir, 'archive'));
  store = await openLedger(db);
  const ctx = aContext(store, { mail: { outboxDir: outbox } }, {}, dir);
  // Root: one free page for the send lock and one for the journal. Otherwise the journal alone
  // gets the same 4 KiB before its writes come back short, then refused.
  disk?.fill(2);
  const first = await deliverPlan(aPlan(20), ctx, undefined, { ...quiet, journalFile: disk ? undefined : fullAfter(4096) });

  expect(first.fileError?.message).toBe(`cannot write ${db}.journal: disk full`);
  const sent = first.messages.filter((m) => m.status === 'sent');
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.length).toBeLessThan(20);
  expect(first.exitCode).toBe(1);
  expect(readdirSync(outbox)).toHaveLength(sent.length);
  expect(deliveryNotes(first).at(-1)).toBe(`duedesk: cannot write ${db}.journal: disk full`);

  disk?.free();
  const second = await deliverPlan(aPlan(20), ctx, undefined, quiet);
  // Sent messages whose outcome line did not fit come back as uncertain (exit 1), never re-sent.
  expect(second.messages.map((m) => m.status)).toEqual(Array.from({ length: second.messages.length }, () => 'sent'));
  expect(second.exitCode).toBe(second.recovered ? 1 : 0);
  const files = readdirSync(outbox);
  expect(files.filter((name) => !name.endsWith('.eml'))).toEqual([]);
  const keys = files.map((name) => name.split('.')[0]);
  expect(new Set(keys).size).toBe(20);
  expect(files).toHaveLength(20);
  const rows = (await historyRows(store));
  expect(new Set(rows.filter((r) => r.status === 'sent' || r.status === 'uncertain').map((r) => r.customer)).size).toBe(20);
  expect(readdirSync(dir).filter((name) => name.includes('journal') || name.includes('.tmp'))).toEqual([]);
  rmSync(archive, { recursive: true, force: true });
});

it('an unwritable outbox stops the run at the first message: exit 2, the file named, nothing sent or left behind', async () => {
  store = await openLedger(join(dir, 'duedesk.db'));
  // Root: the outbox is its own tmpfs, remounted read-only. Otherwise a folder chmod 0555.
  const outboxDisk = canMount ? mountSmallDisk(256) : null;
  const target = outboxDisk?.dir ?? outbox;
  const ctx = aContext(store, { mail: { outboxDir: target } }, {}, dir);
  unwritable(target, outboxDisk);
  try {
    const outcome = await deliverPlan(aPlan(3), ctx, undefined, { ...quiet, concurrency: 1 });
    const reason = outboxDisk ? 'read-only file system' : 'permission denied';
    expect(outcome.exitCode).toBe(2);
    expect(outcome.fileError?.message).toMatch(new RegExp(`^cannot write ${target}/C0001-EUR-first\\.[^ ]+\\.eml: ${reason}$`));
    expect(outcome.messages.map((m) => m.status)).toEqual(['failed', 'not-sent', 'not-sent']);
    expect(outcome.messages[1]?.error).toBe(`not sent: ${outcome.fileError?.message}`);
    expect(readdirSync(target)).toEqual([]);
    expect((await historyRows(store)).filter((r) => r.status !== 'failed')).toEqual([]);
  } finally {
    writableAgain(target, outboxDisk);
    outboxDisk?.remove();
  }
});

it('an archive copy that cannot be written stops the run before anything is handed over: exit 2, the copy named, nothing sent', async () => {
  const db = join(dir, 'duedesk.db');
  // The first write of an archived copy comes back short, as on a disk with a few bytes left.
  store = await openLedger(db, { seams: { archiveOpen: fullAfter(64) } });
  const ctx = aContext(store, { mail: { outboxDir: outbox } }, {}, dir);
  const outcome = await deliverPlan(aPlan(3), ctx, undefined, { ...quiet, concurrency: 1 });
  expect(outcome.exitCode).toBe(2);
  expect(outcome.fileError?.message).toMatch(new RegExp(`^cannot write ${dir}/archive/[0-9a-f]{64}\\.eml\\.gz: disk full$`));
  expect(outcome.messages.map((m) => m.status)).toEqual(['not-sent', 'not-sent', 'not-sent']);
  expect(deliveryNotes(outcome).at(-1)).toBe(`duedesk: ${outcome.fileError?.message}`);
  // Nothing reached the transport, nothing is in the history, and no partial copy is left.
  expect(readdirSync(outbox)).toEqual([]);
  expect(await historyRows(store)).toEqual([]);
  expect(readdirSync(join(dir, 'archive'))).toEqual([]);
});

it('a send lock that cannot be released after sending keeps the report: exit 1 and the lock file named last', async () => {
  const db = join(dir, 'duedesk.db');
  store = await openLedger(db);
  const ctx = aContext(store, { mail: { outboxDir: outbox } }, {}, dir);
  const marker = `${db}.send.lock.1.released`;
  // The run gives its send lock back, and the file system refuses the marker that says so.
  const beginSend = store.beginSend.bind(store);
  store.beginSend = async (options) => {
    const run = await beginSend(options);
    return {
      ...run,
      stillHeld: () => run.stillHeld(),
      release: async () => {
        await run.release();
        throw errnoError('EROFS', marker);
      },
    };
  };
  const outcome = await deliverPlan(aPlan(2), ctx, undefined, quiet);
  expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'sent']);
  expect(outcome.exitCode).toBe(1);
  expect(deliveryNotes(outcome).at(-1)).toBe(`duedesk: cannot write ${marker}: read-only file system`);
  expect(readdirSync(outbox)).toHaveLength(2);
});
