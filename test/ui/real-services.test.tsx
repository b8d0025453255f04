/** The desk on the real services: in-memory store, real planning, documents and the outbox transport. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import React from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/runtime/context.js';
import type { Settings } from '../../src/core/settings.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { insertMessage } from '../../src/storage/messages.js';
import { upsertPayments } from '../../src/storage/payments.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { App } from '../../src/ui/app.js';
import { needsAttention, retriesOf } from '../../src/ui/screens/history-model.js';
import { createServices } from '../../src/ui/services-impl.js';
import { aCustomer, aMessage, anItem, aPayment, makeLedger } from '../helpers/store.js';
import { waitForFrame, KEYS } from './harness.js';
import { sessionContext } from './session-context.js';

const AS_OF = '2026-02-10';
let dir: string;
let store: Ledger;
let settings: Settings;

function context(): CommandContext {
  return sessionContext({ dir, store, asOf: AS_OF, read: () => settings, write: (next) => void (settings = next) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-tui-'));
  settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, mail: { outboxDir: join(dir, 'outbox') } };
  store = await makeLedger();
  await store.write(async (sql) => {
    await upsertCustomers(sql, [
      aCustomer({ code: 'C1', name: 'Rossi Forniture', language: 'it', email: 'ar@rossi.test' }),
      aCustomer({ code: 'C2', name: 'Αθήνα Εμπορική ΑΕ', language: 'el', email: 'ap@athina.test' }),
      aCustomer({ code: 'C3', name: 'София Логистик', language: 'bg', currency: 'BGN', email: 'ar@sofia.test' }),
      aCustomer({ code: 'C4', name: 'No Mail Ltd', email: null }),
    ]);
    await upsertItems(sql, [
      anItem({ customerCode: 'C1', number: 'INV-1', dueDate: '2026-02-01' }),
      anItem({ customerCode: 'C2', number: 'INV-2', dueDate: '2026-01-10', amount: 25050, openAmount: 25050 }),
      anItem({ customerCode: 'C3', number: 'INV-3', dueDate: '2025-10-01', currency: 'BGN', amount: 990000, openAmount: 990000 }),
      anItem({ customerCode: 'C4', number: 'INV-4', dueDate: '2026-01-20' }),
    ]);
  });
});
afterEach(() => {
  cleanup();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('real services', () => {
  it('list customers with aging, hold one, and plan without it', async () => {
    const services = await createServices(context());
    expect(services.today()).toBe(AS_OF);
    const list = await services.listCustomers(AS_OF);
    expect(list.rows.map((r) => r.code)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(list.rows.find((r) => r.code === 'C3')).toMatchObject({ open: [{ currency: 'BGN', amount: 990000 }], oldestDaysOverdue: 132 });
    expect(list.aging.find((a) => a.currency === 'EUR')?.buckets).toMatchObject({ d1to30: 20000, d31to60: 25050 });
    expect(list.aging.find((a) => a.currency === 'BGN')?.buckets.over90).toBe(990000);
    const before = await services.loadPlan(AS_OF);
    expect(before.messages.map((m) => m.customer.code).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(before.skipped).toEqual([expect.objectContaining({ customer: 'C4', reason: 'no-email' })]);
    await services.setHold('C2', '2026-03-01');
    const detail = await services.customerDetail('C2', AS_OF);
    expect(detail?.customer.holdUntil).toBe('2026-03-01');
    const after = await services.loadPlan(AS_OF);
    expect(after.messages.map((m) => m.customer.code)).not.toContain('C2');
    await expect(services.setHold('NOPE', null)).rejects.toThrow('customer NOPE does not exist');
  });

  it('customer totals and the plan net payments on account; one covering everything leaves nothing due', async () => {
    await store.write(async (sql) => {
      await upsertPayments(sql, [
        aPayment({ customerCode: 'C2', reference: 'ON-ACCOUNT-C2', amount: 5050, date: '2026-02-01' }),
        aPayment({ customerCode: 'C1', reference: 'ON-ACCOUNT-C1', amount: 10000, date: '2026-02-02' }),
      ]);
    });
    const services = await createServices(context());
    const list = await services.listCustomers(AS_OF);
    expect(list.rows.find((r) => r.code === 'C2')?.open).toEqual([{ currency: 'EUR', amount: 20000 }]);
    expect(list.rows.find((r) => r.code === 'C1')?.open).toEqual([]);
    const plan = await services.loadPlan(AS_OF);
    expect(plan.messages.find((m) => m.customer.code === 'C2')).toMatchObject({ total: 20000, unapplied: 5050 });
    expect(plan.skipped).toContainEqual(expect.objectContaining({ customer: 'C1', reason: 'covered' }));
  });

  it('holds one item: the plan leaves it out until the day after, and a wrong item is refused', async () => {
    const services = await createServices(context());
    await services.setItemHold('C2', 'INV-2', '2026-03-01');
    expect((await services.customerDetail('C2', AS_OF))?.items[0]?.holdUntil).toBe('2026-03-01');
    expect((await services.loadPlan(AS_OF)).messages.map((m) => m.customer.code)).not.toContain('C2');
    expect((await services.loadPlan('2026-03-02')).messages.map((m) => m.customer.code)).toContain('C2');
    await expect(services.setItemHold('C2', 'NOPE', null)).rejects.toThrow('customer C2 has no item NOPE');
  });

  it('retries failed messages in one run; History links each to the message that sent it', async () => {
    const ids = await store.write(async (sql) => [
      await insertMessage(sql, aMessage({ customerCode: 'C1', level: 'first', asOf: AS_OF, messageId: '<f1@t>', status: 'failed', error: 'Missing credentials for "PLAIN"' })),
      await insertMessage(sql, aMessage({ customerCode: 'C2', level: 'second', asOf: AS_OF, messageId: '<f2@t>', status: 'failed', error: 'getaddrinfo ENOTFOUND smtp.nowhere.test' })),
    ]);
    const services = await createServices(context());
    const outcomes = await services.retryMessages(ids, AS_OF);
    expect(outcomes.map((o) => [o.key, o.status])).toEqual([
      ['C1-EUR-first', 'sent'],
      ['C2-EUR-second', 'sent'],
    ]);
    expect(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    const history = await services.listHistory();
    const links = retriesOf(history);
    expect(ids.map((id) => links.get(id)?.status)).toEqual(['sent', 'sent']);
    expect(history.filter((r) => needsAttention(r, links))).toEqual([]);
    await expect(services.retryMessages([links.get(ids[0]!)!.id], AS_OF)).rejects.toThrow('is sent; only failed messages are retried');
  });

  it('shows the history timeline with amounts outstanding, and records what the operator found out', async () => {
    const ids = await store.write(async (sql) => [
      await insertMessage(sql, aMessage({ customerCode: 'C1', asOf: '2026-01-20', messageId: '<a@t>', outstanding: 12345 })),
      await insertMessage(sql, aMessage({ customerCode: 'C1', asOf: '2026-02-01', messageId: '<b@t>', status: 'uncertain', error: 'connection lost after DATA' })),
    ]);
    const services = await createServices(context());
    const detail = await services.customerDetail('C1', AS_OF);
    expect(detail?.timeline.map((t) => [t.asOf, t.status, t.outstanding])).toEqual([
      ['2026-02-01', 'uncertain', 10000],
      ['2026-01-20', 'sent', 12345],
    ]);
    await expect(services.markUncertain(ids[0]!, true)).rejects.toThrow('is sent, not uncertain');
    await services.markUncertain(ids[1]!, false);
    const history = await services.listHistory();
    expect(history[0]).toMatchObject({ id: ids[1], status: 'failed', error: 'connection lost after DATA; not delivered (checked by the operator)' });
  });

  it('previews a real e-mail and sends everything due through the outbox with progress to completion', async () => {
    const services = await createServices(context());
    const plan = await services.loadPlan(AS_OF);
    const view = await services.preview(plan.messages[0]!);
    expect(view.subject).not.toBe('(not rendered)');
    expect(view.text.length).toBeGreaterThan(20);
    const files = await services.writePreview(plan.messages[0]!, join(dir, 'preview'));
    expect(files.map((f) => f.slice(-4)).sort()).toEqual(['.eml', '.pdf']);
    expect(readdirSync(join(dir, 'preview')).sort()).toEqual(files.map((f) => f.slice(join(dir, 'preview').length + 1)).sort());

    const instance = render(<App services={services} review={false} asOf={AS_OF} />);
    const frame = () => instance.lastFrame() ?? '';
    await waitForFrame(frame, (f) => f.includes('3 of 3 planned'), 15_000);
    instance.stdin.write('a');
    instance.stdin.write('s');
    await waitForFrame(frame, (f) => f.includes(`Send 3 messages to 3 customers via outbox ${join(dir, 'outbox')}`));
    instance.stdin.write(KEYS.enter);
    const done = await waitForFrame(frame, (f) => f.includes('Finished'), 20_000);
    expect(done).toContain('3/3');
    expect(done).toContain('sent 3 · failed 0 · uncertain 0 · not sent 0');
    expect(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    instance.stdin.write(KEYS.enter);
    await waitForFrame(frame, (f) => f.includes('0 of 0 planned'), 15_000);
    instance.stdin.write('3');
    const history = await waitForFrame(frame, (f) => f.includes('History — 3 of 3 messages · 0 need attention'), 15_000);
    for (const code of ['C1', 'C2', 'C3']) expect(history).toContain(code);
  });

  it('Due now lists a message whose invoice PDF is missing as skipped, naming the file, and does not offer it', async () => {
    settings = { ...settings, mail: { ...settings.mail, invoiceDir: 'invoices' }, policy: { levels: [{ id: 'first', name: 'First', days: 7, template: 'first', attachInvoices: true }] } };
    mkdirSync(join(dir, 'invoices'));
    for (const number of ['INV-1', 'INV-2']) writeFileSync(join(dir, 'invoices', `${number}.pdf`), '%PDF-1.4');
    const services = await createServices(context());
    const plan = await services.loadPlan(AS_OF);
    expect(plan.messages.map((m) => m.customer.code)).toEqual(['C1', 'C2']);
    expect(plan.skipped).toContainEqual({ customer: 'C3', reason: 'missing-attachment', detail: join(dir, 'invoices', 'INV-3.pdf') });
    const instance = render(<App services={services} review={false} asOf={AS_OF} />);
    const frame = () => instance.lastFrame() ?? '';
    await waitForFrame(frame, (f) => f.includes('2 of 2 planned'), 15_000);
    instance.stdin.write('x');
    // The skipped list names the customer (read from the database when the list is first shown).
    const skipped = await waitForFrame(frame, (f) => f.includes('Skipped —') && f.includes('C3 София Логистик'));
    expect(skipped).toMatch(/C3 София Логистик\s+missing-attachment/);
  });

  it('with a broken user template the preview shows the error the CLI gives, and sending refuses, sending nothing', async () => {
    const broken = join(dir, 'templates', 'it', 'first.html.mustache');
    mkdirSync(join(broken, '..'), { recursive: true });
    writeFileSync(broken, '<p>{{#items}}{{number}}</p>');
    settings = { ...settings, templatesDir: join(dir, 'templates') };
    const error = `${broken}: line 1: section never closed (no {{/items}} after it): {{#items}}`;
    const services = await createServices(context());
    const [message] = (await services.loadPlan(AS_OF)).messages;
    const view = await services.preview(message!);
    expect(view.subject).toBe('(not rendered)');
    expect(view.text).toBe(`The e-mail could not be rendered: ${error}`);
    await expect(services.send([message!], () => undefined, new AbortController().signal)).rejects.toThrow(error);
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
    expect(await services.listHistory()).toEqual([]);
  });
});

describe('a plan on the screen meets a payment made since (real services)', () => {
  it('does not send to a customer paid after the plan was made: stopped, "not sent: changed since planned", still in no history', async () => {
    const services = await createServices(context());
    const plan = await services.loadPlan(AS_OF);
    const c1 = plan.messages.find((m) => m.customer.code === 'C1')!;
    const c2 = plan.messages.find((m) => m.customer.code === 'C2')!;
    // Another clerk (or an import) records C2's payment while the plan is on the screen.
    await store.write((sql) => upsertPayments(sql, [aPayment({ reference: 'PAY-2', customerCode: 'C2', itemNumber: 'INV-2', amount: 25050, date: AS_OF })]));
    const sent = await services.send([c1, c2], () => undefined, new AbortController().signal);
    expect(sent.outcomes.map((o) => [o.key, o.status, o.error])).toEqual([
      [c1.key, 'sent', null],
      [c2.key, 'stopped', 'not sent: changed since planned'],
    ]);
    expect((await services.listHistory()).map((r) => [r.customerCode, r.status])).toEqual([['C1', 'sent']]);
  });
});

describe('statement now from the customer (real services)', () => {
  it('makes one statement per currency of the customer, and sends both', async () => {
    await store.write((sql) => upsertItems(sql, [anItem({ customerCode: 'C1', number: 'US-1', dueDate: '2026-03-01', currency: 'USD', amount: 7700, openAmount: 7700 })]));
    const services = await createServices(context());
    const statements = await services.statementsNow('C1', AS_OF);
    // The USD invoice falls due after the as-of date: shown, set apart, not asked for yet.
    expect(statements.map((m) => [m.key, m.total, m.notYetDue])).toEqual([
      ['C1-EUR-statement', 10000, 0],
      ['C1-USD-statement', 0, 7700],
    ]);
    const instance = render(<App services={services} review={false} asOf={AS_OF} />);
    const frame = () => instance.lastFrame() ?? '';
    await waitForFrame(frame, (f) => f.includes('planned'), 15_000);
    instance.stdin.write('2');
    await waitForFrame(frame, (f) => f.includes('Customers —'));
    instance.stdin.write(KEYS.enter);
    await waitForFrame(frame, (f) => f.includes('Open items (2)'));
    instance.stdin.write('s');
    await waitForFrame(frame, (f) => f.includes('Send 2 messages to 1 customer via outbox'));
    instance.stdin.write(KEYS.enter);
    const done = await waitForFrame(frame, (f) => f.includes('Finished'), 20_000);
    expect(done).toContain('sent 2 · failed 0');
    expect(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    const history = await services.listHistory();
    expect(history.map((h) => [h.customerCode, h.kind, h.currency]).sort()).toEqual([
      ['C1', 'statement', 'EUR'],
      ['C1', 'statement', 'USD'],
    ]);
  });
});
