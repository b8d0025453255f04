/**
 * `duedesk inbox fetch` end to end, on both ledger engines, against a real Dovecot: reminders
 * sent (outbox), then a bounce, a delay, a reply, an out-of-office answer and a stranger's mail
 * delivered into the mailbox; each filed once, and what each means shows in the next plan.
 */
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDovecot, startThrowawayImap, type ThrowawayImap } from '../helpers/dovecot.js';
import { BOUNCE_SENDER, DEAD_DOMAIN, findPostfix, startThrowawayPostfix } from '../helpers/postfix.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { gmailDelay, outOfOffice, postfixBounce, reply } from '../fixtures/inbox/samples.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

const dovecot = findDovecot();
const ENGINES = [
  { name: 'a file', postgres: false, skip: dovecot === null },
  { name: 'PostgreSQL', postgres: true, skip: dovecot === null || !pgAvailable },
];

let imap: ThrowawayImap;
const databases: string[] = [];
beforeAll(async () => {
  if (dovecot !== null) imap = await startThrowawayImap(dovecot);
});
afterAll(async () => {
  imap?.stop();
  for (const url of databases) await dropDatabase(url);
});

/** A sandbox on the engine reading the folder `folder` of the test mailbox, with three customers sent a reminder. */
async function box(postgres: boolean, folder: string): Promise<Sandbox> {
  const made = sandbox('2026-11-22');
  if (postgres) {
    const url = await freshDatabase();
    databases.push(url);
    made.env.DUEDESK_DB = url;
  }
  made.env.DUEDESK_IMAP_URL = `imap://${imap.user}@127.0.0.1:${imap.port}/${folder}`;
  made.env.DUEDESK_IMAP_PASSWORD = imap.password;
  const client = await imap.client();
  await client.mailboxCreate(folder);
  await client.logout();
  await configSet(made, 'smtp.from', 'AR <ar@company.test>');
  await importCsv(made, {
    customers: 'code,name,email\nC1,Alpha Ltd,gone@alpha.test\nC2,Beta GmbH,anna@beta.test\nC3,Gamma SA,gamma@gamma.test\n',
    items:
      'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-10-01,2026-11-01,120.00\nC2,INV-2,2026-10-02,2026-11-02,80.00\nC3,INV-3,2026-10-02,2026-11-02,50.00\n',
  });
  const sent = await made.run(['--send-due']);
  expect(sent.code).toBe(0);
  return made;
}

/** Each customer's Message-ID (without brackets), or with `column` another column, from `export history`. */
async function sentIds(clerk: Sandbox, column = 'message_id'): Promise<Record<string, string>> {
  const csv = (await clerk.run(['export', 'history'])).stdout.trim().split('\n');
  const header = csv[0]!.split(',');
  const ids: Record<string, string> = {};
  for (const line of csv.slice(1)) {
    const cells = line.split(',');
    ids[cells[header.indexOf('customer')]!] = cells[header.indexOf(column)]!.replace(/^<|>$/g, '');
  }
  return ids;
}

/** The skip reasons of a dry run's plan for `asOf`, by customer. */
async function skips(clerk: Sandbox, asOf: string): Promise<Record<string, string>> {
  const run = await clerk.run(['--send-due', '--dry-run', '--json', '--as-of', asOf]);
  const plan = JSON.parse(run.stdout) as { skipped: { customer: string; reason: string; detail?: string }[] };
  return Object.fromEntries(plan.skipped.map((s) => [s.customer, s.reason]));
}

describe.each(ENGINES)('inbox fetch on $name', ({ postgres, skip }) => {
  it.skipIf(skip)('files a bounce, a delay, a reply, an auto-reply and a stranger once each; the plan skips the dead address and the answered customer', async () => {
    const folder = postgres ? 'pg' : 'file';
    const clerk = await box(postgres, folder);
    const ids = await sentIds(clerk);
    expect(Object.keys(ids).sort()).toEqual(['C1', 'C2', 'C3']);
    await imap.append(
      [
        postfixBounce(ids.C1!, 'gone@alpha.test'),
        gmailDelay(ids.C3!, 'gamma@gamma.test'),
        reply('anna@beta.test', ids.C2!, [ids.C2!], 'We paid yesterday, see attached.\n\nOn Sun, 22 Nov 2026, AR <ar@company.test> wrote:\n> Dear customer'),
        outOfOffice('gamma@gamma.test', ids.C3!),
        reply('offers@nowhere.test', null, [], 'Cheap toner', 'Offer'),
      ],
      folder,
      new Date('2026-11-23T09:00:00Z'),
    );

    const first = await clerk.run(['inbox', 'fetch']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toBe(`clerk@127.0.0.1/${folder}: 5 new: 2 bounces, 1 reply, 1 auto-reply, 1 unmatched`);
    expect(lines).toContainEqual(expect.stringMatching(/^bounce C1 message \d+: bounced gone@alpha\.test 5\.1\.1: 550 5\.1\.1 <gone@alpha\.test>: Recipient address rejected/));
    expect(lines).toContainEqual(expect.stringMatching(/^bounce C3 message \d+: delayed gamma@gamma\.test 4\.4\.1/));
    expect(lines).toContainEqual(expect.stringMatching(/^reply  C2 message \d+: We paid yesterday, see attached\.$/));
    expect(lines).toContainEqual('unmatched offers@nowhere.test "Offer": from offers@nowhere.test: names none of our messages');

    const again = await clerk.run(['inbox', 'fetch']);
    expect(again).toMatchObject({ code: 0, stdout: `clerk@127.0.0.1/${folder}: 0 new: 0 bounces, 0 replies, 0 auto-replies, 0 unmatched\n` });

    const history = (await clerk.run(['export', 'history'])).stdout;
    expect(history).toMatch(/,C1,reminder,.*,bounced,5\.1\.1 gone@alpha\.test: 550 5\.1\.1/);
    expect(history).toMatch(/,C3,reminder,.*,sent,4\.4\.1 gamma@gamma\.test: The recipient server did not accept our requests to connect\.,/);

    // C2's second level falls due on 2026-11-23: its reply of that day holds it for policy.replyPauseDays (7).
    expect(await skips(clerk, '2026-11-24')).toMatchObject({ C2: 'replied' });
    expect(await skips(clerk, '2026-11-29')).toMatchObject({ C2: 'replied' });
    expect((await skips(clerk, '2026-11-30')).C2).toBeUndefined();
    // C1's final level falls due on 2026-12-16: its only address is dead.
    expect(await skips(clerk, '2026-12-16')).toMatchObject({ C1: 'bounced' });

    const exported = await clerk.run(['export', 'inbox', '--from', '2026-11-23', '--to', '2026-11-23']);
    const rows = exported.stdout.trim().split('\n');
    expect(rows[0]).toBe('received_at,kind,customer,message_id,in_reply_to,from,subject,status,detail');
    expect(rows.slice(1).map((row) => row.split(',').slice(1, 3).join(','))).toEqual(['bounce,C1', 'bounce,C3', 'reply,C2', 'auto-reply,C3', 'unmatched,']);
    expect(rows[3]).toBe(`2026-11-23T09:00:00.000Z,reply,C2,${(await sentIds(clerk, 'id')).C2},${ids.C2},anna@beta.test,Re: Payment reminder,open,"We paid yesterday, see attached."`);
    expect(rows[1]).toMatch(/,open,failed 5\.1\.1 gone@alpha\.test: 550 5\.1\.1/);
    expect((await clerk.run(['export', 'inbox', '--from', '2026-11-24'])).stdout).toBe(`${rows[0]}\n`);

    // The clerk's list; handling C2's reply ends its pause at once.
    const open = (await clerk.run(['inbox', 'list'])).stdout.trim().split('\n');
    expect(open.map((line) => line.split(/\s+/).slice(2, 4).join(' '))).toEqual(['reply C2', 'bounce C3', 'bounce C1']);
    const replyId = open[0]!.split(' ')[0]!;
    expect(await clerk.run(['inbox', 'handle', replyId, 'note'])).toMatchObject({ code: 0, stdout: `inbox mail ${replyId} handled (note)\n` });
    expect((await skips(clerk, '2026-11-24')).C2).toBeUndefined();
    expect(await clerk.run(['inbox', 'handle', replyId])).toMatchObject({ code: 2, stderr: `duedesk: inbox mail ${replyId} is not open (unknown, or handled already)\n` });

    // A new address imported for C1 clears the mark: the final level goes to it.
    writeFileSync(join(clerk.dir, 'new-address.csv'), 'code,name,email\nC1,Alpha Ltd,accounts@alpha.test\n');
    expect((await clerk.run(['import', 'customers', join(clerk.dir, 'new-address.csv')])).code).toBe(0);
    const plan = JSON.parse((await clerk.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-12-16'])).stdout) as { messages: { customer: string; to: string[] }[] };
    expect(plan.messages.find((m) => m.customer === 'C1')?.to).toEqual(['accounts@alpha.test']);
  });
});

const postfix = dovecot === null ? null : findPostfix();

describe.skipIf(postfix === null)('a bounce written by a real MTA', () => {
  it('Postfix fails a domain, its own report lands in the mailbox, and inbox fetch files it against our reminder', async () => {
    const mta = await startThrowawayPostfix(postfix!, imap.maildir, imap.mailUid);
    try {
      const clerk = sandbox('2026-11-22');
      clerk.env.DUEDESK_SMTP_URL = mta.url;
      clerk.env.DUEDESK_IMAP_URL = `imap://${imap.user}@127.0.0.1:${imap.port}/INBOX`;
      clerk.env.DUEDESK_IMAP_PASSWORD = imap.password;
      await configSet(clerk, 'smtp.from', `AR <${BOUNCE_SENDER}>`);
      await importCsv(clerk, {
        customers: `code,name,email\nC9,Vanished Ltd,nobody@${DEAD_DOMAIN}\n`,
        items: 'customer_code,number,issue_date,due_date,amount\nC9,INV-9,2026-10-01,2026-11-01,99.00\n',
      });
      const sent = await clerk.run(['--send-due']);
      expect(sent.code, sent.stderr).toBe(0);
      const ours = (await sentIds(clerk)).C9!;

      // Postfix bounces in the background: wait for its report to be delivered.
      const client = await imap.client();
      try {
        const until = Date.now() + 20_000;
        while (((await client.status('INBOX', { messages: true })) || { messages: 0 }).messages === 0) {
          if (Date.now() > until) throw new Error(`no report from Postfix within 20 s\n${mta.log()}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        await client.logout();
      }

      const fetched = await clerk.run(['inbox', 'fetch']);
      expect(fetched.stderr).toBe('');
      expect(fetched.stdout).toBe(
        `clerk@127.0.0.1/INBOX: 1 new: 1 bounce, 0 replies, 0 auto-replies, 0 unmatched\n` +
          `bounce C9 message 1: bounced nobody@${DEAD_DOMAIN} 5.1.1: mailbox unavailable: no such user here\n`,
      );
      const history = (await clerk.run(['export', 'history'])).stdout;
      expect(history).toContain(`,bounced,5.1.1 nobody@${DEAD_DOMAIN}: mailbox unavailable: no such user here,<${ours}>,`);
      const plan = JSON.parse((await clerk.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-12-16'])).stdout) as { skipped: { customer: string; reason: string; detail: string }[] };
      expect(plan.skipped).toContainEqual({
        customer: 'C9',
        reason: 'bounced',
        detail: `every e-mail address is undeliverable: nobody@${DEAD_DOMAIN} (since ${new Date().toISOString().slice(0, 10)}: mailbox unavailable: no such user here)`,
      });
    } finally {
      mta.stop();
    }
  });
});

describe.skipIf(dovecot === null)('a mailbox with 10,000 mails', () => {
  it('is read in batches, each mail filed once; a second fetch finds nothing new', { timeout: 240_000 }, async () => {
    const clerk = await box(false, 'big');
    // Delivered as an MTA delivers into a maildir: 10,000 files in the folder's new/.
    const folder = join(imap.maildir, '.big', 'new');
    mkdirSync(folder, { recursive: true });
    for (let n = 0; n < 10_000; n++) {
      const file = join(folder, `${1_700_000_000 + n}.M${n}P1.test`);
      writeFileSync(file, reply(n % 2 === 0 ? 'anna@beta.test' : 'offers@nowhere.test', null, [], `Mail number ${n}`, `Note ${n}`));
      chownSync(file, imap.mailUid, imap.mailUid);
    }
    chownSync(folder, imap.mailUid, imap.mailUid);
    const started = Date.now();
    const first = await clerk.run(['inbox', 'fetch']);
    const seconds = (Date.now() - started) / 1000;
    expect(first.stderr).toBe('');
    expect(first.stdout.split('\n')[0]).toBe('clerk@127.0.0.1/big: 10000 new: 0 bounces, 5000 replies, 0 auto-replies, 5000 unmatched');
    console.info(`inbox fetch of 10,000 mails: ${seconds.toFixed(1)} s`);
    const again = await clerk.run(['inbox', 'fetch']);
    expect(again.stdout).toBe('clerk@127.0.0.1/big: 0 new: 0 bounces, 0 replies, 0 auto-replies, 0 unmatched\n');
  });
});

describe.skipIf(dovecot === null || !pgAvailable)('at most once on a shared ledger', () => {
  it('two fetches at once on one PostgreSQL ledger file each mail once: one reads, the other exits 75 or finds nothing new', async () => {
    const clerk = await box(true, 'shared');
    const ids = await sentIds(clerk);
    await imap.append(
      Array.from({ length: 30 }, (_, n) => reply('anna@beta.test', ids.C2!, [], `Answer ${n}`)),
      'shared',
    );
    const [a, b] = await Promise.all([clerk.run(['inbox', 'fetch']), clerk.run(['inbox', 'fetch'])]);
    for (const run of [a, b]) expect([0, 75]).toContain(run.code);
    const busy = [a, b].find((run) => run.code === 75);
    if (busy) expect(busy.stderr).toMatch(/^duedesk: another fetch \(.+\) is reading clerk@127\.0\.0\.1\/shared; try again when it is done\n$/);
    const filed = [a, b].map((run) => Number(/: (\d+) new/.exec(run.stdout)?.[1] ?? 0));
    expect(filed[0]! + filed[1]!).toBe(30);
    const exported = (await clerk.run(['export', 'inbox'])).stdout.trim().split('\n');
    expect(exported).toHaveLength(31);
  });
});

describe.skipIf(dovecot === null)('a mailbox that cannot be read', () => {
  it('a refused login and a server that is not there exit 3, naming the server and not the password', async () => {
    const clerk = sandbox('2026-11-22');
    const env = { DUEDESK_IMAP_URL: `imap://${imap.user}@127.0.0.1:${imap.port}/INBOX`, DUEDESK_IMAP_PASSWORD: 'wrong-password' };
    const refused = await clerk.run(['inbox', 'fetch'], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(new RegExp(`^duedesk: cannot read the mailbox at 127\\.0\\.0\\.1:${imap.port} \\(DUEDESK_IMAP_URL\\): login refused for clerk`));
    expect(refused.stderr).not.toContain('wrong-password');
    const gone = await clerk.run(['inbox', 'fetch'], { ...env, DUEDESK_IMAP_URL: 'imap://clerk@127.0.0.1:1/INBOX' });
    expect(gone.code).toBe(3);
    expect(gone.stderr).toMatch(/^duedesk: cannot read the mailbox at 127\.0\.0\.1:1 \(DUEDESK_IMAP_URL\): ECONNREFUSED/);
  });

  it('without a mailbox configured, says what to set (exit 2)', async () => {
    const run = await sandbox('2026-11-22').run(['inbox', 'fetch']);
    expect(run).toMatchObject({ code: 2, stderr: 'duedesk: no mailbox to read: set imap.host and imap.user (duedesk config set imap.host HOST), or DUEDESK_IMAP_URL\n' });
  });
});
