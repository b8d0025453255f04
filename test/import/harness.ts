/**
 * A command context around a fresh in-memory store for import/export tests: captured stdout and
 * stderr, fixtures resolved from test/fixtures/csv, and a dump of every table to prove that a
 * rejected import changed nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../../src/runtime/context.js';
import type { Settings } from '../../src/core/settings.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { runImport } from '../../src/cli/commands/import.js';
import { runExport } from '../../src/cli/commands/export.js';
import { makeLedger, valuesOf } from '../helpers/store.js';

/** Folder of the CSV fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));

/** What one command printed and returned. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without the trailing empty one. */
  errors: string[];
}

/** A store plus helpers to run import/export commands against it. */
export interface Harness {
  store: Ledger;
  /** `duedesk import ARGS` with the cwd at the fixtures folder (or `cwd`). */
  importCsv(args: string[], cwd?: string): Promise<Run>;
  /** `duedesk export ARGS`. */
  exportCsv(args: string[]): Promise<Run>;
  /** Every row of every data table, to compare before/after. */
  dump(): Promise<string>;
}

/** A harness on a fresh in-memory database. */
export async function makeHarness(settings: Settings = {}): Promise<Harness> {
  const store = await makeLedger();
  const run = async (command: typeof runImport, args: string[], cwd: string): Promise<Run> => {
    let stdout = '';
    let stderr = '';
    const ctx: CommandContext = {
      openLedger: async () => store,
      settings: { path: '/dev/null', read: () => settings },
      env: {},
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => new Date('2026-03-01T10:00:00Z'),
      cwd,
    };
    const code = await command(args, ctx);
    return { code, stdout, stderr, errors: stderr.split('\n').filter((line) => line !== '') };
  };
  return {
    store,
    importCsv: (args, cwd = FIXTURES) => run(runImport, args, cwd),
    exportCsv: (args) => run(runExport, args, FIXTURES),
    dump: async () =>
      (await Promise.all(['customers', 'items', 'payments', 'plans'].map(async (table) => JSON.stringify(await valuesOf(store, `SELECT * FROM ${table} ORDER BY 1, 2`)))))
        .join('\n'),
  };
}

/** Write `content` to a new temporary folder as `name`; returns the folder (use it as cwd). */
export function tempCsv(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-csv-'));
  writeFileSync(join(dir, name), content);
  return dir;
}
