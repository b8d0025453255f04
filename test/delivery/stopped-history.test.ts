/**
 * A message the mail server deferred is not a failure: `export history` shows its attempt as
 * `stopped` (never `failed`), the JSON keeps it planned and not sent, and it stays due — the next
 * run sends it. On a file and on a PostgreSQL ledger, whose schemas must both accept the status.
 */
import { describe, expect, it } from 'vitest';
import { pgAvailable } from '../helpers/pg.js';
import { cliOnEngine, ENGINES } from './fixtures/cli-on-engine.js';

const SEED = {
  customers: 'code,name,email,currency\nC1,First Ltd,c1@example.test,EUR\nC2,Second Ltd,c2@example.test,EUR\n',
  items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-10-01,2026-11-01,100.00\nC2,INV-2,2026-10-01,2026-11-01,200.00\n',
};

/** `export history` as rows of cells by column name (no cell here holds a comma). */
function historyCsv(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
}

describe.each(ENGINES)('on $name', ({ pg }) => {
  const current = cliOnEngine(pg, SEED);

  it.skipIf(pg && !pgAvailable)('a deferred message is stopped in the history, not failed, and goes with the next run', async () => {
    const { box, server } = current();
    server.behaviour.data = () => ({ code: 421, message: '4.7.0 Try again later' });
    const first = await box.run(['--send-due', '--json'], { DUEDESK_SMTP_URL: server.url() });
    expect(first.code).toBe(75);
    const json = JSON.parse(first.stdout) as { messages: Array<{ status: string; error: string }>; counts: Record<string, number> };
    expect(json.messages.map((m) => [m.status, m.error])).toEqual([
      ['planned', 'not sent: server deferred (421 4.7.0 Try again later)'],
      ['planned', 'not sent: server deferred (421 4.7.0 Try again later)'],
    ]);
    expect(json.counts).toMatchObject({ failed: 0, notSent: 2 });

    const exported = historyCsv((await box.run(['export', 'history'])).stdout);
    expect(exported.map((row) => [row.customer, row.status])).toEqual([['C1', 'stopped']]);

    server.behaviour.data = () => 'accept';
    const next = await box.run(['--send-due', '--json'], { DUEDESK_SMTP_URL: server.url() });
    expect(next.code).toBe(0);
    expect(historyCsv((await box.run(['export', 'history'])).stdout).map((row) => [row.customer, row.status])).toEqual([
      ['C1', 'stopped'],
      ['C1', 'sent'],
      ['C2', 'sent'],
    ]);
  });
});
