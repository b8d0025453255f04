/** Marking an item disputed (docs/reference/rules.md §9.3) tells the customer's sales agent by e-mail, in the customer's language. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { markDisputed } from '../../src/collections/disputes.js';
import { notifyAgent } from '../../src/collections/dispute-notice.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { aCustomer, anItem, makeLedger } from '../helpers/store.js';
import { readEml } from '../helpers/eml.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { seed } from '../planning/seed.js';

const actor = { operator: 'ana', asOf: '2026-03-20', at: '2026-03-20T09:30:00.000Z' };
const settings = { smtp: { from: 'Billing <billing@company.test>' }, company: { name: 'Acme' } };
const place = { dbPath: null, cwd: process.cwd() };
let server: TestSmtpServer;
let ledger: Ledger;

beforeEach(async () => {
  server = await startSmtpServer({ auth: true });
  ledger = await makeLedger();
  await seed(ledger, {
    customers: [aCustomer({ language: 'it', agentEmail: 'agente@company.test' }), aCustomer({ code: 'C002' })],
    items: [anItem(), anItem({ customerCode: 'C002', number: 'X-1' })],
  });
});
afterEach(async () => server.close());

/** The ledger the notice is kept in, sent by the clerk. */
const keeper = () => ({ ledger, operator: 'ana' });

it('sends the agent one e-mail naming the customer, the item, the reason and the clerk', async () => {
  const marked = await markDisputed(ledger, 'C001', 'INV-1', 'merce danneggiata', actor);
  const result = await notifyAgent(marked, settings, { DUEDESK_SMTP_URL: server.url() }, place, new Date('2026-03-20T09:30:00Z'), keeper());
  expect(result).toMatchObject({ ok: true });
  expect(server.accepted().map((body) => [body.from, body.to])).toEqual([['billing@company.test', ['agente@company.test']]]);
  const eml = readEml(server.accepted()[0]!.raw);
  expect(eml.headers).toContain('Subject: Contestazione: INV-1 di Acme Ltd (C001)');
  expect(eml.text).toContain('Motivo indicato: merce danneggiata');
  expect(eml.text).toContain('Registrata da ana il 20 marzo 2026.');
});

it('sends nothing for a customer without a sales agent', async () => {
  const marked = await markDisputed(ledger, 'C002', 'X-1', 'wrong price', actor);
  expect(await notifyAgent(marked, settings, { DUEDESK_SMTP_URL: server.url() }, place, new Date(), keeper())).toBeNull();
  expect(server.bodies).toHaveLength(0);
});

it('a refused notice is reported and the dispute stays recorded', async () => {
  server.behaviour.data = () => ({ code: 550, message: 'mailbox unavailable' });
  const marked = await markDisputed(ledger, 'C001', 'INV-1', 'merce danneggiata', actor);
  const result = await notifyAgent(marked, settings, { DUEDESK_SMTP_URL: server.url() }, place, new Date(), keeper());
  expect(result).toMatchObject({ ok: false, exitCode: 1 });
  expect(await ledger.read(async (sql) => (await sql.all('SELECT dispute FROM items WHERE number = ?', ['INV-1']))[0]?.['dispute'])).toBe('merce danneggiata');
});

it('uses the firm\'s own templates from a templatesDir given relative to where duedesk runs', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'duedesk-dispute-'));
  cpSync(join(import.meta.dirname, '..', '..', 'templates'), join(cwd, 'house'), { recursive: true });
  writeFileSync(join(cwd, 'house', 'it', 'dispute.subject.mustache'), 'Contestazione registrata: {{dispute.item}}');
  const marked = await markDisputed(ledger, 'C001', 'INV-1', 'merce danneggiata', actor);
  const result = await notifyAgent(marked, { ...settings, templatesDir: 'house' }, { DUEDESK_SMTP_URL: server.url() }, { dbPath: null, cwd }, new Date('2026-03-20T09:30:00Z'), keeper());
  expect(result).toMatchObject({ ok: true });
  expect(readEml(server.accepted()[0]!.raw).headers).toContain('Subject: Contestazione registrata: INV-1');
});
