/**
 * Quitting during a real send (file database, SMTP server in this process): Ctrl-C stops after
 * the message in flight, the App quits when the run has ended, and the journal is folded, so a
 * later process sees every message the server accepted as sent and plans only the rest.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { CommandContext } from '../../src/runtime/context.js';
import { journalPath } from '../../src/settings/paths.js';
import { planDue } from '../../src/planning/plan-due.js';
import type { Settings } from '../../src/core/settings.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { listMessages } from '../../src/storage/messages.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { createServices } from '../../src/ui/services-impl.js';
import { aCustomer, anItem } from '../helpers/store.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { renderDesk, type Desk } from './harness.js';

const AS_OF = '2026-11-22';
let dir: string;
let server: TestSmtpServer;
const stores: Ledger[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-quit-'));
  // Each message takes half a second at the server: long enough to press Ctrl-C while one is in flight.
  server = await startSmtpServer({ auth: true, behaviour: { delayMs: 500 } });
});
afterEach(async () => {
  cleanup();
  for (const store of stores.splice(0)) store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const codes = ['C1', 'C2', 'C3', 'C4'];
const settings: Settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, smtp: { maxConnections: 1 } };

/** A file database of four customers with one overdue invoice each, and the desk on real services sending through the test server. */
async function deskOnFile(path: string): Promise<Desk> {
  const store = await openLedger(path);
  stores.push(store);
  await store.write(async (sql) => {
    await upsertCustomers(sql, codes.map((code) => aCustomer({ code, name: `Customer ${code}`, email: `ar@${code.toLowerCase()}.test` })));
    await upsertItems(sql, codes.map((code) => anItem({ customerCode: code, number: `INV-${code}`, dueDate: '2026-11-01' })));
  });
  const sink = { write: () => true };
  const ctx: CommandContext = {
    openLedger: async () => store,
    settings: { path: join(dir, 'config.json'), read: () => settings },
    env: { DUEDESK_SMTP_URL: server.url() },
    stdout: sink,
    stderr: sink,
    now: () => new Date(`${AS_OF}T09:00:00`),
    cwd: dir,
  };
  const desk = renderDesk(await createServices(ctx), { columns: 120 });
  await desk.waitFor('4 of 4 planned', 15_000);
  return desk;
}

describe('Ctrl-C during a real send', () => {
  it('stops after the message in flight, quits, and the history on disk holds what the server accepted', async () => {
    const path = join(dir, 'desk.sqlite');
    const desk = await deskOnFile(path);
    desk.press('a', 's');
    await desk.waitFor('via smtp');
    desk.press('\r');
    await desk.waitFor('1/4', 10_000);
    desk.press('\u0003');
    await desk.waitFor(() => desk.exited(), 10_000);

    const accepted = server.accepted().length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThan(4);
    expect(existsSync(journalPath(path))).toBe(false);
    const later = await openLedger(path);
    stores.push(later);
    const sent = (await later.read((sql) => listMessages(sql))).filter((m) => m.status === 'sent');
    expect(sent).toHaveLength(accepted);
    const due = (await planDue(later, settings, AS_OF)).messages.map((m) => m.customer.code);
    expect(due.sort()).toEqual(codes.filter((code) => !sent.some((m) => m.customerCode === code)));
  });
});

describe('stopping while a message waits to be tried again', () => {
  // The server refuses every message for now (451): the run waits 1, 5 and 15 s between attempts.
  it.each([
    ['Esc', '\u001B'],
    ['Ctrl-C', '\u0003'],
  ])('%s ends the send at once: the refused message is not tried again and stays due', async (_name, key) => {
    Object.assign(server.behaviour, { delayMs: 0, data: () => ({ code: 451, message: '4.3.0 try later' }) });
    const path = join(dir, 'desk.sqlite');
    const desk = await deskOnFile(path);
    desk.press('a', 's');
    await desk.waitFor('via smtp');
    desk.press('\r');
    await desk.waitFor(() => server.bodies.length === 1, 10_000);
    desk.press(key);
    // Without the stop the run would wait out 21 s of back-off; the wait here is far shorter.
    if (key === '\u001B') await desk.waitFor((frame) => frame.includes('Finished (stopped)') && /stopped +C1-EUR-\S+ +the server asked to try again later and the send was stopped/.test(frame), 3000);
    else await desk.waitFor(() => desk.exited(), 3000);
    desk.unmount();

    expect(server.bodies).toHaveLength(1);
    const later = await openLedger(path);
    stores.push(later);
    expect((await later.read((sql) => listMessages(sql))).map((m) => [m.customerCode, m.status])).toEqual([['C1', 'stopped']]);
    expect((await planDue(later, settings, AS_OF)).messages.map((m) => m.customer.code)).toEqual(codes);
  });
});
