/** The inbox's tables on a fresh ledger of each engine: the lease, the marks and the pause a clerk ends. */
import { describe, expect, it } from 'vitest';
import { collectionRecords } from '../../src/collections/timeline.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { answersOf, clearUndeliverable, fileMail, markMailHandled, markUndeliverable, releaseFetchLease, takeFetchLease, type InboxMail } from '../../src/storage/inbox.js';
import { aCustomer } from '../helpers/store.js';
import { ENGINES } from '../helpers/pg.js';

const REPLY: InboxMail = {
  mailbox: 'ar@imap.test/INBOX', uidvalidity: 7, uid: 1, mailId: 'r1@c.test', receivedAt: '2026-11-23T09:00:00.000Z', kind: 'reply',
  customerCode: 'C1', messageId: null, inReplyTo: '', from: 'a@c.test', subject: 'Re', status: '', address: '', permanent: false,
  detail: 'Paid.', body: 'Paid.', attachments: '[]',
};

describe.each(ENGINES)('the inbox tables on $name', ({ fresh: makeLedger }) => {
  it('one fetch holds a mailbox: another is told who; a lapsed lease is taken over; released, it is free', async () => {
    const store = await makeLedger();
    const take = (holder: string, now: string) => store.write((sql) => takeFetchLease(sql, 'box', holder, now, '2026-11-23T10:10:00.000Z'));
    expect(await take('host-a:1', '2026-11-23T10:00:00.000Z')).toBeNull();
    expect(await take('host-b:2', '2026-11-23T10:05:00.000Z')).toBe('host-a:1');
    expect(await take('host-b:2', '2026-11-23T10:11:00.000Z')).toBeNull();
    await store.write((sql) => releaseFetchLease(sql, 'box', 'host-b:2'));
    expect(await take('host-a:1', '2026-11-23T10:12:00.000Z')).toBeNull();
  });

  it('a mail is filed once; a handled reply no longer pauses; a mark goes by hand or when the address is replaced', async () => {
    const store = await makeLedger();
    await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'C1', email: 'dead@c.test', email2: 'ok@c.test' })]));
    const id = await store.write((sql) => fileMail(sql, REPLY));
    expect(id).not.toBeNull();
    expect(await store.write((sql) => fileMail(sql, { ...REPLY, subject: 'again' }))).toBeNull();
    await store.write((sql) => markUndeliverable(sql, { customerCode: 'C1', address: 'Dead@c.test', since: '2026-11-23', reason: '550 gone' }));
    expect(await store.read((sql) => answersOf(sql, ['C1']))).toEqual(
      new Map([['C1', { undeliverable: [{ address: 'dead@c.test', since: '2026-11-23', reason: '550 gone' }], openReplyOn: '2026-11-23' }]]),
    );
    expect((await collectionRecords(store, 'C1', '2026-11-23', 0)).map((r) => r.text)).toEqual(['reply from a@c.test: Paid. (open)']);
    expect(await store.write((sql) => markMailHandled(sql, id!, 'note', 'maria', '2026-11-23T11:00:00.000Z'))).toBe(true);
    expect((await collectionRecords(store, 'C1', '2026-11-23', 0)).map((r) => r.text)).toEqual(['reply from a@c.test: Paid. (handled: note · maria)']);
    expect(await store.write((sql) => markMailHandled(sql, id!, 'note', 'maria', '2026-11-23T11:00:00.000Z'))).toBe(false);
    expect((await store.read((sql) => answersOf(sql, ['C1']))).get('C1')?.openReplyOn).toBeNull();
    // An import that keeps the address keeps the mark; one that replaces it clears it.
    await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'C1', email: 'dead@c.test', email2: 'other@c.test' })]));
    expect((await store.read((sql) => answersOf(sql, ['C1']))).get('C1')?.undeliverable).toHaveLength(1);
    await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'C1', email: 'new@c.test', email2: 'other@c.test' })]));
    expect((await store.read((sql) => answersOf(sql, ['C1']))).has('C1')).toBe(false);
    await store.write((sql) => markUndeliverable(sql, { customerCode: 'C1', address: 'new@c.test', since: '2026-11-24', reason: '550' }));
    expect(await store.write((sql) => clearUndeliverable(sql, 'C1', null))).toBe(1);
  });
});
