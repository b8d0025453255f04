import { describe, expect, it } from 'vitest';
import { classify, namedMessageIds, type KnownMessage, type MailLookup } from '../../src/inbox/classify.js';
import { MAX_MAIL_BYTES, readMail } from '../../src/inbox/read-mail.js';
import { eximBounce, exchangeBounce, gmailDelay, outOfOffice, postfixBounce, qmailBounce, reply } from '../fixtures/inbox/samples.js';

const OURS: KnownMessage[] = [
  { id: 11, messageId: 'r1.c001@acme.test', customerCode: 'C001' },
  { id: 12, messageId: 'r2.c001@acme.test', customerCode: 'C001' },
  { id: 21, messageId: 'r1.c002@acme.test', customerCode: 'C002' },
];

/** Read a raw mail and file it against our three messages; `sender` is the customer the From address belongs to. */
async function file(raw: string | Buffer, sender: string | null = null) {
  const mail = await readMail(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
  const named = new Set(namedMessageIds(mail));
  const lookup: MailLookup = { messages: new Map(OURS.filter((m) => named.has(m.messageId)).map((m) => [m.messageId, m])), senderCustomer: sender };
  return { mail, filing: classify(mail, lookup) };
}

describe('delivery reports in the shapes real servers send', () => {
  it.each([
    ['Postfix', postfixBounce('r1.c001@acme.test', 'gone@customer.test'), '5.1.1', /User\s+unknown/],
    ['Exim', eximBounce('r1.c001@acme.test', 'gone@customer.test'), '5.0.0', /550 5\.1\.1 mailbox unavailable/],
    ['Exchange', exchangeBounce('r1.c001@acme.test', 'gone@customer.test'), '5.1.10', /RecipientNotFound/],
    ['qmail (plain text, no report part)', qmailBounce('r1.c001@acme.test', 'gone@customer.test'), '5.0.0', /550 No such user here/],
  ])('%s: a permanent failure of our message to its address', async (_shape, raw, status, reason) => {
    const { filing } = await file(raw);
    expect(filing).toMatchObject({ kind: 'bounce', customerCode: 'C001', address: 'gone@customer.test', status, permanent: true });
    expect(filing.message?.id).toBe(11);
    expect(filing.detail).toMatch(reason);
  });

  it('Gmail: a delay (4.4.1) is a transient bounce', async () => {
    const { filing } = await file(gmailDelay('r1.c002@acme.test', 'slow@other.test'));
    expect(filing).toMatchObject({ kind: 'bounce', customerCode: 'C002', address: 'slow@other.test', status: '4.4.1', permanent: false });
    expect(filing.detail).toMatch(/did not accept/);
  });

  it('a report for a Message-ID we never sent is unmatched, saying so', async () => {
    const { filing } = await file(postfixBounce('someone-else@elsewhere.test', 'gone@customer.test'));
    expect(filing.kind).toBe('unmatched');
    expect(filing.message).toBeNull();
    expect(filing.detail).toMatch(/not sent from this ledger.*gone@customer\.test 5\.1\.1/);
  });
});

describe('answers', () => {
  it('an out-of-office answer to our message is an auto-reply for its customer', async () => {
    const { filing } = await file(outOfOffice('buyer@customer.test', 'r1.c001@acme.test'));
    expect(filing).toMatchObject({ kind: 'auto-reply', customerCode: 'C001' });
    expect(filing.message?.id).toBe(11);
  });

  it.each([
    ['X-Autoreply: yes'],
    ['X-Autorespond: yes'],
    ['Precedence: auto_reply'],
  ])('%s marks an automatic answer', async (header) => {
    const raw = reply('buyer@customer.test', 'r1.c001@acme.test', [], 'Away.').replace('MIME-Version', `${header}\r\nMIME-Version`);
    expect((await file(raw)).filing.kind).toBe('auto-reply');
  });

  it('Auto-Submitted: no is a person writing', async () => {
    const raw = reply('buyer@customer.test', 'r1.c001@acme.test', [], 'Paid.').replace('MIME-Version', 'Auto-Submitted: no\r\nMIME-Version');
    expect((await file(raw)).filing.kind).toBe('reply');
  });

  it('a reply keeps its own words and cuts our quoted letter off', async () => {
    const body = 'We paid yesterday, see attached.\n\nRegards, Anna\n\nOn Mon, 30 Nov 2026 at 09:00, Acme Accounts <ar@acme.test> wrote:\n> Dear customer, this is a reminder.\n> Invoice 1001 is overdue.';
    const { filing } = await file(reply('anna@customer.test', 'r1.c001@acme.test', ['r1.c001@acme.test'], body));
    expect(filing).toMatchObject({ kind: 'reply', customerCode: 'C001', detail: 'We paid yesterday, see attached.' });
    expect(filing.text).toBe('We paid yesterday, see attached.\n\nRegards, Anna');
  });

  it('a reply naming two of our messages is filed once, against the one it answers directly', async () => {
    const { filing } = await file(reply('anna@customer.test', 'r2.c001@acme.test', ['r1.c001@acme.test', 'r2.c001@acme.test'], 'Both paid.'));
    expect(filing.kind).toBe('reply');
    expect(filing.message?.id).toBe(12);
  });

  it('failing references, the sender being a customer\'s address files the reply', async () => {
    const { filing } = await file(reply('anna@customer.test', null, [], 'Can we pay in two parts?', 'Question'), 'C002');
    expect(filing).toMatchObject({ kind: 'reply', customerCode: 'C002', message: null });
  });

  it('mail naming none of our messages from an unknown sender is unmatched', async () => {
    const { filing } = await file(reply('spam@nowhere.test', 'other@nowhere.test', [], 'Buy now', 'Offer'));
    expect(filing.kind).toBe('unmatched');
    expect(filing.detail).toMatch(/spam@nowhere\.test/);
  });
});

describe('bad input', () => {
  it('malformed MIME (an unterminated multipart, broken encodings) is still read and filed', async () => {
    const raw = 'From: anna@customer.test\r\nSubject: =?utf-8?B?broken\r\nIn-Reply-To: <r1.c001@acme.test>\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\nContent-Type: text/plain; charset=nonsense-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n';
    const { filing } = await file(raw);
    expect(filing.kind).toBe('reply');
    expect(filing.customerCode).toBe('C001');
  });

  it('a 50 MB message is read only up to the limit, and its reply still filed', async () => {
    const head = reply('anna@customer.test', 'r1.c001@acme.test', [], 'Statement attached.').replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: multipart/mixed; boundary="b"');
    const big = Buffer.concat([
      Buffer.from(head.replace('Statement attached.', '--b\r\nContent-Type: text/plain\r\n\r\nStatement attached.\r\n--b\r\nContent-Type: application/pdf; name="statement.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n')),
      Buffer.alloc(50 * 1024 * 1024, 'QUJD'),
    ]);
    const { mail, filing } = await file(big);
    expect(filing.kind).toBe('reply');
    expect(filing.text).toBe('Statement attached.');
    expect(mail.damage).toBe(`only the first ${MAX_MAIL_BYTES} bytes of ${big.length} were read`);
  });
});
