/**
 * The archive through the command line, on both ledger engines: a reminder sent through a real
 * SMTP server is kept byte for byte, `history copy` gives back the PDF the customer received (the
 * same SHA-256), `history show` names the copy, `db check` names a copy that was altered or
 * removed (exit 1), and `db prune-archive` removes copies past archive.keepDays while the history
 * row stays and says so.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentsOf } from '../../src/mail/mime-parts.js';
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

/** A sandbox on the engine, sending through the test server, with two customers owing a first reminder. */
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
    customers: 'code,name,email\nC1,Alpha Ltd,alpha@x.test\nC2,Beta GmbH,beta@x.test\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-10-01,2026-11-01,120.00\nC2,INV-2,2026-10-02,2026-11-02,80.00\n',
  });
  return made;
}

/** The history id of each customer's message, from `export history`. */
async function messageIds(clerk: Sandbox): Promise<Record<string, string>> {
  const csv = (await clerk.run(['export', 'history'])).stdout.trim().split('\n');
  const header = csv[0]!.split(',');
  const ids: Record<string, string> = {};
  for (const line of csv.slice(1)) {
    const cells = line.split(',');
    ids[cells[header.indexOf('customer')]!] = cells[header.indexOf('id')]!;
  }
  return ids;
}

describe.each(ENGINES)('the archive on $name', ({ postgres, skip }) => {
  it.skipIf(skip)('history copy writes the PDF the customer received, byte for byte; history show names the copy', async () => {
    const clerk = await box(postgres);
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    expect(server.accepted()).toHaveLength(2);
    const ids = await messageIds(clerk);
    const arrived = server.accepted().find((m) => m.to.includes('alpha@x.test'))!;
    const arrivedPdf = attachmentsOf(Buffer.from(arrived.raw, 'utf8')).find((a) => a.contentType === 'application/pdf')!;
    expect(arrivedPdf.content.subarray(0, 5).toString()).toBe('%PDF-');

    const out = join(clerk.dir, 'copies');
    const copy = await clerk.run(['history', 'copy', ids.C1!, '--out', out]);
    expect(copy).toMatchObject({ code: 0, stderr: '' });
    const written = copy.stdout.trim().split('\n');
    expect(written[0]).toBe(join(out, `message-${ids.C1}.eml`));
    const pdfs = readdirSync(out).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    // The proof: the PDF written now is the PDF that arrived.
    expect(sha256(readFileSync(join(out, pdfs[0]!)))).toBe(sha256(arrivedPdf.content));
    // And the .eml is what the server received (smtp-server hands over the body as sent).
    const eml = readFileSync(written[0]!);
    expect(eml.toString('utf8')).toBe(arrived.raw);

    const show = await clerk.run(['history', 'show', ids.C1!]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Message ${ids.C1} · C1 · second · EUR · as of 2026-11-22`);
    expect(show.stdout).toContain('To: alpha@x.test');
    expect(show.stdout).toContain(`Archived copy: SHA-256 ${sha256(eml)} · ${eml.byteLength} bytes · kept`);

    expect(await clerk.run(['db', 'check'])).toMatchObject({ code: 0, stderr: '' });
  });

  it.skipIf(skip)('db check names a copy that was altered and one that is missing (exit 1); history copy refuses them', async () => {
    const clerk = await box(postgres);
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    const ids = await messageIds(clerk);
    const hashes = Object.fromEntries(
      await Promise.all(
        Object.entries(ids).map(async ([code, id]) => [code, /SHA-256 ([0-9a-f]{64})/.exec((await clerk.run(['history', 'show', id])).stdout)![1]!] as const),
      ),
    );
    // One byte of C1's PDF changed in its copy; C2's copy removed.
    const altered = (bytes: Buffer): Buffer => {
      const text = gzipSync(Buffer.from(Buffer.from(bytes).toString('latin1').replace('INV-1', 'INV-9'), 'latin1'));
      return text;
    };
    if (postgres) {
      const client = new pg.Client({ connectionString: clerk.env.DUEDESK_DB });
      await client.connect();
      const { rows } = await client.query<{ content: Buffer }>('SELECT content FROM archive_copies WHERE sha256 = $1', [hashes.C1]);
      const { gunzipSync } = await import('node:zlib');
      await client.query('UPDATE archive_copies SET content = $1 WHERE sha256 = $2', [altered(gunzipSync(rows[0]!.content)), hashes.C1]);
      await client.query('DELETE FROM archive_copies WHERE sha256 = $1', [hashes.C2]);
      await client.end();
    } else {
      const { gunzipSync } = await import('node:zlib');
      const file = join(clerk.dir, 'archive', `${hashes.C1}.eml.gz`);
      chmodSync(file, 0o600);
      writeFileSync(file, altered(gunzipSync(readFileSync(file))));
      const { rmSync } = await import('node:fs');
      rmSync(join(clerk.dir, 'archive', `${hashes.C2}.eml.gz`));
    }
    const check = await clerk.run(['db', 'check']);
    expect(check.code).toBe(1);
    const where = (hash: string): string => (postgres ? `archive_copies row ${hash} of ` : join(clerk.dir, 'archive', `${hash}.eml.gz`));
    expect(check.stdout).toContain(`message ${ids.C1} (C1, `);
    expect(check.stdout).toContain(`archived copy was altered (no longer SHA-256 ${hashes.C1}): ${where(hashes.C1!)}`);
    expect(check.stdout).toContain(`message ${ids.C2} (C2, `);
    expect(check.stdout).toContain(`archived copy is missing: ${where(hashes.C2!)}`);
    expect(check.stderr).toBe('duedesk: 2 of 2 archived copies missing or altered; restore them from a backup\n');

    const out = join(clerk.dir, 'copies');
    const refused = await clerk.run(['history', 'copy', ids.C1!, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`the archived copy of message ${ids.C1} was altered: ${where(hashes.C1!)}`);
    expect((await clerk.run(['history', 'copy', ids.C2!, '--out', out])).stderr).toContain(`the archived copy of message ${ids.C2} is missing`);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(skip)('db prune-archive removes copies past archive.keepDays; the history row stays and says it was pruned', async () => {
    const clerk = await box(postgres);
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    const ids = await messageIds(clerk);
    expect((await clerk.run(['db', 'prune-archive'])).stdout).toBe('archive.keepDays is not set: every archived copy is kept (duedesk config set archive.keepDays DAYS)\n');
    await configSet(clerk, 'archive.keepDays', '30');
    clerk.today = '2026-12-21';
    expect((await clerk.run(['db', 'prune-archive'])).stdout).toMatch(/^removed 0 archived copies of messages sent up to 2026-11-20, 0 bytes freed\n$/);
    clerk.today = '2026-12-23';
    const pruned = await clerk.run(['db', 'prune-archive']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/^removed 2 archived copies of messages sent up to 2026-11-22, [1-9]\d* bytes freed\n$/);
    expect((await clerk.run(['history', 'show', ids.C1!])).stdout).toMatch(/Archived copy: SHA-256 [0-9a-f]{64} · \d+ bytes · pruned on 2026-12-23/);
    const refused = await clerk.run(['history', 'copy', ids.C1!, '--out', join(clerk.dir, 'copies')]);
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toContain(`the archived copy of message ${ids.C1} was pruned on 2026-12-23 (archive.keepDays)`);
    // Pruned copies are not missing ones.
    expect((await clerk.run(['db', 'check'])).code).toBe(0);
  });
});

describe.skipIf(!pgAvailable)('the archive travels with the ledger', () => {
  it('db backup writes the copies beside the backup; db copy carries them file → PostgreSQL → file, and history copy gives the same PDF back', async () => {
    const clerk = await box(false);
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    const ids = await messageIds(clerk);
    const arrived = server.accepted().find((m) => m.to.includes('alpha@x.test'))!;
    const arrivedPdf = attachmentsOf(Buffer.from(arrived.raw, 'utf8')).find((a) => a.contentType === 'application/pdf')!;
    const pdfOf = async (env: NodeJS.ProcessEnv, out: string): Promise<string> => {
      const copy = await clerk.run(['history', 'copy', ids.C1!, '--out', out], env);
      expect(copy).toMatchObject({ code: 0, stderr: '' });
      return sha256(readFileSync(copy.stdout.trim().split('\n').find((file) => file.endsWith('.pdf'))!));
    };

    const backups = join(clerk.dir, 'backups');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(backups);
    expect((await clerk.run(['db', 'backup', join(backups, 'b.sqlite')])).code).toBe(0);
    expect(readdirSync(join(backups, 'archive')).sort()).toEqual(readdirSync(join(clerk.dir, 'archive')).sort());
    expect(await pdfOf({ DUEDESK_DB: join(backups, 'b.sqlite') }, join(clerk.dir, 'from-backup'))).toBe(sha256(arrivedPdf.content));

    const url = await freshDatabase();
    databases.push(url);
    const toServer = await clerk.run(['db', 'copy', clerk.db, url]);
    expect(toServer.code).toBe(0);
    expect(toServer.stdout).toContain('archived messages');
    expect(await pdfOf({ DUEDESK_DB: url }, join(clerk.dir, 'from-server'))).toBe(sha256(arrivedPdf.content));
    expect(await clerk.run(['db', 'check'], { DUEDESK_DB: url })).toMatchObject({ code: 0, stdout: `${url.replace(/:[^:@/]*@/, ':***@')}: archive ok (2 archived copies checked)\n` });

    const back = join(clerk.dir, 'elsewhere', 'back.sqlite');
    mkdirSync(join(clerk.dir, 'elsewhere'));
    expect((await clerk.run(['db', 'copy', url, back])).code).toBe(0);
    expect(readdirSync(join(clerk.dir, 'elsewhere', 'archive'))).toHaveLength(2);
    expect(await pdfOf({ DUEDESK_DB: back }, join(clerk.dir, 'from-file'))).toBe(sha256(arrivedPdf.content));
  });
});

describe('history: bad input names what and where', () => {
  it('an unknown id, a non-number and an unwritable folder are refused with exit 2', async () => {
    const clerk = await box(false);
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    const ids = await messageIds(clerk);
    const unknown = await clerk.run(['history', 'show', '999']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain(`message 999 is not in the history of ${clerk.db}`);
    expect((await clerk.run(['history', 'copy', 'x1', '--out', 'o'])).stderr).toContain('history copy: "x1" is not a message id');
    expect((await clerk.run(['history', 'copy', ids.C1!])).stderr).toContain('history copy: where to? --out DIR is needed');
    const locked = join(clerk.dir, 'locked');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(locked, { mode: 0o555 });
    const canWrite = process.getuid?.() === 0;
    if (!canWrite) {
      const refused = await clerk.run(['history', 'copy', ids.C1!, '--out', locked]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`cannot write ${join(locked, `message-${ids.C1}.eml`)}: permission denied`);
    }
  });
});
