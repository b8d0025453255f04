/** Approval before sending (docs/reference/rules.md §9.6) on the command line, through the outbox as a clerk would run it. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

it('proposes, waits for approval, then sends exactly the approved lines still due', async () => {
  const box = sandbox();
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  await configSet(box, 'schedule.approval', 'true');
  await configSet(box, 'schedule.digestTo', 'supervisor@company.test');
  await importCsv(box, {
    customers: 'code,name,email\nC1,Uno,c1@x.test\nC2,Due,c2@x.test\nC3,Tre,c3@x.test\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,A-1,2026-10-01,2026-11-10,10.00\nC2,B-1,2026-10-01,2026-11-10,20.00\nC3,C-1,2026-10-01,2026-11-10,30.00\n',
  });
  const outbox = join(box.dir, 'outbox');
  const none = await box.run(['proposal', 'list']);
  expect([none.code, none.stdout, none.stderr]).toEqual([0, '', 'no proposals: --send-due records one each day while schedule.approval is true\n']);

  const first = await box.run(['--send-due']);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('Proposal #1 for 2026-11-22: pending');
  expect(first.stdout).toContain('3 messages: 60.00 EUR');
  expect(first.stderr).toContain('proposal #1 recorded; nothing was sent until it is approved');
  // Only the digest went out, to the supervisor.
  const digests = readdirSync(outbox);
  expect(digests).toHaveLength(1);
  expect(readFileSync(join(outbox, digests[0]!), 'utf8')).toMatch(/^To: supervisor@company\.test/m);
  expect((await box.run(['export', 'history'])).stdout.trim().split('\n')).toHaveLength(1);

  const waiting = await box.run(['--send-due']);
  expect([waiting.code, waiting.stderr]).toEqual([0, 'proposal #1 for 2026-11-22 awaits approval (duedesk proposal approve 1, or the TUI); nothing was sent\n']);

  const bad = await box.run(['proposal', 'approve', '1', '--remove', 'C9-EUR-first']);
  expect([bad.code, bad.stderr]).toEqual([2, 'duedesk: proposal: #1 has no line "C9-EUR-first"\n']);
  const approved = await box.run(['proposal', 'approve', '1', '--remove', 'C2-EUR-first']);
  expect(approved.code).toBe(0);
  expect(approved.stdout).toContain('- removed C2-EUR-first');
  expect(approved.stdout).toContain('2 messages: 40.00 EUR');

  // C3 pays after the proposal: its line is no longer due.
  writeFileSync(join(box.dir, 'pay.csv'), 'customer_code,date,amount,reference,item_number\nC3,2026-11-21,30.00,P-3,C-1\n');
  expect((await box.run(['import', 'payments', join(box.dir, 'pay.csv')])).code).toBe(0);
  const sent = await box.run(['--send-due', '--json']);
  expect(sent.code).toBe(0);
  expect((JSON.parse(sent.stdout) as { messages: { customer: string; status: string }[] }).messages.map((m) => [m.customer, m.status])).toEqual([['C1', 'sent']]);
  expect(sent.stderr).toContain('proposal #1: C3-EUR-first dropped: no longer due (paid or changed since it was proposed)');
  const show = (await box.run(['proposal', 'show', '1'])).stdout;
  expect(show).toContain('  C1-EUR-first  reminder first  10.00 EUR  A-1  → sent\n');
  expect(show).toContain('  C3-EUR-first  reminder first  30.00 EUR  C-1  → dropped: no longer due (paid or changed since it was proposed)\n');
  expect(show).toContain('outcome: 1 sent, 1 dropped, 1 removed\n');
  expect((await box.run(['proposal', 'list'])).stdout).toBe('#1  2026-11-22  done  1 sent, 1 dropped, 1 removed  by ' + show.split('made by ')[1]!.split(' at ')[0] + '\n');
  const again = await box.run(['proposal', 'approve', '1']);
  expect([again.code, again.stderr]).toEqual([2, 'duedesk: proposal: #1 is already done\n']);
});
