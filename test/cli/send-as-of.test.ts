/**
 * A real send dates its messages with its as-of date, and the rules trust that date: a send "as of
 * 2062" once reminded every customer and then kept them from being reminded for decades. A real
 * send (--send-due, an approved proposal, statement --send) stays within schedule.maxAsOfDays of
 * today, else exit 2 naming the setting and nothing changes; a dry run (or statement --out) takes any date.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgAvailable } from '../helpers/pg.js';
import { withTwoHosts } from '../postgres/two-hosts.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

const SEED = {
  customers: 'code,name,email\nC1,Rossi Srl,ap@rossi.test\nC2,Bianchi Spa,ap@bianchi.test\n',
  items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-09-01,2026-10-01,100.00\nC2,INV-2,2026-09-01,2026-10-01,50.00\n',
};

async function seed(box: Sandbox): Promise<Sandbox> {
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  await importCsv(box, SEED);
  return box;
}

const sentFiles = (box: Sandbox): string[] => {
  const outbox = join(box.dir, 'outbox');
  return existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith('.eml')) : [];
};

/** The rows of `export history` (its header left out). */
async function history(box: Sandbox): Promise<string[]> {
  const result = await box.run(['export', 'history']);
  expect(result.code).toBe(0);
  return result.stdout.trim().split('\n').slice(1);
}

const refusal = (asOf: string, where: string, limit = 7): string =>
  `duedesk: --as-of ${asOf} is ${where} today (2026-11-22); a real send may be at most schedule.maxAsOfDays = ${limit} days away ` +
  'from today, so nothing was sent (--dry-run takes any date; raise schedule.maxAsOfDays to send further away)\n';

describe('--send-due --as-of far from today', () => {
  it('refuses a real send as of 2062-11-23 with exit 2 naming schedule.maxAsOfDays, and sends and records nothing', async () => {
    const box = await seed(sandbox());
    const result = await box.run(['--send-due', '--as-of', '2062-11-23']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: refusal('2062-11-23', '13150 days after') });
    expect(sentFiles(box)).toEqual([]);
    expect(await history(box)).toEqual([]);
    // Today's run is unaffected: both customers are still due.
    expect(JSON.parse((await box.run(['--send-due', '--dry-run', '--json'])).stdout).messages).toHaveLength(2);
  });

  it('lets a dry run take any date', async () => {
    const box = await seed(sandbox());
    const dry = await box.run(['--send-due', '--dry-run', '--json', '--as-of', '2062-11-23']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ asOf: '2062-11-23', dryRun: true, messages: [{ customer: 'C1' }, { customer: 'C2' }] });
  });

  it('sends 7 days either way by default, refuses 8, and follows schedule.maxAsOfDays', async () => {
    const box = await seed(sandbox());
    expect(await box.run(['--send-due', '--as-of', '2026-11-14'])).toMatchObject({ code: 2, stderr: refusal('2026-11-14', '8 days before') });
    expect(await box.run(['--send-due', '--as-of', '2026-11-30'])).toMatchObject({ code: 2, stderr: refusal('2026-11-30', '8 days after') });
    expect(sentFiles(box)).toEqual([]);
    expect((await box.run(['--send-due', '--as-of', '2026-11-15'])).code).toBe(0);
    expect(sentFiles(box)).toHaveLength(2);

    await configSet(box, 'schedule.maxAsOfDays', '0');
    expect(await box.run(['--send-due', '--as-of', '2026-11-23'])).toMatchObject({ code: 2, stderr: refusal('2026-11-23', '1 day after', 0) });
    await configSet(box, 'schedule.maxAsOfDays', '30');
    expect((await box.run(['--send-due', '--as-of', '2026-12-20'])).code).toBe(0);
    expect(await box.run(['config', 'set', 'schedule.maxAsOfDays', '1000'])).toMatchObject({
      code: 2,
      stderr: 'duedesk: schedule.maxAsOfDays: must be at most 365 (got 1000); allowed: 0 to 365 (nothing was written)\n',
    });
  });

  it('config get schedule.maxAsOfDays shows the default, 7', async () => {
    expect((await sandbox().run(['config', 'get', 'schedule.maxAsOfDays'])).stdout).toBe('7\n');
  });

  it('refuses to send an approved proposal when its day is too far from today; the proposal stays approved', async () => {
    const box = await seed(sandbox());
    await configSet(box, 'schedule.approval', 'true');
    expect(await box.run(['--send-due', '--as-of', '2062-11-23'])).toMatchObject({ code: 2, stderr: refusal('2062-11-23', '13150 days after') });
    expect((await box.run(['proposal', 'list'])).stdout).toBe('');

    expect((await box.run(['--send-due'])).code).toBe(0);
    expect((await box.run(['proposal', 'approve', '1'])).code).toBe(0);
    box.today = '2026-12-02';
    const late = await box.run(['--send-due', '--as-of', '2026-11-22']);
    expect(late).toEqual({ code: 2, stdout: '', stderr: refusal('2026-11-22', '10 days before').replace('today (2026-11-22)', 'today (2026-12-02)') });
    expect(sentFiles(box)).toEqual([]);
    expect((await box.run(['proposal', 'list'])).stdout).toMatch(/^#1 {2}2026-11-22 {2}approved {2}2 messages/);
  });
});

describe('statement --as-of far from today', () => {
  it('refuses --send (exit 2, nothing sent) and writes files with --out', async () => {
    const box = await seed(sandbox());
    expect(await box.run(['statement', 'C1', '--as-of', '2062-11-23', '--send'])).toEqual({ code: 2, stdout: '', stderr: refusal('2062-11-23', '13150 days after') });
    expect(sentFiles(box)).toEqual([]);
    expect(await history(box)).toEqual([]);
    const files = await box.run(['statement', 'C1', '--as-of', '2062-11-23', '--out', 'statements']);
    expect(files.code).toBe(0);
    expect(readdirSync(join(box.dir, 'statements')).sort()).toEqual(['C1-EUR-statement.eml', 'C1-EUR-statement.pdf']);
  });
});

describe.skipIf(!pgAvailable)('on a shared PostgreSQL ledger', () => {
  it('refuses a far real send the same way, and schedule.maxAsOfDays set on one host holds for every host', async () => {
    await withTwoHosts(async (cron, clerk) => {
      await seed(clerk);
      expect(await cron.run(['--send-due', '--as-of', '2062-11-23'])).toEqual({ code: 2, stdout: '', stderr: refusal('2062-11-23', '13150 days after') });
      expect(await history(cron)).toEqual([]);
      await configSet(clerk, 'schedule.maxAsOfDays', '30');
      expect((await cron.run(['config', 'get', 'schedule.maxAsOfDays'])).stdout).toBe('30\n');
      const sent = await cron.run(['--send-due', '--json', '--as-of', '2026-12-20']);
      expect(sent.code).toBe(0);
      expect(JSON.parse(sent.stdout).counts.sent).toBe(2);
    });
  });
});
