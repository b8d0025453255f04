/**
 * deliverPlan against a real local SMTP server: the happy path and every failure class (replies
 * that defer the whole run are in smtp-deferral.test.ts).
 */
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { deliverPlan, type DeliveryOptions } from '../../src/delivery/deliver.js';
import { ExitCode } from '../../src/core/exit-codes.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { startSmtpServer, type SmtpBehaviour, type TestSmtpServer } from '../helpers/smtp.js';
import { serverAndStorePerTest } from './fixtures/server-and-store.js';
import { aContext, aPlan, aPlannedMessage, historyRows, testRenderer } from './fixtures/messages.js';
import { valuesOf } from '../helpers/store.js';

let server: TestSmtpServer;
let store: Ledger;
serverAndStorePerTest((current) => ({ server, store } = current));

const fast = (extra: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
  renderer: testRenderer(),
  retry: { delaysMs: [1, 1], sleep: async () => undefined },
  smtpTuning: { socketTimeoutMs: 400, connectionTimeoutMs: 1000, greetingTimeoutMs: 1000 },
  ...extra,
});

function smtpContext(url = server.url()) {
  return aContext(store, { operator: 'Maria' }, { DUEDESK_SMTP_URL: url });
}

describe('happy path', () => {
  it('sends each message once with the whole MIME as built, and records it', async () => {
    const plan = aPlan(3);
    const first = plan.messages[0];
    if (first) Object.assign(first, { cc: ['agent@company.test'], bcc: ['audit@company.test'] });
    const progress: number[] = [];
    const outcome = await deliverPlan(plan, smtpContext(), (_o, done) => progress.push(done), fast());

    expect(outcome.exitCode).toBe(ExitCode.Ok);
    expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    expect(progress.sort()).toEqual([1, 2, 3]);
    expect(server.accepted()).toHaveLength(3);

    const received = server.accepted().find((b) => b.to.includes('c1@example.test'));
    expect(received?.from).toBe('billing@company.test');
    expect(received?.to.sort()).toEqual(['agent@company.test', 'audit@company.test', 'c1@example.test']);
    const raw = received?.raw ?? '';
    const messageId = outcome.messages.find((m) => m.key === first?.key)?.messageId ?? 'missing';
    expect(raw).toContain(`Message-ID: ${messageId}`);
    expect(raw).toMatch(/^From: Billing <billing@company\.test>$/m);
    expect(raw).toMatch(/^To: c1@example\.test$/m);
    expect(raw).toMatch(/^Cc: agent@company\.test$/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(raw).toContain('filename=statement.pdf');
    expect(raw).toContain('Content-Type: multipart/mixed');
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(raw).not.toContain('audit@company.test');

    const rows = (await historyRows(store));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.map((r) => r.messageId).sort()).toEqual(outcome.messages.map((m) => m.messageId).sort());
    const items = (await valuesOf(store, "SELECT item_number, level, open_amount FROM message_items ORDER BY item_number"));
    expect(items).toEqual([['INV-1', 'first', 10000], ['INV-2', 'first', 10000], ['INV-3', 'first', 10000]]);
    const meta = (await valuesOf(store, "SELECT operator, as_of, bcc_addrs FROM messages WHERE customer_code = 'C0001'"))[0];
    // Who sent it: the OS user, the operator setting beside it (docs/reference/roles.md §1).
    expect(meta).toEqual([`${userInfo().username} (Maria)`, '2026-02-10', '["audit@company.test"]']);
  });

  it('sends nothing new when the same plan runs again the same day', async () => {
    const plan = aPlan(2);
    await deliverPlan(plan, smtpContext(), undefined, fast());
    const again = await deliverPlan(plan, smtpContext(), undefined, fast());
    expect(again.exitCode).toBe(ExitCode.Ok);
    expect(again.messages).toEqual([]);
    expect(again.alreadySent?.sort()).toEqual(plan.messages.map((m) => m.key).sort());
    expect(server.bodies).toHaveLength(2);
    expect(await historyRows(store)).toHaveLength(2);
  });

  it('records a partial recipient rejection per recipient and still counts the message as sent', async () => {
    server.behaviour.rcpt = (address) => (address === 'gone@example.test' ? { code: 550, message: '5.1.1 no such user' } : null);
    const plan = { ...aPlan(0), messages: [aPlannedMessage(1, { to: ['c1@example.test', 'gone@example.test'], bcc: ['audit@company.test'] })] };
    const outcome = await deliverPlan(plan, smtpContext(), undefined, fast());
    const message = outcome.messages[0];
    expect(message?.status).toBe('sent');
    expect(message?.error).toContain('gone@example.test');
    expect(message?.error).toContain('550');
    expect(message?.recipients).toEqual([
      { address: 'c1@example.test', accepted: true, reply: null },
      { address: 'gone@example.test', accepted: false, reply: expect.stringContaining('550') },
      { address: 'audit@company.test', accepted: true, reply: null },
    ]);
    expect(server.accepted()[0]?.to).toEqual(['c1@example.test', 'audit@company.test']);
    const rows = (await valuesOf(store, 'SELECT address, role, accepted, reply FROM message_recipients ORDER BY address'));
    expect(rows).toEqual([
      ['audit@company.test', 'bcc', 1, null],
      ['c1@example.test', 'to', 1, null],
      ['gone@example.test', 'to', 0, expect.stringContaining('550 5.1.1 no such user')],
    ]);
  });
});

interface FailureCase {
  name: string;
  behaviour: SmtpBehaviour;
  status: 'sent' | 'failed' | 'uncertain';
  exit: number;
  bodies: number;
  error: RegExp | null;
}

const cases: FailureCase[] = [
  { name: '451 once, then accepted', behaviour: { data: (_m, n) => (n === 0 ? { code: 451, message: '4.3.0 try later' } : 'accept') }, status: 'sent', exit: 0, bodies: 2, error: null },
  { name: '451 every time', behaviour: { data: () => ({ code: 451, message: '4.3.0 try later' }) }, status: 'failed', exit: 1, bodies: 3, error: /451/ },
  { name: '452 for the recipient', behaviour: { rcpt: () => ({ code: 452, message: '4.2.2 mailbox full' }) }, status: 'failed', exit: 1, bodies: 0, error: /452/ },
  { name: '550 for the recipient', behaviour: { rcpt: () => ({ code: 550, message: '5.1.1 no such user' }) }, status: 'failed', exit: 1, bodies: 0, error: /550/ },
  { name: '554 after the body', behaviour: { data: () => ({ code: 554, message: '5.7.1 rejected as spam' }) }, status: 'failed', exit: 1, bodies: 1, error: /554 5\.7\.1 rejected as spam/ },
  { name: 'connection dropped after the body', behaviour: { data: () => 'drop' }, status: 'uncertain', exit: 1, bodies: 1, error: /server may have it/ },
  { name: 'no reply after the body (timeout)', behaviour: { data: () => 'hang' }, status: 'uncertain', exit: 1, bodies: 1, error: /server may have it/ },
];

describe.each(cases)('$name', (c) => {
  it(`ends ${c.status} with exit ${c.exit}, recorded, never re-sent`, async () => {
    Object.assign(server.behaviour, c.behaviour);
    const plan = { ...aPlan(0), messages: [aPlannedMessage(1)] };
    const outcome = await deliverPlan(plan, smtpContext(), undefined, fast());
    expect(outcome.exitCode).toBe(c.exit);
    const message = outcome.messages[0];
    expect(message?.status).toBe(c.status);
    if (c.error) expect(message?.error).toMatch(c.error);
    else expect(message?.error).toBeNull();
    expect(server.bodies).toHaveLength(c.bodies);
    expect(await historyRows(store)).toEqual([expect.objectContaining({ status: c.status, messageId: message?.messageId })]);
    // A second run the same day: failed may be tried again, sent/uncertain never.
    server.behaviour.data = () => 'accept';
    server.behaviour.rcpt = () => null;
    const again = await deliverPlan(plan, smtpContext(), undefined, fast());
    expect(again.messages.length).toBe(c.status === 'failed' ? 1 : 0);
  });
});

describe('transport unusable before anything was sent', () => {
  it('stops at an authentication failure with exit 3 and records nothing', async () => {
    const outcome = await deliverPlan(aPlan(3), smtpContext(server.url('user', 'wrong')), undefined, fast());
    expect(outcome.exitCode).toBe(ExitCode.TransportUnusable);
    expect(outcome.error).toMatch(/authentication failed.*535/);
    expect(outcome.error).not.toContain('wrong');
    // Never attempted: not sent and still due, not failed.
    expect(outcome.messages.every((m) => m.status === 'not-sent' && m.messageId === null)).toBe(true);
    expect(server.bodies).toHaveLength(0);
    expect(await historyRows(store)).toEqual([]);
  });

  it('exits 3 when the connection is refused', async () => {
    const closed = await startSmtpServer();
    const url = closed.url();
    await closed.close();
    const outcome = await deliverPlan(aPlan(2), smtpContext(url), undefined, fast());
    expect(outcome.exitCode).toBe(ExitCode.TransportUnusable);
    expect(outcome.error).toMatch(/cannot connect/);
    expect(await historyRows(store)).toEqual([]);
  });

  it('stops the run when the password is refused after some messages went out (exit 1)', async () => {
    let logins = 0;
    server.behaviour.auth = () => ++logins === 1;
    const plan = aPlan(3);
    // One connection: the first logs in; after a drop the reconnect is refused.
    server.behaviour.data = (_m, n) => (n === 1 ? 'drop' : 'accept');
    const outcome = await deliverPlan(plan, smtpContext(), undefined, fast({ concurrency: 1, smtpTuning: { maxMessagesPerConnection: 100 } }));
    expect(outcome.messages.map((m) => m.status)).toEqual(['sent', 'uncertain', 'failed']);
    expect(outcome.messages[2]?.error).toMatch(/authentication failed/);
    expect(outcome.exitCode).toBe(ExitCode.SomeFailed);
  });
});

describe('envelope safety', () => {
  it('keeps injection attempts and quoted local parts out of the envelope', async () => {
    const to = [
      'victim@example.test\r\nRCPT TO:<evil1@attacker.test>',
      'first@example.test, evil2@attacker.test',
      '"evil3,@attacker.test"@example.test',
      'Name <ok@example.test>',
      'evil4@attacker.test>\nDATA',
    ];
    const plan = { ...aPlan(0), messages: [aPlannedMessage(1, { to, bcc: ['audit@company.test'] })] };
    const outcome = await deliverPlan(plan, smtpContext(), undefined, fast());
    expect(outcome.messages[0]?.status).toBe('sent');
    expect(server.accepted()[0]?.to).toEqual(['ok@example.test', 'audit@company.test']);
    for (const body of server.bodies) expect(body.to.join(' ')).not.toMatch(/attacker|evil/);
    expect(outcome.messages[0]?.error).toMatch(/refused before sending/);
  });
});
