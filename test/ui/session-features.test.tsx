/**
 * The desk on real services calls the same features the CLI calls and reads typed results: an
 * import of a path with spaces, the session password handed to SMTP as a value, a stop told apart
 * by its status, a retry that plans only its own customers, an acknowledged failure.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/runtime/context.js';
import type { Settings } from '../../src/core/settings.js';
import { getCustomer, upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { insertMessage } from '../../src/storage/messages.js';
import { planDue } from '../../src/planning/plan-due.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { createServices } from '../../src/ui/services-impl.js';
import { startSmtpServer } from '../helpers/smtp.js';
import { aCustomer, aMessage, anItem, makeLedger } from '../helpers/store.js';
import { AS_OF } from './generated-data.js';
import { KEYS, renderDesk, waitForFrame, type Desk } from './harness.js';
import { sessionContext } from './session-context.js';

let dir: string;
let store: Ledger;
let settings: Settings;

function context(env: NodeJS.ProcessEnv = {}): CommandContext {
  return sessionContext({ dir, store, asOf: AS_OF, env, read: () => settings, write: (next) => void (settings = next) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-session-'));
  settings = { company: { name: 'Acme Billing', email: 'billing@company.test' }, mail: { outboxDir: join(dir, 'outbox') } };
  store = await makeLedger();
});
afterEach(() => {
  cleanup();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The desk on real services, opened on Settings. */
async function openSettings(): Promise<Desk> {
  const desk = renderDesk(await createServices(context()), { rows: 30 });
  await desk.waitFor('planned', 15_000);
  desk.press('4');
  await desk.waitFor('Settings —');
  return desk;
}

describe('Settings › Import on real services', () => {
  it('imports a file whose path has spaces and reports counts and every problem', async () => {
    writeFileSync(join(dir, 'my customers.csv'), 'code,name,email\nC1,Rossi Forniture,ar@rossi.test\nC2,,ap@athina.test\nC3,Sofia Logistik,\n');
    const desk = await openSettings();
    desk.press('I', ...'customers my customers.csv --skip-invalid', KEYS.enter);
    const frame = await desk.waitFor('customers: 2 added, 0 updated, 0 unchanged; 1 invalid row skipped', 15_000);
    expect(frame).toContain('Import customers my customers.csv: done');
    expect(frame).toMatch(/my customers\.csv:3: name: /);
    expect((await store.read((sql) => getCustomer(sql, 'C1')))?.name).toBe('Rossi Forniture');
    expect(await store.read((sql) => getCustomer(sql, 'C2'))).toBeNull();
  });

  it('refuses a file with problems, changing nothing, and says why', async () => {
    writeFileSync(join(dir, 'bad file.csv'), 'code,name\nC1,\n');
    const desk = await openSettings();
    desk.press('I', ...'customers bad file.csv', KEYS.enter);
    const frame = await desk.waitFor('bad file.csv: 1 problem; nothing imported', 15_000);
    expect(frame).toMatch(/bad file\.csv:2: name: /);
    expect(await store.read((sql) => getCustomer(sql, 'C1'))).toBeNull();
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('nothing imported'));
    desk.press('I', ...'customers bad file.csv --date-format XYZ', KEYS.enter);
    await desk.waitFor('--date-format must be YMD, DMY or MDY');
  });
});

/** Two customers with one overdue item each: two messages due on AS_OF. */
async function seedTwoDue(): Promise<void> {
  await store.write(async (sql) => {
    await upsertCustomers(sql, [
      aCustomer({ code: 'C1', name: 'Rossi Forniture', email: 'ar@rossi.test' }),
      aCustomer({ code: 'C2', name: 'Athina Emporiki', email: 'ap@athina.test' }),
    ]);
    await upsertItems(sql, [anItem({ customerCode: 'C1', number: 'INV-1', dueDate: '2026-11-01' }), anItem({ customerCode: 'C2', number: 'INV-2', dueDate: '2026-11-01' })]);
  });
}

describe('the session password on real services', () => {
  it('reaches the SMTP server as a value and never enters the environment', async () => {
    const typed = 'typed s3cret ☂';
    const server = await startSmtpServer({ auth: true, behaviour: { auth: (user, pass) => user === 'clerk' && pass === typed } });
    try {
      await seedTwoDue();
      settings = { ...settings, mail: { transport: 'smtp' }, smtp: { host: '127.0.0.1', port: server.port, user: 'clerk', from: 'billing@company.test' } };
      const env: NodeJS.ProcessEnv = Object.freeze({});
      const desk = renderDesk(await createServices(context(env)), { rows: 30 });
      await desk.waitFor('2 of 2 planned', 15_000);
      desk.press('4');
      await desk.waitFor('Settings —');
      desk.press('P', ...typed, KEYS.enter);
      await desk.waitFor('P password (typed for this session)');
      desk.press('1');
      await desk.waitFor('2 of 2 planned');
      desk.press('a', 's');
      await desk.waitFor('Send 2 messages');
      desk.press(KEYS.enter);
      const frame = await desk.waitFor('Finished', 20_000);
      expect(frame).toContain('sent 2 · failed 0');
      expect(server.accepted()).toHaveLength(2);
      expect(Object.values(process.env).some((value) => value?.includes(typed))).toBe(false);
      expect(env).toEqual({});
    } finally {
      await server.close();
    }
  });
});

describe('Esc during a send on real services', () => {
  it('shows the messages never attempted as stopped, not failed, and leaves them due', async () => {
    // The server answers each message after a pause, so Esc lands while the first is in flight.
    const server = await startSmtpServer({ behaviour: { delayMs: 300 } });
    try {
      await seedTwoDue();
      settings = { ...settings, mail: { transport: 'smtp' }, smtp: { host: '127.0.0.1', port: server.port, from: 'billing@company.test', maxConnections: 1 } };
      const services = await createServices(context());
      const desk = renderDesk(services, { rows: 30 });
      await desk.waitFor('2 of 2 planned', 15_000);
      desk.press('a', 's');
      await desk.waitFor('Send 2 messages');
      desk.press(KEYS.enter);
      await waitForFrame(() => '', () => server.bodies.length === 1, 15_000);
      desk.press(KEYS.escape);
      const frame = await desk.waitFor('Finished (stopped)', 20_000);
      expect(frame).toContain('sent 1 · failed 0 · uncertain 0 · not sent 1');
      expect(frame.split('\n').filter((line) => /^\s*stopped\s+C\d-EUR-/.test(line))).toHaveLength(1);
      expect(server.accepted()).toHaveLength(1);
      expect((await services.loadPlan(AS_OF)).messages).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('retry on real services', () => {
  it('plans only the retried message\'s customer and sends nothing else that is due', async () => {
    await seedTwoDue();
    await store.write((sql) => insertMessage(sql, aMessage({ customerCode: 'C1', level: 'second', asOf: AS_OF, messageId: '<f1@t>', status: 'failed', error: 'Missing credentials for "PLAIN"' })));
    const planned: Array<readonly string[] | undefined> = [];
    const counting: typeof planDue = (from, current, asOf, customers) => {
      planned.push(customers);
      return planDue(from, current, asOf, customers);
    };
    const desk = renderDesk(await createServices(context(), { planDue: counting }), { rows: 30 });
    await desk.waitFor('2 of 2 planned', 15_000);
    desk.press('3');
    await desk.waitFor('History — 1 of 1 messages · 1 need attention');
    desk.press('r');
    await desk.waitFor('retry of C1-EUR-second: sent', 15_000);
    expect(planned.filter((customers) => customers !== undefined)).toEqual([['C1']]);
    expect(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'))).toEqual([expect.stringContaining('C1')]);
    await desk.waitFor('History — 2 of 2 messages · 0 need attention');
  });
});

describe('acknowledge on real services', () => {
  it('records who acknowledged a problem and when; the row stops needing attention', async () => {
    await seedTwoDue();
    const [failed, uncertain] = await store.write(async (sql) => [
      await insertMessage(sql, aMessage({ customerCode: 'C1', level: 'second', asOf: AS_OF, messageId: '<f1@t>', status: 'failed', error: '550 5.1.1 mailbox unavailable' })),
      await insertMessage(sql, aMessage({ customerCode: 'C2', level: 'second', asOf: AS_OF, messageId: '<u2@t>', status: 'uncertain', error: 'connection lost after DATA' })),
    ]);
    settings = { ...settings, operator: 'maria' };
    // Recorded as the OS user with the operator setting beside it (docs/reference/roles.md §1).
    const maria = `${userInfo().username} (maria)`;
    const desk = renderDesk(await createServices(context()), { rows: 30 });
    await desk.waitFor('2 of 2 planned', 15_000);
    desk.press('3');
    await desk.waitFor('History — 2 of 2 messages · 2 need attention');
    desk.press('c');
    await desk.waitFor(`message ${uncertain} acknowledged: it needs no more attention`);
    let frame = await desk.waitFor('History — 2 of 2 messages · 1 need attention');
    expect(frame).toContain('✓ uncertain');
    const at = new Date(`${AS_OF}T09:00:00`).toISOString();
    desk.press(KEYS.enter);
    frame = await desk.waitFor('Message —');
    // Shown in local time, as a person reads it (the ledger keeps the instant, checked below).
    expect(frame).toContain(`Acknowledged by ${maria} at ${AS_OF} 09:00; no attention needed`);
    desk.press(KEYS.escape);
    await desk.waitFor('History —');
    desk.press('c');
    await desk.waitFor(`message ${uncertain} was acknowledged by ${maria} at ${AS_OF} 09:00`);
    desk.press('x');
    frame = await desk.waitFor('1 of 2 messages');
    expect(frame).toContain('!! failed');
    desk.press('c');
    await desk.waitFor('2 messages · 0 need attention');
    desk.press('A');
    await desk.waitFor('no failed message waits for a retry');
    // What the clerk did is in the database for every later session.
    const history = await (await createServices(context())).listHistory();
    expect(history.map((r) => [r.id, r.status, r.acknowledged])).toEqual([
      [uncertain, 'uncertain', { operator: maria, at }],
      [failed, 'failed', { operator: maria, at }],
    ]);
  });
});
