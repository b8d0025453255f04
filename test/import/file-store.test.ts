import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/runtime/context.js';
import { runImport } from '../../src/cli/commands/import.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { FIXTURES } from './harness.js';
import { valuesOf } from '../helpers/store.js';

describe('import into a database file', () => {
  it('a rejected import and an import that changes nothing leave the file untouched', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'duedesk-import-')), 'duedesk.db');
    const store = await openLedger(path);
    let stderr = '';
    const ctx: CommandContext = {
      openLedger: async () => store,
      settings: { path: '/dev/null', read: () => ({}) },
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => new Date('2026-03-01T10:00:00Z'),
      cwd: FIXTURES,
    };
    try {
      expect(await runImport(['customers', 'customers.csv'], ctx)).toBe(0);
      const saved = readFileSync(path);
      const mtime = statSync(path).mtimeMs;
      expect(await runImport(['customers', 'customers-bad.csv'], ctx)).toBe(2);
      expect(stderr).toContain('customers-bad.csv: 12 problems; nothing imported');
      expect(await runImport(['customers', 'customers.csv'], ctx)).toBe(0);
      expect(readFileSync(path).equals(saved)).toBe(true);
      expect(statSync(path).mtimeMs).toBe(mtime);
    } finally {
      store.close();
    }
    // A fresh process sees what the first import saved.
    const reopened = await openLedger(path);
    expect(await valuesOf(reopened, 'SELECT COUNT(*) FROM customers')).toEqual([[6]]);
    reopened.close();
  });
});
