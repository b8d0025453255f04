/** The send journal: durable lines, torn tails, folding, and replay after a dead run. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { foldJournal, readJournal, SendJournal, type HistoryRecord } from '../../src/delivery/journal.js';
import { journalPath } from '../../src/settings/paths.js';
import { replayJournal } from '../../src/delivery/recorder.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { historyRows } from './fixtures/messages.js';
import { canMount, fullAfter, mountSmallDisk, shortWrites } from '../helpers/file-faults.js';
import { valuesOf } from '../helpers/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function record(n: number): HistoryRecord {
  return {
    key: `C${n}-EUR-first`, customerCode: `C${n}`, kind: 'reminder', level: 'first', currency: 'EUR', asOf: '2026-02-10',
    to: [`c${n}@example.test`], cc: [], bcc: [], subject: 'Reminder', messageId: `<m${n}@duedesk.test>`,
    total: 1000, fee: 0, interest: 0, unapplied: 0, outstanding: 1500, operator: 'op',
    items: [{ itemNumber: `INV-${n}`, level: 'first', openAmount: 1000 }], cases: [],
  };
}

it('writes every concurrent append as one line each and reads them back', async () => {
  const path = join(dir, 'a.journal');
  const journal = await SendJournal.open(path);
  await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append({ type: 'sending', messageId: `<m${i}@x>`, at: 't', record: record(i) })));
  await journal.close();
  expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(50);
  expect((await readJournal(path)).map((e) => e.messageId)).toEqual(Array.from({ length: 50 }, (_, i) => `<m${i}@x>`));
});

it('ignores a torn last line and folds to the latest state per message', async () => {
  const path = join(dir, 'b.journal');
  const journal = await SendJournal.open(path);
  await journal.append({ type: 'sending', messageId: '<m1@duedesk.test>', at: 't1', record: record(1) });
  await journal.append({ type: 'sending', messageId: '<m2@duedesk.test>', at: 't1', record: record(2) });
  await journal.append({ type: 'outcome', messageId: '<m1@duedesk.test>', at: 't2', status: 'sent', error: null, recipients: [] });
  await journal.close();
  appendFileSync(path, '{"type":"outcome","messageId":"<m2@duedesk.test>","at":"t3","sta');
  const states = foldJournal(await readJournal(path));
  expect([...states.values()].map((s) => [s.record.customerCode, s.status])).toEqual([['C1', 'sent'], ['C2', 'sending']]);
});

it('replays a dead run: finished messages keep their outcome, unfinished become uncertain, twice changes nothing', async () => {
  const db = join(dir, 'duedesk.db');
  const store = await openLedger(db);
  const journal = await SendJournal.open(journalPath(db));
  await journal.append({ type: 'sending', messageId: '<m1@duedesk.test>', at: 't1', record: record(1) });
  await journal.append({ type: 'outcome', messageId: '<m1@duedesk.test>', at: 't2', status: 'failed', error: '550 no', recipients: [] });
  await journal.append({ type: 'sending', messageId: '<m2@duedesk.test>', at: 't3', record: record(2) });
  await journal.close();

  expect(await replayJournal(store, '2026-02-10T10:00:00Z')).toBe(1);
  expect(existsSync(journalPath(db))).toBe(false);
  const rows = (await historyRows(store));
  expect(rows.map((r) => [r.customer, r.status])).toEqual([['C1', 'failed'], ['C2', 'uncertain']]);
  expect(rows[1]?.error).toMatch(/server may have it/);
  const outstanding = (await valuesOf(store, 'SELECT outstanding, operator FROM messages ORDER BY id'));
  expect(outstanding).toEqual([[1500, 'op'], [1500, 'op']]);

  expect(await replayJournal(store, '2026-02-10T11:00:00Z')).toBe(0);
  expect(await historyRows(store)).toEqual(rows);
  store.close();
});

it('turns history rows left in `sending` without a journal into uncertain', async () => {
  const db = join(dir, 'duedesk.db');
  const store = await openLedger(db);
  await store.write((d) =>
    d.run(
      `INSERT INTO messages (customer_code, kind, level, currency, as_of, message_id, status, created_at, updated_at)
       VALUES ('C9', 'reminder', 'first', 'EUR', '2026-02-10', '<m9@x>', 'sending', 't', 't')`,
    ),
  );
  expect(await replayJournal(store, 'now')).toBe(1);
  expect((await historyRows(store)).map((r) => r.status)).toEqual(['uncertain']);
  store.close();
});

it('finishes a write the file system cut short: every line is whole', async () => {
  const path = join(dir, 'short.journal');
  // At most 7 bytes per write, no error: what a nearly full disk can do.
  const opened = await SendJournal.open(path, shortWrites(7));
  await Promise.all([1, 2, 3].map((n) => opened.append({ type: 'sending', messageId: `<m${n}@x>`, at: 't', record: record(n) })));
  await opened.close();
  expect((await readJournal(path)).map((e) => e.messageId)).toEqual(['<m1@x>', '<m2@x>', '<m3@x>']);
});

it('on a full disk refuses the line that does not fit and every later one, keeping only acknowledged lines', async () => {
  const disk = canMount ? mountSmallDisk(64) : null;
  try {
    const path = join(disk?.dir ?? dir, 'full.journal');
    // One 4 KiB page for the journal when root; the same budget injected otherwise.
    disk?.fill(1);
    const journal = await SendJournal.open(path, disk ? undefined : fullAfter(4096));
    const acknowledged: string[] = [];
    let refused: unknown = null;
    for (let n = 1; n <= 20 && refused === null; n++) {
      await journal.append({ type: 'sending', messageId: `<m${n}@x>`, at: 't', record: record(n) }).then(
        () => acknowledged.push(`<m${n}@x>`),
        (error: unknown) => (refused = error),
      );
    }
    expect(refused).toMatchObject({ message: `cannot write ${path}: disk full`, exitCode: 2 });
    await expect(journal.append({ type: 'sending', messageId: '<late@x>', at: 't', record: record(99) })).rejects.toBe(refused);
    await journal.close();
    expect(acknowledged.length).toBeGreaterThan(0);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect((await readJournal(path)).map((e) => e.messageId)).toEqual(acknowledged);
  } finally {
    disk?.remove();
  }
});
