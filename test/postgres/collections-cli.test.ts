/**
 * The collections workflow between two hosts of one PostgreSQL ledger, through the command line:
 * a dispute a clerk records on one host keeps the item out of the other's run, and approval
 * (`schedule.approval`, `schedule.digestTo`: shared settings) set on one host holds the other's
 * scheduled send until the clerk approves the proposal.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSet, importCsv } from '../cli/seed-cli.js';
import { pgAvailable } from '../helpers/pg.js';
import { withTwoHosts } from './two-hosts.js';

describe.skipIf(!pgAvailable)('collections on a shared ledger', () => {
  it("a clerk's dispute and approval on one host rule the scheduled send on another", async () => {
    await withTwoHosts(async (cron, clerk) => {
      await configSet(cron, 'smtp.from', 'AR <ar@company.test>');
      await importCsv(clerk, {
        customers: 'code,name,email\nC1,Uno,c1@x.test\nC2,Due,c2@x.test\nC3,Tre,c3@x.test\n',
        items: 'customer_code,number,issue_date,due_date,amount\nC1,A-1,2026-10-01,2026-11-10,10.00\nC2,B-1,2026-10-01,2026-11-10,20.00\nC3,C-1,2026-10-01,2026-11-10,30.00\n',
      });
      expect(await clerk.run(['dispute', 'C3', 'C-1', '--reason', 'goods returned'])).toMatchObject({ code: 0 });
      await configSet(clerk, 'schedule.approval', 'true');
      await configSet(clerk, 'schedule.digestTo', 'supervisor@company.test');
      expect((await cron.run(['config', 'get', 'schedule.approval'])).stdout).toBe('true\n');

      const proposed = await cron.run(['--send-due']);
      expect(proposed.code).toBe(0);
      expect(proposed.stdout).toContain('Proposal #1 for 2026-11-22: pending');
      expect(proposed.stdout).toContain('2 messages: 30.00 EUR');
      // Only the digest went out, from the cron host's outbox.
      expect(readdirSync(join(cron.dir, 'outbox'))).toHaveLength(1);

      const approved = await clerk.run(['proposal', 'approve', '1', '--remove', 'C2-EUR-first']);
      expect(approved.code).toBe(0);
      const sent = await cron.run(['--send-due', '--json']);
      expect(sent.code).toBe(0);
      expect((JSON.parse(sent.stdout) as { messages: { customer: string; status: string }[] }).messages.map((m) => [m.customer, m.status])).toEqual([['C1', 'sent']]);
      expect((await clerk.run(['proposal', 'list'])).stdout).toMatch(/^#1 {2}2026-11-22 {2}done {2}1 sent, 1 removed/);
    });
  });
});
