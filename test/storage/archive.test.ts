/**
 * The archive behind the ledger port, on every engine (a file's folder, an in-memory database's and
 * PostgreSQL's table): a copy comes back byte for byte under its SHA-256, keeping it again changes
 * nothing, dropping it says how much it freed, and a file copy is private (0600) and compressed.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Of } from '../../src/storage/archive.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { ENGINES } from '../helpers/pg.js';
import { tempDir } from './temp-dir.js';

const WITH_FILE = [...ENGINES, { name: 'file', fresh: () => openLedger(join(tempDir(), 'duedesk.sqlite')) }];

let ledger: Ledger | null = null;
afterEach(async () => {
  await ledger?.close();
  ledger = null;
});

/** A message-like body: text that compresses, and bytes that do not. */
function aMessage(seed: number): Buffer {
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + seed * 104729) % 251;
  return Buffer.concat([Buffer.from(`Subject: reminder ${seed}\r\n\r\n${'Dear customer, please pay. '.repeat(200)}\r\n`), noise]);
}

describe.each(WITH_FILE)('the archive on $name', ({ fresh }) => {
  it('keeps a copy under its SHA-256 and gives the same bytes back; keeping it again changes nothing', async () => {
    ledger = await fresh();
    const bytes = aMessage(1);
    const copy = await ledger.archive.keep(bytes);
    expect(copy).toEqual({ sha256: sha256Of(bytes), size: bytes.byteLength });
    expect((await ledger.archive.fetch(copy.sha256))?.equals(bytes)).toBe(true);
    expect(await ledger.archive.keep(bytes)).toEqual(copy);
    expect(await ledger.archive.fetch(sha256Of(aMessage(2)))).toBeNull();
  });

  it('drops a copy and says how many stored bytes it freed (compressed: fewer than the message)', async () => {
    ledger = await fresh();
    const bytes = aMessage(3);
    const { sha256 } = await ledger.archive.keep(bytes);
    const freed = await ledger.archive.drop(sha256);
    expect(freed).toBeGreaterThan(0);
    expect(freed).toBeLessThan(bytes.byteLength);
    expect(await ledger.archive.fetch(sha256)).toBeNull();
    expect(await ledger.archive.drop(sha256)).toBe(0);
  });
});

describe('the archive of a file ledger', () => {
  it('keeps each copy in archive/ beside the database, mode 0600', async () => {
    ledger = await openLedger(join(tempDir(), 'duedesk.sqlite'));
    const { sha256 } = await ledger.archive.keep(aMessage(4));
    const file = join(ledger.location, '..', 'archive', `${sha256}.eml.gz`);
    expect(ledger.archive.whereIs(sha256)).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
