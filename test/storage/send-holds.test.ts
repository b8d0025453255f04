/**
 * The ledger port keeps sends apart on every engine: a sending run's hold (beginSend) and a
 * copy's hold between sends (holdBetweenSends) exclude each other, a second scheduled or file
 * run waits and then exits 75 naming who holds the ledger, and what dead runs left is settled
 * with the hold taken. A file's run sends alone (its journal settled); a shared ledger's run
 * claims its messages under an id of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/storage/ledger.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';

const now = (): Date => new Date('2026-02-10T10:00:00Z');
/** A journal settlement that says it made `count` messages uncertain, and counts its calls. */
function journal(count: number): { settle: () => Promise<number>; calls: number } {
  const seen = {
    calls: 0,
    settle: async (): Promise<number> => {
      seen.calls += 1;
      return count;
    },
  };
  return seen;
}
const refusal = (promise: Promise<unknown>): Promise<{ exitCode?: number; message: string }> =>
  promise.then(
    () => ({ message: 'no refusal' }),
    (error: unknown) => error as { exitCode?: number; message: string },
  );

describe('sends on a file ledger', () => {
  let dir: string;
  let ledger: Ledger;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duedesk-holds-'));
    ledger = await openLedger(join(dir, 'duedesk.db'));
  });
  afterEach(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a run sends alone: a second run and a copy wait, then exit 75 naming the holder; the journal is settled once held', async () => {
    const dead = journal(2);
    const run = await ledger.beginSend({ scheduled: false, waitMs: 50, now, settleJournal: dead.settle });
    expect({ claimsAs: run.claimsAs, settled: run.settled, held: run.stillHeld(), calls: dead.calls }).toEqual({ claimsAs: null, settled: 2, held: true, calls: 1 });
    const second = await refusal(ledger.beginSend({ scheduled: true, waitMs: 50, now, settleJournal: journal(0).settle }));
    expect(second).toMatchObject({ exitCode: 75, message: expect.stringMatching(/^the database is busy: held by pid \d+ on host /) });
    const copy = await refusal(ledger.holdBetweenSends({ doing: 'db copy', waitMs: 50, now, settleJournal: journal(0).settle }));
    expect(copy).toMatchObject({ exitCode: 75, message: expect.stringMatching(/^db copy: a send is under way on .*duedesk\.db: held by pid \d+ .*; waited 0 s; try again later/) });
    await run.release();
    const held = await ledger.holdBetweenSends({ doing: 'db copy', waitMs: 50, now, settleJournal: journal(1).settle });
    expect(held.settled).toBe(1);
    const blocked = await refusal(ledger.beginSend({ scheduled: false, waitMs: 50, now, settleJournal: journal(0).settle }));
    expect(blocked.exitCode).toBe(75);
    held.release();
  });

  it('a settlement that fails gives the hold back', async () => {
    const failing = ledger.beginSend({ scheduled: false, waitMs: 50, now, settleJournal: () => Promise.reject(new Error('journal unreadable')) });
    await expect(failing).rejects.toThrow('journal unreadable');
    const run = await ledger.beginSend({ scheduled: false, waitMs: 50, now, settleJournal: journal(0).settle });
    await run.release();
  });
});

describe('sends on a ledger in memory', () => {
  it('holds nothing, and a run still settles the journal', async () => {
    const ledger = await openLedger(null);
    const dead = journal(0);
    const run = await ledger.beginSend({ scheduled: false, waitMs: 50, now, settleJournal: dead.settle });
    const copy = await ledger.holdBetweenSends({ doing: 'db copy', waitMs: 50, now, settleJournal: dead.settle });
    expect({ claimsAs: run.claimsAs, held: run.stillHeld(), copySettled: copy.settled, calls: dead.calls }).toEqual({ claimsAs: null, held: true, copySettled: 0, calls: 1 });
    copy.release();
    await run.release();
    await ledger.close();
  });
});

describe.skipIf(!pgAvailable)('sends on a PostgreSQL ledger', () => {
  let url: string;
  let ledger: Ledger;
  beforeEach(async () => {
    url = await freshDatabase();
    ledger = await openLedger(url, { lockTimeoutMs: 100 });
  });
  afterEach(async () => {
    await ledger.close();
    await dropDatabase(url);
  });

  it('runs claim side by side, one scheduled at a time; a copy waits for them, and no journal is read', async () => {
    const dead = journal(5);
    const first = await ledger.beginSend({ scheduled: true, waitMs: 50, now, settleJournal: dead.settle });
    const beside = await ledger.beginSend({ scheduled: false, waitMs: 50, now, settleJournal: dead.settle });
    expect([typeof first.claimsAs, typeof beside.claimsAs, first.claimsAs === beside.claimsAs, first.settled, dead.calls]).toEqual(['number', 'number', false, 0, 0]);
    expect(first.stillHeld()).toBe(true);
    const scheduled = await refusal(ledger.beginSend({ scheduled: true, waitMs: 50, now, settleJournal: dead.settle }));
    expect(scheduled).toMatchObject({ exitCode: 75, message: expect.stringMatching(/is busy: a scheduled send is running \(duedesk pid \d+/) });
    const copy = await refusal(ledger.holdBetweenSends({ doing: 'db copy', waitMs: 0, now, settleJournal: dead.settle }));
    expect(copy).toMatchObject({ exitCode: 75, message: expect.stringMatching(/^db copy: a send is under way on the ledger postgresql:\/\/\S+ \(.*\); waited 0 s; try again later$/) });
    await first.release();
    await beside.release();
    const held = await ledger.holdBetweenSends({ doing: 'db copy', waitMs: 0, now, settleJournal: dead.settle });
    expect([held.settled, dead.calls]).toEqual([0, 0]);
    held.release();
  });
});
