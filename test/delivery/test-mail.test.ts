/** `duedesk config test-mail ADDRESS` against a local SMTP server. */
import { expect, it } from 'vitest';
import { runTestMail } from '../../src/cli/commands/test-mail.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { serverAndStorePerTest } from './fixtures/server-and-store.js';
import { aContext } from './fixtures/messages.js';

let server: TestSmtpServer;
let store: Ledger;
serverAndStorePerTest((current) => ({ server, store } = current));

const settings = { smtp: { from: 'Billing <billing@company.test>' }, company: { name: 'Acme' } };

it('sends one short e-mail and says where it went', async () => {
  const ctx = aContext(store, settings, { DUEDESK_SMTP_URL: server.url() });
  expect(await runTestMail('ops@company.test', ctx)).toBe(0);
  expect(server.accepted().map((b) => [b.from, b.to])).toEqual([['billing@company.test', ['ops@company.test']]]);
  expect(server.accepted()[0]?.raw).toMatch(/^Subject: duedesk test e-mail from Acme/m);
  expect(ctx.captured.stdout.join('')).toMatch(/Test e-mail sent to ops@company\.test via smtp 127\.0\.0\.1:\d+/);
});

it('exits 3 with a clear message and without the password when login is refused', async () => {
  const ctx = aContext(store, settings, { DUEDESK_SMTP_URL: server.url('user', 'Wr0ngPass') });
  expect(await runTestMail('ops@company.test', ctx)).toBe(3);
  const err = ctx.captured.stderr.join('');
  expect(err).toMatch(/failed: authentication failed.*535/);
  expect(err).not.toContain('Wr0ngPass');
});

it('refuses a bad address and a missing sender before connecting', async () => {
  const ctx = aContext(store, settings, { DUEDESK_SMTP_URL: server.url() });
  await expect(runTestMail('a@x.test\r\nRCPT TO:<b@y.test>', ctx)).rejects.toThrow(/not a plain e-mail address/);
  await expect(runTestMail('ops@company.test', aContext(store, {}, { DUEDESK_SMTP_URL: server.url() }))).rejects.toThrow(/set smtp.from/);
  expect(server.bodies).toHaveLength(0);
});
