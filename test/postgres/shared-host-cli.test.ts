/**
 * Two hosts on one PostgreSQL ledger through the command line: a policy set on one host is what
 * the other plans with, SMTP stays each host's own, and a second scheduled send exits 75 while
 * one runs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../cli/io.js';
import { pgAvailable } from '../helpers/pg.js';
import { withTwoHosts } from './two-hosts.js';
import { openPostgresLedger } from '../../src/storage/postgres/postgres-ledger.js';
import { beginSendRun } from '../../src/storage/postgres/send-runs.js';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');

describe.skipIf(!pgAvailable)('hosts sharing a PostgreSQL ledger', () => {
  it('share the policy, keep their own SMTP, and run one scheduled send at a time', async () => {
    await withTwoHosts(async (cron, clerk, url) => {
      for (const kind of ['customers', 'items', 'payments', 'plans']) expect((await clerk.run(['import', kind, join(DEMO, `${kind}.csv`)])).code).toBe(0);

      const before = JSON.parse((await cron.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-11-23'])).stdout);
      expect(await clerk.run(['config', 'set', 'policy.minAmount', '5000'])).toMatchObject({ code: 0, stderr: '' });
      expect(await clerk.run(['config', 'set', 'smtp.host', 'smtp.clerk.example'])).toMatchObject({ code: 0 });
      expect((await cron.run(['config', 'get', 'policy.minAmount'])).stdout).toBe('5000\n');
      expect((await cron.run(['config', 'get', 'smtp.host'])).stderr).toBe('smtp.host is not set and has no default\n');
      const after = JSON.parse((await cron.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-11-23'])).stdout);
      expect(after.skipped.filter((s: { reason: string }) => s.reason === 'below-minimum').length).toBeGreaterThan(0);
      expect(after.messages.length).toBeLessThan(before.messages.length);

      // Another host's --send-due holds the scheduled-send lock: this one exits 75 and sends nothing.
      const other = await openPostgresLedger({ url });
      const running = await beginSendRun(other, { scheduled: true });
      try {
        const second = await cron.run(['--send-due', '--as-of', '2026-11-23']);
        expect(second.code).toBe(75);
        expect(second.stderr).toMatch(/^duedesk: the ledger postgresql:\/\/\S+ is busy: a scheduled send is running \(duedesk pid \d+ on .+\); try again later\n$/);
        expect(JSON.parse((await cron.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-11-23'])).stdout).messages).toEqual(after.messages);
      } finally {
        await running.end();
      }

      // Another host's long write (a big import) holds the write lock: a send not yet begun gives
      // up after 5 s with exit 75, changing nothing.
      let finish!: () => void;
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const importing = other.write(async () => {
        holding();
        await new Promise<void>((resolve) => (finish = resolve));
      });
      await held;
      try {
        const blocked = await cron.run(['--send-due', '--as-of', '2026-11-23']);
        expect(blocked.code).toBe(75);
        expect(blocked.stderr).toMatch(/^duedesk: the ledger postgresql:\/\/\S+ is busy: held by duedesk pid \d+ on .+ for \d+ s; waited 5 s; try again later\n$/);
      } finally {
        finish();
        await importing;
        await other.close();
      }
      expect(JSON.parse((await cron.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-11-23'])).stdout).messages).toEqual(after.messages);
    });
  });
});

describe('a host setting up its access to a shared ledger', () => {
  it('sets its password command and reads its own settings before the server can be reached', async () => {
    const box = sandbox();
    box.env.DUEDESK_DB = 'postgres://clerk@localhost/duedesk?host=/nonexistent';
    expect(await box.run(['config', 'set', 'db.passwordCommand', 'pass show db/duedesk'])).toEqual({ code: 0, stdout: 'db.passwordCommand="pass show db/duedesk"\n', stderr: '' });
    expect((await box.run(['config', 'get', 'db.passwordCommand'])).stdout).toBe('pass show db/duedesk\n');
    expect((await box.run(['config', 'path'])).code).toBe(0);
    // A shared setting lives in the ledger: without the server it is an error naming it.
    const shared = await box.run(['config', 'get', 'policy.minAmount']);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(/^duedesk: cannot connect to the ledger postgres:\/\/clerk@localhost\/duedesk\?host=\/nonexistent: /);
  });
});
