/**
 * `duedesk db copy` moves a ledger with its history from a file to PostgreSQL and back: the copy
 * plans, exports and refuses to send again exactly like the original, a destination that holds a
 * ledger is refused unless --replace, and the host's shared settings go along to the server.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, type RunResult, type Sandbox } from '../cli/io.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');

/** What a user compares: the plan for two days, the exports. */
async function snapshot(box: Sandbox, db: string): Promise<string[]> {
  const run = (argv: string[]): Promise<RunResult> => box.run(['--db', db, ...argv]);
  const out: string[] = [];
  for (const argv of [
    ['--send-due', '--dry-run', '--json', '--as-of', '2026-11-23'],
    ['--send-due', '--dry-run', '--json', '--as-of', '2026-12-30'],
    ['export', 'customers'],
    ['export', 'items'],
    ['export', 'history'],
  ]) {
    const result = await run(argv);
    expect(result.stderr).toBe('');
    out.push(result.stdout);
  }
  return out;
}

describe.skipIf(!pgAvailable)('duedesk db copy', () => {
  it('copies a file with its history to PostgreSQL and back, refusing to overwrite unless asked', async () => {
    const url = await freshDatabase();
    try {
      const box = sandbox();
      for (const kind of ['customers', 'items', 'payments', 'plans']) {
        expect((await box.run(['import', kind, join(DEMO, `${kind}.csv`)])).code).toBe(0);
      }
      expect((await box.run(['config', 'set', 'company.name', 'Acme Trading Ltd'])).code).toBe(0);
      expect((await box.run(['--send-due', '--as-of', '2026-11-23'])).code).toBe(0);
      const original = await snapshot(box, box.db);
      expect(JSON.parse(original[0]!).messages).toEqual([]); // sent already: the history says so

      const up = await box.run(['db', 'copy', box.db, url]);
      expect(up.stderr).toBe('');
      expect(up.stdout).toMatch(/^copied .*test\.sqlite to postgresql:\/\/postgres@localhost\/duedesk_test_\w+\?host=\S+: /);
      for (const count of ['customers 60', 'items 180', 'payments 39', 'plans 4', 'messages 48', 'message_recipients 48']) expect(up.stdout).toContain(count);
      expect(up.stdout).toContain('shared settings from ');
      expect(up.stdout).toContain('stored in the ledger: company.name\n');
      expect(await snapshot(box, url)).toEqual(original);
      expect((await box.run(['--db', url, 'config', 'get', 'company.name'])).stdout).toBe('Acme Trading Ltd\n');

      const again = await box.run(['db', 'copy', box.db, url]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already holds a ledger \(.*customers 60, .*messages 48.*\); add --replace to overwrite it\n$/);
      expect((await box.run(['db', 'copy', box.db, url, '--replace'])).code).toBe(0);
      expect(await snapshot(box, url)).toEqual(original);

      const back = join(box.dir, 'back.sqlite');
      const down = await box.run(['db', 'copy', url, back]);
      expect(down.code).toBe(0);
      expect(await snapshot(box, back)).toEqual(original);
    } finally {
      await dropDatabase(url);
    }
  });
});
