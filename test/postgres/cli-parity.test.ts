/**
 * The same commands on a file ledger and on a PostgreSQL ledger give the same output: imports of
 * the demo data, a clerk's promise, dispute and note, the dry-run plan as JSON, a real send to the
 * outbox (and none the second time), the history (promises included) and the exports.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, type RunResult, type Sandbox } from '../cli/io.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');

/** Run the same command on both ledgers. */
async function both(file: Sandbox, pg: Sandbox, argv: string[]): Promise<[RunResult, RunResult]> {
  return [await file.run(argv), await pg.run(argv)];
}

/** Output with what differs by nature between two runs (Message-IDs, wall-clock stamps) blanked. */
function stable(result: RunResult): RunResult {
  const blank = (text: string) =>
    text.replace(/"messageId":"[^"]*"/g, '"messageId":"…"').replace(/<[^<>@\s]+@[^<>\s]+>/g, '<id>').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
  return { ...result, stdout: blank(result.stdout), stderr: blank(result.stderr) };
}

describe.skipIf(!pgAvailable)('a PostgreSQL ledger answers like a file', () => {
  it('imports, plans, sends, records and exports the demo data the same way', async () => {
    const url = await freshDatabase();
    try {
      const file = sandbox();
      const pg = sandbox();
      pg.env.DUEDESK_DB = url;

      for (const kind of ['customers', 'items', 'payments', 'plans', 'items']) {
        const [a, b] = await both(file, pg, ['import', kind, join(DEMO, `${kind}.csv`)]);
        expect(a.code).toBe(0);
        expect(b).toEqual(a);
      }

      // The collections workflow: what a clerk records changes the plans compared below.
      for (const argv of [
        ['promise', 'EN05', '--date', '2026-11-30', '--amount', '300', '--note', 'transfer Friday', '--as-of', '2026-11-23'],
        ['dispute', 'EN03', 'INV-2026-0415', '--reason', 'prices differ from the order', '--as-of', '2026-11-23'],
        ['note', 'EN03', 'Called, waiting for the buyer', '--follow-up', '2026-11-25', '--as-of', '2026-11-23'],
      ]) {
        const [a, b] = await both(file, pg, argv);
        expect(a.code).toBe(0);
        expect(stable(b)).toEqual(stable(a));
      }

      for (const asOf of ['2026-11-23', '2027-01-15']) {
        const [a, b] = await both(file, pg, ['--send-due', '--dry-run', '--json', '--as-of', asOf]);
        expect(a.code).toBe(0);
        expect(JSON.parse(a.stdout).messages.length).toBeGreaterThan(10);
        expect(b).toEqual(a);
      }

      const [sent, sentPg] = await both(file, pg, ['--send-due', '--json', '--as-of', '2026-11-23']);
      expect(JSON.parse(sent.stdout).counts.sent).toBeGreaterThan(10);
      expect(stable(sentPg)).toEqual(stable(sent));
      const [again, againPg] = await both(file, pg, ['--send-due', '--json', '--as-of', '2026-11-23']);
      expect(JSON.parse(againPg.stdout).messages).toEqual([]);
      expect(stable(againPg)).toEqual(stable(again));

      // A statement asked for by hand: written the same, then sent once on each.
      const [written, writtenPg] = await both(file, pg, ['statement', 'EN02', 'GR03', '--as-of', '2026-11-24', '--out', 'statements']);
      expect(written.code).toBe(0);
      expect(writtenPg.stdout.replaceAll(pg.dir, 'DIR')).toBe(written.stdout.replaceAll(file.dir, 'DIR'));
      expect([writtenPg.code, writtenPg.stderr]).toEqual([written.code, written.stderr]);
      const [statement, statementPg] = await both(file, pg, ['statement', 'EN02', '--as-of', '2026-11-24', '--send', '--json']);
      expect(JSON.parse(statement.stdout).counts.sent).toBe(2);
      expect(stable(statementPg)).toEqual(stable(statement));
      const [twice, twicePg] = await both(file, pg, ['statement', 'EN02', '--as-of', '2026-11-24', '--send', '--json']);
      expect(JSON.parse(twicePg.stdout).counts.sent).toBe(0);
      expect(stable(twicePg)).toEqual(stable(twice));

      for (const what of ['customers', 'items']) {
        const [a, b] = await both(file, pg, ['export', what]);
        expect(a.stdout.split('\n').length).toBeGreaterThan(10);
        expect(b).toEqual(a);
      }
      const [handover, handoverPg] = await both(file, pg, ['export', 'handover', '--as-of', '2026-11-23']);
      expect(handover.code).toBe(0);
      expect(handoverPg).toEqual(handover);
      // Messages sent side by side get their ids in the order they finish, on either engine.
      // Who sent is who each engine says is connected: the OS user on a file, the login role on
      // PostgreSQL (docs/reference/roles.md §1); the rest must match.
      const who = new RegExp(`,(${userInfo().username}|postgres),`, 'g');
      const rows = (r: RunResult) => stable(r).stdout.split('\n').map((line) => line.replace(/^\d+,/, '').replace(who, ',WHO,')).sort();
      const [history, historyPg] = await both(file, pg, ['export', 'history']);
      expect(rows(historyPg)).toEqual(rows(history));
      expect(rows(history).length).toBeGreaterThan(10);
      expect(rows(historyPg).filter((line) => line.includes(',promise,'))).toHaveLength(1);
    } finally {
      await dropDatabase(url);
    }
  });
});
