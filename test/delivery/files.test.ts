/** Letters into the print folder, under names data cannot turn into paths. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeLetter } from '../../src/delivery/files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('writes a letter under a safe name inside the print folder and overwrites it on a rerun', async () => {
  const path = await writeLetter(join(dir, 'print'), '2026-02-10', '../C/1-EUR-final', new Uint8Array([1, 2]));
  expect(path).toBe(join(dir, 'print', '2026-02-10-__C_1-EUR-final.pdf'));
  await writeLetter(join(dir, 'print'), '2026-02-10', '../C/1-EUR-final', new Uint8Array([3]));
  expect([...readFileSync(path)]).toEqual([3]);
  expect(readdirSync(dir)).toEqual(['print']);
});
