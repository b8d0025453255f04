/**
 * `history resend` (docs/reference/cli.md §11.5) on both ledger engines through a real SMTP
 * server: the copy carries the body and the PDF the customer received byte for byte, its subject
 * says "copy" in the customer's language, it is a history row of kind copy naming the original,
 * and it goes at most once a day per message and address.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentsOf } from '../../src/mail/mime-parts.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { readEml } from '../helpers/eml.js';
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

/** A sandbox on the engine with one Italian customer's reminder sent. */
async function sentReminder(postgres: boolean): Promise<Sandbox> {
  const made = sandbox('2026-11-22');
  if (postgres) {
    const url = await freshDatabase();
    databases.push(url);
    made.env.DUEDESK_DB = url;
  }
  made.env.DUEDESK_SMTP_URL = server.url();
  await configSet(made, 'smtp.from', 'AR <ar@company.test>');
  await importCsv(made, {
    customers: 'code,name,email,language\nC1,Alfa Srl,alfa@x.test,it\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-10-01,2026-11-01,120.00\n',
  });
  expect((await made.run(['--send-due'])).code).toBe(0);
  return made;
}

/** The body after the header block: what a copy keeps unchanged. */
const bodyOf = (raw: string): string => raw.slice(raw.indexOf('\r\n\r\n'));

describe.each(ENGINES)('history resend on $name', ({ postgres, skip }) => {
  it.skipIf(skip)('sends the copy with the same body and PDF, marked as a copy in Italian, recorded as kind copy, once a day per address', async () => {
    const clerk = await sentReminder(postgres);
    const [original] = server.accepted();
    const resent = await clerk.run(['history', 'resend', '1', '--to', 'accounts@alfa.test']);
    expect(resent).toMatchObject({ code: 0, stderr: '', stdout: 'copy of message 1 to accounts@alfa.test sent as message 2\n' });
    const copy = server.accepted()[1]!;
    expect(copy.to).toEqual(['accounts@alfa.test']);
    const headers = readEml(copy.raw).headers;
    expect(headers).toMatch(/^To: accounts@alfa\.test$/m);
    expect(headers).toContain(`Subject: Copia: ${/^Subject: (.*)$/m.exec(readEml(original!.raw).headers)![1]}`);
    expect(/^Message-ID: (.*)$/m.exec(headers)![1]).not.toBe(/^Message-ID: (.*)$/m.exec(readEml(original!.raw).headers)![1]);
    // The body and the PDF the customer received, byte for byte.
    expect(bodyOf(copy.raw)).toBe(bodyOf(original!.raw));
    const pdf = (raw: string): string => sha256(attachmentsOf(Buffer.from(raw, 'utf8')).find((a) => a.contentType === 'application/pdf')!.content);
    expect(pdf(copy.raw)).toBe(pdf(original!.raw));

    const show = await clerk.run(['history', 'show', '2']);
    expect(show.stdout).toContain('Message 2 · C1 · copy · EUR · as of 2026-11-22');
    expect(show.stdout).toContain('A copy of message 1, sent again with its body unchanged');
    expect(show.stdout).toContain(`Archived copy: SHA-256 ${sha256(Buffer.from(copy.raw, 'utf8'))}`);

    const again = await clerk.run(['history', 'resend', '1', '--to', 'accounts@alfa.test']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a copy of message 1 to accounts@alfa.test was sent today already');
    // Without --to, to the addresses it went to; a copy of a copy is a copy of the original, to the copy's address.
    expect((await clerk.run(['history', 'resend', '1'])).stdout).toBe('copy of message 1 to alfa@x.test sent as message 3\n');
    expect((await clerk.run(['history', 'resend', '2'])).stderr).toContain('a copy of message 1 to accounts@alfa.test was sent today already');
    expect(server.accepted()).toHaveLength(3);
    expect(readEml(server.accepted()[2]!.raw).headers).not.toContain('Copia: Copia:');
  });
});

describe('history resend: bad input names what and where and changes nothing', () => {
  it('a bad address, an unknown id, a notice and --to elsewhere are refused with exit 2', async () => {
    const clerk = await sentReminder(false);
    const bad = await clerk.run(['history', 'resend', '1', '--to', 'not an address']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('"not an address" is not a plain e-mail address');
    expect((await clerk.run(['history', 'resend', '99'])).stderr).toContain('message 99 is not in the history of');
    expect((await clerk.run(['history', 'resend', 'N1'])).stderr).toContain('history resend: N1 is a notice');
    expect((await clerk.run(['history', 'show', '1', '--to', 'x@y.test'])).stderr).toContain('--to works only with history resend');
    expect(server.accepted()).toHaveLength(1);
    expect((await clerk.run(['export', 'history'])).stdout.trim().split('\n')).toHaveLength(2);
  });
});
