/**
 * A payment committed while a send runs stops a message already planned for that customer: the
 * send compares the customer's change count, just before the message is begun, with the one its
 * plan was made on. On a file and on a shared PostgreSQL ledger, through the command line: the
 * payment is imported by another `duedesk import` while the server holds the first message.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgAvailable } from '../helpers/pg.js';
import { cliOnEngine, ENGINES } from './fixtures/cli-on-engine.js';

const SEED = {
  customers: 'code,name,email,currency\nC1,First Ltd,c1@example.test,EUR\nC2,Second Ltd,c2@example.test,EUR\nC3,Third Ltd,c3@example.test,EUR\n',
  items: [
    'customer_code,number,issue_date,due_date,amount',
    'C1,INV-1,2026-10-01,2026-11-01,100.00',
    'C2,INV-2,2026-10-01,2026-11-01,17910.61',
    'C3,INV-3,2026-10-01,2026-11-01,300.00',
  ].join('\n'),
};

interface JsonRun {
  messages: Array<{ customer: string; status: string; error: string | null }>;
  counts: Record<string, number>;
}

describe.each(ENGINES)('on $name', ({ pg }) => {
  // One message at a time, so the payment lands between the first and the second.
  const current = cliOnEngine(pg, SEED);

  it.skipIf(pg && !pgAvailable)('a covering payment committed mid-send keeps its customer\'s message from going: "not sent: changed since planned"', async () => {
    const { box, server } = current();
    const payments = join(box.dir, 'payments.csv');
    writeFileSync(payments, 'customer_code,date,amount,reference,item_number\nC2,2026-11-22,17910.61,PAY-C2,INV-2\n');
    let imported: { code: number; stderr: string } | null = null;
    server.behaviour.beforeAnswer = async (_message, n) => {
      // Another process's import, committed while the first message is with the server.
      if (n === 0) imported = await box.run(['import', 'payments', payments]);
    };
    const run = await box.run(['--send-due', '--json'], { DUEDESK_SMTP_URL: server.url() });
    server.behaviour.beforeAnswer = undefined;

    expect(imported).toEqual({ code: 0, stderr: '', stdout: expect.any(String) });
    const json = JSON.parse(run.stdout) as JsonRun;
    expect(json.messages.map((m) => [m.customer, m.status, m.error])).toEqual([
      ['C1', 'sent', null],
      ['C2', 'planned', 'not sent: changed since planned'],
      ['C3', 'sent', null],
    ]);
    expect(json.counts).toMatchObject({ planned: 3, sent: 2, failed: 0, uncertain: 0, notSent: 1 });
    // Nothing failed: the paid customer's message is simply not due any more.
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 message(s) not sent: their customer was paid or changed after the plan was made');
    expect(server.accepted().map((b) => b.to[0])).toEqual(['c1@example.test', 'c3@example.test']);

    // The history holds only what went; the next run finds nothing due for the paid customer.
    const history = await box.run(['export', 'history']);
    expect(history.stdout.split('\n').filter((line) => /,C2,/.test(line))).toEqual([]);
    // The archive holds the copies of what went, and none of the message that did not.
    expect((await box.run(['db', 'check'])).stdout).toContain('(2 archived copies checked)');
    if (!pg) expect(readdirSync(join(box.dir, 'archive'))).toHaveLength(2);
    const next = await box.run(['--send-due', '--json'], { DUEDESK_SMTP_URL: server.url() });
    expect(next.code).toBe(0);
    expect((JSON.parse(next.stdout) as JsonRun).messages).toEqual([]);
    expect(server.bodies).toHaveLength(2);
  });
});
