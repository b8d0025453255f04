/**
 * An import leaves the query planner knowing the tables it filled (docs/architecture.md §4):
 * SQLite's sqlite_stat1 describes them afterwards, PostgreSQL has analysed them; a refused import
 * changes nothing, statistics included.
 */
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/storage/ledger.js';
import { valuesOf } from '../helpers/store.js';
import { ledgerForSuite, pgAvailable } from '../helpers/pg.js';
import { makeHarness } from './harness.js';
import { runImport } from '../../src/cli/commands/import.js';
import type { CommandContext } from '../../src/runtime/context.js';
import { FIXTURES } from './harness.js';

/** The tables sqlite_stat1 describes ([] when nothing was ever analysed). */
async function analysedTables(ledger: Ledger): Promise<string[]> {
  const exists = await valuesOf(ledger, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'");
  if (exists.length === 0) return [];
  return (await valuesOf(ledger, 'SELECT DISTINCT tbl FROM sqlite_stat1 ORDER BY tbl')).map(([table]) => String(table));
}

describe('statistics after an import', () => {
  it('an import of customers and items leaves sqlite_stat1 describing both', async () => {
    const h = await makeHarness();
    expect(await analysedTables(h.store)).toEqual([]);
    expect((await h.importCsv(['customers', 'customers.csv'])).code).toBe(0);
    expect((await h.importCsv(['items', 'items-semicolon.csv', '--decimal-comma', '--date-format', 'DMY'])).code).toBe(0);
    expect(await analysedTables(h.store)).toEqual(expect.arrayContaining(['customers', 'items']));
    const [[stat]] = (await valuesOf(h.store, "SELECT stat FROM sqlite_stat1 WHERE tbl = 'customers' AND idx = 'sqlite_autoindex_customers_1'")) as [[string]];
    // "rows rows-per-code": as many customers as the file has, one per code.
    expect(stat).toMatch(/^\d+ 1$/);
  });

  it('a refused import writes no statistics', async () => {
    const h = await makeHarness();
    expect((await h.importCsv(['customers', 'customers-bad.csv'])).code).toBe(2);
    expect(await analysedTables(h.store)).toEqual([]);
  });
});

describe.skipIf(!pgAvailable)('statistics after an import on PostgreSQL', () => {
  const suite = ledgerForSuite();

  it('the imported table is analysed', async () => {
    const { ledger } = suite();
    const lastAnalyze = async () =>
      ledger.read(async (sql) => (await sql.all("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'customers'"))[0]?.last_analyze ?? null);
    expect(await lastAnalyze()).toBeNull();
    let stderr = '';
    const ctx: CommandContext = {
      openLedger: async () => ledger,
      settings: { path: '/dev/null', read: () => ({}) },
      env: {},
      stdout: { write: () => undefined },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => new Date('2026-03-01T10:00:00Z'),
      cwd: FIXTURES,
    };
    expect(await runImport(['customers', 'customers.csv'], ctx)).toBe(0);
    expect(stderr).toBe('');
    expect(await lastAnalyze()).not.toBeNull();
  });
});
