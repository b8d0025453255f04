/**
 * The Inbox screen on the real desk: the bounces and replies a fetch filed and no clerk has handled,
 * newest first; Enter shows the text; h handles one; P turns a reply into a promise; U clears the
 * address a bounce marked undeliverable; review mode refuses every change; Due now counts them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileMail, markUndeliverable, type InboxMail } from '../../src/storage/inbox.js';
import type { Sql } from '../../src/storage/sql.js';
import { findDovecot, startThrowawayImap, type ThrowawayImap } from '../helpers/dovecot.js';
import { KEYS, renderDesk, rowOf } from './harness.js';
import { AS_OF } from './generated-data.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(closeRealDesks);

const BOUNCED = 'old.address@example.invalid';

const mail = (uid: number, fields: Partial<InboxMail>): InboxMail => ({
  mailbox: 'imap://clerk@mail.example.com/INBOX', uidvalidity: 7, uid, mailId: `m${uid}@example.com`, receivedAt: '2026-12-05T09:00:00.000Z',
  kind: 'reply', customerCode: 'C00001', messageId: null, inReplyTo: '', from: 'ap@customer.example', subject: 'Re: First reminder',
  status: '', address: '', permanent: false, detail: '', body: '', attachments: '[]', ...fields,
});

/** A reply from C00001 (newer) and a permanent bounce for C00002's address, both open. */
async function seed(sql: Sql): Promise<void> {
  await fileMail(sql, mail(1, {
    receivedAt: '2026-12-05T09:00:00.000Z', kind: 'bounce', customerCode: 'C00002', from: 'MAILER-DAEMON@mail.example.com', subject: 'Undelivered Mail Returned to Sender',
    status: '5.1.1', address: BOUNCED, permanent: true, detail: 'user unknown', body: 'The mail system: <old.address@example.invalid>: user unknown',
  }));
  await fileMail(sql, mail(2, {
    receivedAt: '2026-12-06T10:30:00.000Z', detail: 'We paid yesterday, see attached', body: 'We paid yesterday, see attached.\nRegards, Accounts Payable',
    attachments: JSON.stringify(['remittance.pdf (application/pdf, 2048 bytes)']),
  }));
  await markUndeliverable(sql, { customerCode: 'C00002', address: BOUNCED, since: '2026-12-05', reason: 'user unknown' });
}

describe('Inbox', () => {
  it('lists the open reply and bounce newest first, counts them on Due now, shows the text, and h handles one', async () => {
    const services = await realDesk({ seed });
    const desk = renderDesk(services, { columns: 140, rows: 30 });
    let frame = await desk.waitFor((f) => f.includes('planned') && f.includes('Inbox: 2 open'));
    desk.press('6');
    frame = await desk.waitFor('Inbox — 2 open · 1 reply · 1 bounce');
    const lines = frame.split('\n');
    const reply = lines.findIndex((l) => l.includes('We paid yesterday'));
    const bounce = lines.findIndex((l) => l.includes('bounced old.address@example.invalid 5.1.1: user unknown'));
    expect(reply).toBeGreaterThan(0);
    expect(bounce).toBeGreaterThan(reply);
    expect(lines[reply]).toMatch(/reply +C00001 +ap@customer\.example +We paid yesterday/);
    expect(lines[bounce]).toMatch(/bounce +C00002 +MAILER-DAEMON@mail\.example\.com/);
    expect(frame).toContain('h handled');

    desk.press(KEYS.enter);
    frame = await desk.waitFor('Regards, Accounts Payable');
    expect(frame).toContain('reply from ap@customer.example');
    expect(frame).toContain('Attachments: remittance.pdf (application/pdf, 2048 bytes)');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('Regards, Accounts Payable') && f.includes('We paid yesterday'));

    desk.press('h');
    frame = await desk.waitFor('Inbox — 1 open');
    expect(frame).not.toContain('We paid yesterday');
    expect(frame).toMatch(/reply from ap@customer\.example handled/);
    expect(services.calls).toContain('handled 2 handled');
    expect((await services.openInbox()).map((m) => m.kind)).toEqual(['bounce']);
    desk.press('1');
    await desk.waitFor('Inbox: 1 open');
    desk.unmount();
  });

  it('P records the reply as a promise and handles it that way', async () => {
    const services = await realDesk({ seed });
    const desk = renderDesk(services, { columns: 140, rows: 30 });
    await desk.waitFor('planned');
    desk.press('6');
    await desk.waitFor('Inbox — 2 open');
    desk.press('P');
    await desk.waitFor('Promise to pay of C00001 (from the reply)');
    desk.press('2026-12-20 transfer on Friday', KEYS.enter);
    const frame = await desk.waitFor('Inbox — 1 open');
    expect(frame).toMatch(/handled as a promise/);
    expect(services.calls).toContain('promise C00001 2026-12-20 - transfer on Friday');
    expect(services.calls).toContain('handled 2 promise');
    desk.unmount();
  });

  it('D records the reply as a dispute of the item named, N as a note; each handles it that way', async () => {
    const services = await realDesk({ seed });
    const item = services.data.items.get('C00001')![0]!.number;
    const desk = renderDesk(services, { columns: 140, rows: 30 });
    await desk.waitFor('planned');
    desk.press('6');
    await desk.waitFor('Inbox — 2 open');
    desk.press('D');
    await desk.waitFor('Dispute of C00001 (from the reply): item and reason');
    desk.press(KEYS.enter);
    await desk.waitFor("type the open item's number, then the reason");
    desk.press(`${item} goods returned`, KEYS.enter);
    let frame = await desk.waitFor('Inbox — 1 open');
    expect(frame).toMatch(/handled as a dispute/);
    expect(services.calls).toEqual(expect.arrayContaining([`dispute C00001 ${item} goods returned`, 'handled 2 dispute']));

    desk.press('N');
    frame = await desk.waitFor('Note on C00002 (from the bounce)');
    // The bounce's note starts as its gist; a follow-up date may be typed before it.
    expect(frame).toContain('bounce from MAILER-DAEMON@mail.example.com: user unknown');
    desk.press(KEYS.escape);
    await desk.waitFor((f) => !f.includes('Note on C00002'));
    desk.unmount();

    const again = await realDesk({ seed });
    const second = renderDesk(again, { columns: 140, rows: 30 });
    await second.waitFor('planned');
    second.press('6');
    await second.waitFor('Inbox — 2 open');
    second.press('N');
    await second.waitFor('Note on C00001 (from the reply)');
    for (let n = 0; n < 80; n += 1) second.press(KEYS.backspace);
    second.press('2026-12-10 call about the remittance', KEYS.enter);
    frame = await second.waitFor('Inbox — 1 open');
    expect(frame).toMatch(/C00001: note added, follow up on 2026-12-10; reply from ap@customer\.example handled as a note/);
    expect(again.calls).toEqual(expect.arrayContaining(['note C00001 call about the remittance 2026-12-10', 'handled 2 note']));
    second.unmount();
  });

  it('R without a mailbox set up says so on the status line and files nothing', async () => {
    const services = await realDesk({ seed });
    const desk = renderDesk(services, { columns: 140, rows: 30 });
    await desk.waitFor('planned');
    desk.press('6');
    await desk.waitFor('Inbox — 2 open');
    desk.press('R');
    const frame = await desk.waitFor('could not fetch the inbox:');
    expect(frame).toMatch(/imap/i);
    expect(services.calls).toContain('fetchInbox');
    expect((await services.openInbox()).length).toBe(2);
    desk.unmount();
  });

  it('U on a bounce makes the address deliverable again and handles the bounce', async () => {
    const services = await realDesk({
      seed,
      shape: (data) => {
        const customer = data.customers[1]!;
        customer.email = BOUNCED;
        customer.email2 = null;
        customer.email3 = null;
      },
    });
    const bouncedBefore = (await services.loadPlan(AS_OF)).skipped.filter((s) => s.reason === 'bounced').map((s) => s.customer);
    expect(bouncedBefore).toContain('C00002');
    const desk = renderDesk(services, { columns: 140, rows: 30 });
    await desk.waitFor('planned');
    desk.press('6');
    await desk.waitFor('Inbox — 2 open');
    desk.press('U');
    await desk.waitFor('U clears the address a bounce marked undeliverable');
    desk.press(KEYS.down, 'U');
    const frame = await desk.waitFor('Inbox — 1 open');
    expect(frame).toContain(`C00002: ${BOUNCED} is deliverable again`);
    expect(services.calls).toEqual(expect.arrayContaining([`clear C00002 ${BOUNCED}`, 'handled 1 handled']));
    const bouncedAfter = (await services.loadPlan(AS_OF)).skipped.filter((s) => s.reason === 'bounced').map((s) => s.customer);
    expect(bouncedAfter).not.toContain('C00002');
    desk.unmount();
  });

  it('review mode shows the inbox and its text but refuses every change', async () => {
    const services = await realDesk({ seed });
    const desk = renderDesk(services, { review: true, columns: 140, rows: 30 });
    await desk.waitFor((f) => f.includes('planned') && f.includes('Inbox: 2 open'));
    desk.press('6');
    let frame = await desk.waitFor('Inbox — 2 open');
    expect(rowOf(frame, 'We paid yesterday')).toBeDefined();
    expect(frame).not.toContain('h handled');
    for (const [key, short] of [['h', 'handled'], ['P', 'promise'], ['D', 'dispute'], ['N', 'note'], ['U', 'clear address'], ['R', 'fetch']]) {
      desk.press(key!);
      await desk.waitFor(`review mode: ${key} (${short}) is refused`);
    }
    desk.press(KEYS.enter);
    frame = await desk.waitFor('Regards, Accounts Payable');
    expect(services.calls.filter((c) => /^(handled|clear|promise|dispute|note|fetchInbox)/.test(c))).toEqual([]);
    expect((await services.openInbox()).length).toBe(2);
    desk.unmount();
  });
});

const dovecot = findDovecot();
let imap: ThrowawayImap | undefined;
beforeAll(async () => {
  if (dovecot !== null) imap = await startThrowawayImap(dovecot);
});
afterAll(() => imap?.stop());

describe.skipIf(dovecot === null)('Inbox against a real IMAP server', () => {
  it('R fetches a customer\'s reply from the mailbox and lists it', async () => {
    const server = imap!;
    const services = await realDesk({ env: { DUEDESK_IMAP_URL: server.url, DUEDESK_IMAP_PASSWORD: server.password } });
    const sender = services.data.customers[0]!.email!;
    await server.append([
      [`From: <${sender}>`, 'To: <ar@company.test>', 'Subject: Re: your reminder', 'Message-ID: <r1@customer.example>',
        'Date: Sun, 22 Nov 2026 08:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', '', 'Paid on Friday, remittance follows.', ''].join('\r\n'),
    ]);
    const desk = renderDesk(services, { columns: 140, rows: 30 });
    await desk.waitFor('planned');
    desk.press('6');
    await desk.waitFor('Inbox — 0 open');
    desk.press('R');
    const frame = await desk.waitFor('Inbox — 1 open');
    expect(frame).toMatch(/inbox fetched from .*: 0 bounces, 1 reply, 0 automatic, 0 unmatched/);
    const row = rowOf(frame, 'Paid on Friday');
    expect(row).toMatch(/reply +C00001 /);
    expect(row).toContain(sender.slice(0, 20));
    desk.press('1');
    await desk.waitFor('Inbox: 1 open');
    desk.unmount();
  });
});
