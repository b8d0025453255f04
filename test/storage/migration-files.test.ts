/**
 * An engine's migrations are the numbered files of its folder: version and name come from the
 * file name, so adding a migration is adding its file, and a gap or a number used twice is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/storage/migration-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-migrations-'));
  // The files below are ES modules, as the built migrations are.
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const folder = (): URL => pathToFileURL(`${dir}/`);
const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);

describe('migrations found by their file names', () => {
  it('reads NNN-name files in version order, and nothing else of the folder', async () => {
    write('002-second-step.js', 'export const sql = "CREATE TABLE b (x);";\n');
    write('001-initial.js', 'export const sql = "CREATE TABLE a (x);";\nexport const foreignKeysOff = true;\n');
    write('002-second-step.d.ts', 'export declare const sql: string;\n');
    write('index.js', 'export const MIGRATIONS = [];\n');
    write('types.js', 'export const TEXT = "text";\n');
    expect(await loadMigrations(folder())).toEqual([
      { version: 1, name: 'initial', sql: 'CREATE TABLE a (x);', foreignKeysOff: true },
      { version: 2, name: 'second-step', sql: 'CREATE TABLE b (x);' },
    ]);
  });

  it('refuses a missing number', async () => {
    write('001-initial.js', 'export const sql = "";\n');
    write('003-third.js', 'export const sql = "";\n');
    await expect(loadMigrations(folder())).rejects.toThrow(/003-third\.js: migration 2 is missing or numbered twice/);
  });

  it('refuses a number used twice', async () => {
    write('001-initial.js', 'export const sql = "";\n');
    write('001-other.js', 'export const sql = "";\n');
    await expect(loadMigrations(folder())).rejects.toThrow(/migration 2 is missing or numbered twice/);
  });

  it('refuses a migration file without its SQL', async () => {
    write('001-initial.js', 'export const text = "";\n');
    await expect(loadMigrations(folder())).rejects.toThrow(/001-initial\.js: a migration exports its SQL as `sql`/);
  });
});
