/** `duedesk --send-due` end to end: real planning, real documents, a real local SMTP server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSendDue } from '../../src/cli/commands/send-due.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { upsertPayments } from '../../src/storage/payments.js';
import type { Ledger } from '../../src/storage/ledger.js';
import type { Settings } from '../../src/core/settings.js';
import { aCustomer, anItem, aPayment, valuesOf } from '../helpers/store.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { aContext, historyRows } from './fixtures/messages.js';

let dir: string;
let store: Ledger;
let server: TestSmtpServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-senddue-'));
  store = await openLedger(join(dir, 'duedesk.db'));
  server = await startSmtpServer({ auth: true });
  await store.write(async (sql) => {
    await upsertCustomers(sql, [
      aCustomer({ code: 'C1', email: 'ar@one.test', agentEmail: 'agent@company.test' }),
      aCustomer({ code: 'C2', name: 'Δέλτα ΑΕ', language: 'el', email: 'ap@two.test' }),
      aCustomer({ code: 'C3', email: null }),
    ]);
    await upsertItems(sql, [
      anItem({ customerCode: 'C1', number: 'INV-1', dueDate: '2026-02-01' }),
      anItem({ customerCode: 'C2', number: 'INV-2', dueDate: '2026-01-20', amount: 25050, openAmount: 25050 }),
      anItem({ customerCode: 'C3', number: 'INV-3', dueDate: '2026-01-20' }),
    ]);
  });
});
afterEach(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const settings: Settings = {
  company: { name: 'Acme Billing', email: 'billing@company.test' },
  mail: { bcc: 'archive@company.test' },
  smtp: { from: 'Acme Billing <billing@company.test>' },
};

interface Json {
  dryRun: boolean;
  messages: Array<{ customer: string; status: string; messageId: string | null; to: string[]; error: string | null }>;
  counts: Record<string, number>;
  deferred?: number;
}

async function sendDue(s: Settings = settings): Promise<{ code: number; json: Json; stderr: string }> {
  const ctx = aContext(store, s, { DUEDESK_SMTP_URL: server.url() }, dir);
  const code = await runSendDue({ asOf: '2026-02-10', dryRun: false, json: true }, ctx);
  return { code, json: JSON.parse(ctx.captured.stdout.join('')) as Json, stderr: ctx.captured.stderr.join('') };
}

it('plans, renders, sends and records; a second run the same day sends nothing', async () => {
  const first = await sendDue();
  expect(first.code).toBe(0);
  expect(first.json.dryRun).toBe(false);
  expect(first.json.messages.map((m) => [m.customer, m.status])).toEqual([['C1', 'sent'], ['C2', 'sent']]);
  expect(server.accepted()).toHaveLength(2);
  for (const body of server.accepted()) {
    expect(body.to).toContain('archive@company.test');
    expect(body.raw).not.toMatch(/^Bcc:/im);
    expect(body.raw).toContain('Content-Type: application/pdf');
    expect(body.raw).toMatch(/^From: Acme Billing <billing@company\.test>$/m);
  }
  const rows = (await historyRows(store));
  expect(rows.map((r) => [r.customer, r.status])).toEqual([['C1', 'sent'], ['C2', 'sent']]);
  expect(rows.map((r) => r.messageId).sort()).toEqual(first.json.messages.map((m) => m.messageId).sort());

  const second = await sendDue();
  expect(second.code).toBe(0);
  expect(second.json.messages).toEqual([]);
  expect(server.bodies).toHaveLength(2);
});

it('with schedule.autoSend false sends nothing and says so', async () => {
  const result = await sendDue({ ...settings, schedule: { autoSend: false } });
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/autoSend is false: nothing was sent/);
  expect(server.bodies).toHaveLength(0);
  expect(await historyRows(store)).toEqual([]);
});

it('a 421 from the server leaves the rest due with exit 75, says so, and the next run sends it', async () => {
  server.behaviour.data = () => ({ code: 421, message: '4.7.0 Try again later, closing connection' });
  const first = await sendDue({ ...settings, smtp: { ...settings.smtp, maxConnections: 1 } });
  expect(first.code).toBe(75);
  expect(first.json.messages.map((m) => [m.customer, m.status, m.error])).toEqual([
    ['C1', 'planned', 'not sent: server deferred (421 4.7.0 Try again later, closing connection)'],
    ['C2', 'planned', 'not sent: server deferred (421 4.7.0 Try again later, closing connection)'],
  ]);
  expect(first.json.deferred).toBe(2);
  expect(first.json.counts).toEqual({ planned: 2, sent: 0, failed: 0, uncertain: 0, skipped: 1, notSent: 2 });
  expect(first.stderr).toContain('the mail server deferred the rest of the run (421 4.7.0 Try again later, closing connection): 2 message(s) stay due');
  expect(server.connections()).toBe(1);

  server.behaviour.data = () => 'accept';
  const second = await sendDue();
  expect(second.code).toBe(0);
  expect(second.json.messages.map((m) => [m.customer, m.status])).toEqual([['C1', 'sent'], ['C2', 'sent']]);
  expect(second.json.deferred).toBeUndefined();
  expect((await historyRows(store)).map((r) => [r.customer, r.status])).toEqual([['C1', 'stopped'], ['C1', 'sent'], ['C2', 'sent']]);
});

it('past smtp.maxPerDay the rest stays due for tomorrow, the run says so and exits 0', async () => {
  const result = await sendDue({ ...settings, smtp: { ...settings.smtp, maxPerDay: 1 } });
  expect(result.code).toBe(0);
  expect(result.json.messages.map((m) => [m.customer, m.status, m.error])).toEqual([
    ['C1', 'sent', null],
    ['C2', 'planned', 'not sent: daily limit of 1 reached'],
  ]);
  expect(result.json.deferred).toBe(1);
  expect(result.stderr).toContain('daily limit of 1 reached (smtp.maxPerDay); 1 message(s) stay due for tomorrow');
  expect(server.accepted()).toHaveLength(1);
});

it('records what a message netted and the customer balance after payments on account', async () => {
  await store.write(async (sql) => {
    await upsertPayments(sql, [
      aPayment({ customerCode: 'C2', reference: 'ON-ACCOUNT', amount: 5050, date: '2026-02-05' }),
      aPayment({ customerCode: 'C2', reference: 'LATER', amount: 1000, date: '2026-02-20' }),
    ]);
  });
  const result = await sendDue();
  expect(result.code).toBe(0);
  const rows = (await valuesOf(store, "SELECT total, unapplied, outstanding FROM messages WHERE customer_code = 'C2'"));
  // 250.50 open − 50.50 on account = 200.00 asked; the payment dated after the run does not count yet.
  expect(rows).toEqual([[20000, 5050, 20000]]);
  const body = server.accepted().find((entry) => entry.to.includes('ap@two.test'));
  expect(body?.raw).toContain('ON-ACCOUNT');
});
