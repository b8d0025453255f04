import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { MessageRecord } from '../../src/core/domain.js';
import type { Plan } from '../../src/core/plan.js';
import type { DeskServices } from '../../src/ui/services.js';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk, recordOf } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** A history with one sent, one failed and one uncertain message of `plan` (newest last). */
function history(plan: Plan): MessageRecord[] {
  const [a, b, c] = plan.messages;
  return [
    recordOf(a!, { status: 'sent', messageId: '<a@acme.example>', error: null }, 1),
    recordOf(b!, { status: 'failed', messageId: '<b@acme.example>', error: '550 5.1.1 mailbox unavailable' }, 2),
    recordOf(c!, { status: 'uncertain', messageId: '<c@acme.example>', error: 'connection lost after DATA' }, 3),
  ];
}

async function openScreen<S extends DeskServices>(key: string, heading: string, services: S) {
  const desk = renderDesk(services, { rows: 30 });
  await desk.waitFor('planned');
  desk.press(key);
  await desk.waitFor(heading);
  return { desk, services };
}

describe('History', () => {
  it('lists every message with uncertain and failed standing out', async () => {
    const { desk } = await openScreen('3', 'History —', await realDesk({ history }));
    const frame = await desk.waitFor('3 of 3 messages · 2 need attention');
    expect(frame).toContain('!! uncertain');
    expect(frame).toContain('!! failed');
    desk.press('x');
    await desk.waitFor('2 of 3 messages');
  });

  it('shows a stopped message as stopped, never as a problem: it stays due and needs nobody', async () => {
    const stopped = (plan: Plan) => ({ ...recordOf(plan.messages[3]!, { status: 'failed', messageId: '<d@acme.example>', error: 'server deferred (421 4.7.0 Try again later)' }, 4), status: 'stopped' as const });
    const { desk } = await openScreen('3', 'History —', await realDesk({ history: (plan) => [...history(plan), stopped(plan)] }));
    const frame = await desk.waitFor('4 of 4 messages · 2 need attention');
    expect(frame).toContain(' stopped');
    expect(frame).not.toContain('!! stopped');
    desk.press('x');
    await desk.waitFor('2 of 4 messages');
    desk.press('x');
    await desk.waitFor('4 of 4 messages');
    // Newest first: the stopped message is the first row.
    desk.press('g', KEYS.enter);
    await desk.waitFor('Not sent: the run stopped before the server took it; it stays due');
  });

  it('shows the detail with recipients, error and Message-ID; marks an uncertain message delivered', async () => {
    const { desk, services } = await openScreen('3', 'History —', await realDesk({ history }));
    const uncertain = services.history[2]!;
    desk.press(KEYS.enter);
    const frame = await desk.waitFor('Message-ID: <c@acme.example>');
    expect(frame).toContain(`To: ${uncertain.to.join(', ')}`);
    expect(frame).toContain('Status: uncertain — connection lost after DATA');
    desk.press('d');
    await desk.waitFor((f) => f.includes('marked as delivered') && f.includes('Status: sent'));
    expect(services.calls).toContain('mark 3 true');
    // The status line never says it is marked while the detail still shows it uncertain.
    expect(desk.frames().filter((f) => f.includes('marked as delivered') && f.includes('Status: uncertain'))).toEqual([]);
  });

  it('retries a failed message and refuses to retry one that was sent', async () => {
    const { desk, services } = await openScreen('3', 'History —', await realDesk({ history }));
    desk.press('j', 'r');
    await desk.waitFor((f) => f.includes(': sent') && f.includes('4 of 4 messages'));
    expect(services.calls).toContain('retry 2');
    // The retried message is listed in the frame that says it was sent.
    expect(desk.frames().filter((f) => f.includes(': sent') && f.includes('3 of 3 messages'))).toEqual([]);
    desk.press('G', 'r');
    await desk.waitFor('only failed messages can be retried');
    desk.press('u');
    await desk.waitFor('only uncertain messages can be marked');
  });
});

/** Open items whose second row (line 3) has a due date that does not exist. */
const BAD_ITEMS = [
  'customer_code,number,issue_date,due_date,amount,open_amount,currency,kind',
  'C00001,INV-9-1,2026-10-01,2026-10-31,100.00,100.00,BGN,invoice',
  'C00001,INV-9-2,2026-10-01,31/02/2026,100.00,100.00,BGN,invoice',
  '',
].join('\n');

/** Three new customers and one row without a name. */
const NEW_CUSTOMERS = [
  'code,name,email,language,currency',
  'N001,Nova Trading,n1@example.com,en,GBP',
  'N002,,n2@example.com,en,GBP',
  'N003,Nordic Pine,n3@example.com,en,GBP',
  'N004,Nebula Foods,n4@example.com,en,GBP',
  '',
].join('\n');

describe('Settings', () => {
  it('edits a company field and refuses a bad SMTP port with the reason', async () => {
    const { desk, services } = await openScreen('4', 'Settings —', await realDesk());
    desk.press(KEYS.enter);
    await desk.waitFor('company.name: Acme Trading');
    for (let i = 0; i < 20; i += 1) desk.press(KEYS.backspace);
    desk.press(...'Ακμή ΑΕ', KEYS.enter);
    await desk.waitFor('company.name saved');
    expect(services.settings['company.name']).toBe('Ακμή ΑΕ');
    desk.press('G', KEYS.up, KEYS.up, KEYS.up, KEYS.up);
    await desk.waitFor((f) => f.split('\n').some((l) => l.startsWith('› smtp.port')));
    desk.press(KEYS.enter, 'x', 'y', KEYS.enter);
    await desk.waitFor('smtp.port: must be a whole number (got "xy") (nothing was written)');
    expect(services.settings['smtp.port']).toBe('');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('must be a whole number'));
  });

  it('takes the password masked for this session and sends a test e-mail', async () => {
    const { desk, services } = await openScreen('4', 'Settings —', await realDesk());
    desk.press('P', ...'s3cret');
    const frame = await desk.waitFor('••••••');
    expect(frame).not.toContain('s3cret');
    desk.press(KEYS.enter);
    await desk.waitFor('P password (typed for this session)');
    expect(services.hasSessionPassword()).toBe(true);
    desk.press('m', KEYS.enter);
    await desk.waitFor(`test e-mail sent to ar@acme.example via outbox ${services.dir}/outbox`);
    expect(readdirSync(join(services.dir, 'outbox'))).toHaveLength(1);
    expect(services.calls).toContain('testMail ar@acme.example');
  });

  it('imports a CSV and shows its error report', async () => {
    const { desk, services } = await openScreen('4', 'Settings —', await realDesk());
    writeFileSync(join(services.dir, 'bad.csv'), BAD_ITEMS);
    writeFileSync(join(services.dir, 'new.csv'), NEW_CUSTOMERS);
    desk.press('I', ...'items bad.csv', KEYS.enter);
    let frame = await desk.waitFor('bad.csv: 1 problem; nothing imported');
    expect(frame).toContain('bad.csv:3: due_date: "31/02/2026" is not a real date');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('bad.csv:3'));
    desk.press('I', ...'nonsense', KEYS.enter);
    await desk.waitFor('write KIND FILE');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('write KIND FILE'));
    desk.press('I', ...'customers new.csv --skip-invalid', KEYS.enter);
    frame = await desk.waitFor('customers: 3 added, 0 updated, 0 unchanged; 1 invalid row skipped');
    expect(frame).toContain('new.csv:3: name: is required');
    expect(services.calls).toContain('import customers new.csv --skip-invalid');
  });
});
