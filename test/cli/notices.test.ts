/**
 * Every e-mail duedesk sends is kept, not only the messages to customers (docs/reference/cli.md
 * §11.4): the dispute notice to the sales agent, the approval digest and the test e-mail each get
 * a notice record (N1, N2, …) naming their archived copy, on both ledger engines, through a real
 * SMTP server. `history show`/`history copy` find them, `db check` checks and names them, and a
 * copy that cannot be written stops the e-mail before the server sees it (exit 2, the file named).
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

const ENGINES = [
  { name: 'a file', postgres: false, skip: false },
  { name: 'PostgreSQL', postgres: true, skip: !pgAvailable },
];

const databases: string[] = [];
afterAll(async () => {
  for (const url of databases) await dropDatabase(url);
});

let server: TestSmtpServer;
beforeEach(async () => {
  server = await startSmtpServer({ auth: true });
});
afterEach(async () => {
  await server.close();
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A sandbox on the engine, sending through the test server; C1 has a sales agent and owes a reminder. */
async function box(postgres: boolean): Promise<Sandbox> {
  const made = sandbox('2026-11-22');
  if (postgres) {
    const url = await freshDatabase();
    databases.push(url);
    made.env.DUEDESK_DB = url;
  }
  made.env.DUEDESK_SMTP_URL = server.url();
  await configSet(made, 'smtp.from', 'AR <ar@company.test>');
  await importCsv(made, {
    customers: 'code,name,email,agent_email\nC1,Alpha Ltd,alpha@x.test,agent@company.test\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-10-01,2026-11-01,120.00\nC1,INV-2,2026-10-05,2026-11-05,30.00\n',
  });
  return made;
}

/** What arrived at `address`, as the server received it. */
function arrivedAt(address: string): string {
  const found = server.accepted().filter((m) => m.to.includes(address));
  expect(found).toHaveLength(1);
  return found[0]!.raw;
}

describe.each(ENGINES)('notices on $name', ({ postgres, skip }) => {
  it.skipIf(skip)('the dispute notice, the test e-mail and the digest are kept and recorded; history show and copy give them back byte for byte', async () => {
    const clerk = await box(postgres);
    const dispute = await clerk.run(['dispute', 'C1', 'INV-2', '--reason', 'damaged goods']);
    expect(dispute).toMatchObject({ code: 0, stderr: '' });
    expect(dispute.stdout).toContain('sales agent agent@company.test told');
    const test = await clerk.run(['config', 'test-mail', 'admin@company.test']);
    expect(test).toMatchObject({ code: 0, stderr: '' });
    await configSet(clerk, 'schedule.approval', 'true');
    await configSet(clerk, 'schedule.digestTo', 'supervisor@company.test');
    expect((await clerk.run(['--send-due'])).code).toBe(0);

    const expected = [
      { ref: 'N1', to: 'agent@company.test', title: 'Notice N1 · dispute notice to the sales agent · C1' },
      { ref: 'N2', to: 'admin@company.test', title: 'Notice N2 · test e-mail' },
      { ref: 'N3', to: 'supervisor@company.test', title: 'Notice N3 · approval digest' },
    ];
    for (const { ref, to, title } of expected) {
      const raw = Buffer.from(arrivedAt(to), 'utf8');
      const show = await clerk.run(['history', 'show', ref]);
      expect(show).toMatchObject({ code: 0, stderr: '' });
      expect(show.stdout).toContain(`${title}\n`);
      expect(show.stdout).toContain('Status: sent\n');
      expect(show.stdout).toContain(`To: ${to}\n`);
      expect(show.stdout).toContain(`Archived copy: SHA-256 ${sha256(raw)} · ${raw.byteLength} bytes · kept`);
      const out = join(clerk.dir, 'copies');
      const copy = await clerk.run(['history', 'copy', ref.toLowerCase(), '--out', out]);
      expect(copy).toMatchObject({ code: 0, stderr: '', stdout: `${join(out, `notice-${ref}.eml`)}\n` });
      // The proof: what the server received is what the archive gives back.
      expect(readFileSync(join(out, `notice-${ref}.eml`)).equals(raw)).toBe(true);
    }
    // The customer's history holds no notice: it still has nothing sent.
    expect((await clerk.run(['export', 'history'])).stdout.trim().split('\n')).toHaveLength(1);
    const check = await clerk.run(['db', 'check']);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toContain('(3 archived copies checked)');
    const unknown = await clerk.run(['history', 'show', 'N9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('notice N9 is not among the notices of');
  });

  it.skipIf(skip)('db check names a notice whose copy was altered (exit 1)', async () => {
    const clerk = await box(postgres);
    expect((await clerk.run(['config', 'test-mail', 'admin@company.test'])).code).toBe(0);
    const hash = /SHA-256 ([0-9a-f]{64})/.exec((await clerk.run(['history', 'show', 'N1'])).stdout)![1]!;
    const altered = (bytes: Buffer): Buffer => gzipSync(Buffer.from(bytes.toString('latin1').replace('test e-mail', 'TEST E-MAIL'), 'latin1'));
    if (postgres) {
      const client = new pg.Client({ connectionString: clerk.env.DUEDESK_DB });
      await client.connect();
      const { rows } = await client.query<{ content: Buffer }>('SELECT content FROM archive_copies WHERE sha256 = $1', [hash]);
      await client.query('UPDATE archive_copies SET content = $1 WHERE sha256 = $2', [altered(gunzipSync(rows[0]!.content)), hash]);
      await client.end();
    } else {
      const file = join(clerk.dir, 'archive', `${hash}.eml.gz`);
      chmodSync(file, 0o600);
      writeFileSync(file, altered(gunzipSync(readFileSync(file))));
    }
    const check = await clerk.run(['db', 'check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`^notice N1 \\(test, 2026-11-22\\): archived copy was altered \\(no longer SHA-256 ${hash}\\): `));
    expect(check.stderr).toBe('duedesk: 1 of 1 archived copy missing or altered; restore them from a backup\n');
  });
});

describe('a notice whose copy cannot be kept is not sent', () => {
  it('the test e-mail and the dispute notice stop before the server with exit 2 naming the archive; the dispute stands', async () => {
    const clerk = await box(false);
    // A file where the archive's folder belongs: the copy cannot be written (root or not).
    writeFileSync(join(clerk.dir, 'archive'), 'not a folder');
    const test = await clerk.run(['config', 'test-mail', 'admin@company.test']);
    expect(test.code).toBe(2);
    expect(test.stderr).toContain(`cannot write ${join(clerk.dir, 'archive')}`);
    const dispute = await clerk.run(['dispute', 'C1', 'INV-2', '--reason', 'damaged goods']);
    expect(dispute.code).toBe(2);
    expect(dispute.stdout).toContain('C1 item INV-2 disputed');
    expect(dispute.stderr).toContain(`the sales agent agent@company.test was not told: cannot write ${join(clerk.dir, 'archive')}`);
    expect(server.accepted()).toHaveLength(0);
    expect((await clerk.run(['history', 'show', 'N1'])).stderr).toContain('notice N1 is not among the notices');
  });
});
