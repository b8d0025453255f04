/** The clerk's collection records: promises, disputes and notes are checked, written in one go, or refused changing nothing. */
import { beforeEach, describe, expect, it } from 'vitest';
import { recordPromise } from '../../src/collections/promises.js';
import { markDisputed, resolveDisputed } from '../../src/collections/disputes.js';
import { addNote, completeFollowUp, dueFollowUps } from '../../src/collections/notes.js';
import { promiseSnapshots, promisesOf } from '../../src/storage/promises.js';
import { disputesOf, customersWithDisputes } from '../../src/storage/item-disputes.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { aCustomer, anItem, aPayment, itemOf, makeLedger, valuesOf } from '../helpers/store.js';
import { seed } from '../planning/seed.js';

const actor = { operator: 'ana', asOf: '2026-03-20', at: '2026-03-20T09:30:00.000Z' };
let ledger: Ledger;
const tables = async (): Promise<string> => {
  const dumps: string[] = [];
  for (const table of ['promises', 'promise_items', 'item_disputes', 'customer_notes', 'items']) dumps.push(JSON.stringify(await valuesOf(ledger, `SELECT * FROM ${table}`)));
  return dumps.join('\n');
};
const disputeOf = async (code: string, number: string) => (await ledger.read((sql) => itemOf(sql, code, number)))?.dispute;

beforeEach(async () => {
  ledger = await makeLedger();
  await seed(ledger, {
    customers: [aCustomer({ agentEmail: 'agent@acme.example' }), aCustomer({ code: 'C002' })],
    items: [
      anItem({ number: 'INV-1', dueDate: '2026-02-10', openAmount: 6000 }),
      anItem({ number: 'INV-2', dueDate: '2026-03-01' }),
      anItem({ number: 'INV-3', dueDate: '2026-03-01', openAmount: 0 }),
      anItem({ number: 'USD-1', currency: 'USD' }),
      anItem({ customerCode: 'C002', number: 'X-1' }),
    ],
  });
});

describe('recordPromise', () => {
  it("covers the customer's open items in its currency for what they add up to, unless told otherwise", async () => {
    const promise = await recordPromise(ledger, { code: 'C001', date: '2026-03-31' }, actor);
    expect(promise).toMatchObject({ customerCode: 'C001', madeOn: '2026-03-20', promisedDate: '2026-03-31', amount: 16000, currency: 'EUR', items: ['INV-1', 'INV-2'], operator: 'ana' });
    const named = await recordPromise(ledger, { code: 'C001', date: '2026-04-15', amount: '25.50', items: ['USD-1'], note: 'will call back' }, actor);
    expect(named).toMatchObject({ amount: 2550, currency: 'USD', items: ['USD-1'], note: 'will call back' });
    expect((await ledger.read((sql) => promisesOf(sql, ['C001']))).map((p) => p.id)).toEqual([promise.id, named.id]);
  });

  it('counts the payments dated from the day it was made toward it', async () => {
    await recordPromise(ledger, { code: 'C001', date: '2026-03-31' }, actor);
    await seed(ledger, { payments: [aPayment({ date: '2026-03-19', reference: 'OLD' }), aPayment({ date: '2026-03-22', reference: 'NEW', amount: 700 }), aPayment({ date: '2026-03-25', reference: 'LATER' })] });
    const snapshots = await ledger.read((sql) => promiseSnapshots(sql, ['C001'], '2026-03-23'));
    expect(snapshots.get('C001')?.map((s) => s.paidSince)).toEqual([700]);
  });

  it.each([
    [{ code: 'NOPE', date: '2026-03-31' }, 'promise: unknown customer "NOPE"'],
    [{ code: 'C001', date: '31/03/2026' }, 'promise: --date "31/03/2026" is not a date YYYY-MM-DD'],
    [{ code: 'C001', date: '2026-03-19' }, 'promise: --date 2026-03-19 is before today (2026-03-20); a promise is to pay later'],
    [{ code: 'C001', date: '2026-03-31', items: ['INV-9'] }, 'promise: C001 has no item "INV-9"'],
    [{ code: 'C001', date: '2026-03-31', items: ['INV-3'] }, 'promise: item INV-3 of C001 has nothing open to pay'],
    [{ code: 'C001', date: '2026-03-31', items: ['INV-1', 'USD-1'] }, 'promise: the items are in EUR and USD; one promise is in one currency'],
    [{ code: 'C001', date: '2026-03-31', amount: '12abc' }, 'promise: --amount "12abc" is not an amount'],
    [{ code: 'C001', date: '2026-03-31', amount: '160.01' }, "promise: --amount 160.01 is more than the items' open 160.00 EUR"],
    [{ code: 'C001', date: '2026-03-31', amount: '0' }, 'promise: --amount must be more than 0'],
  ])('refuses %j and writes nothing', async (request, message) => {
    const before = await tables();
    await expect(recordPromise(ledger, request, actor)).rejects.toThrow(message);
    expect(await tables()).toBe(before);
  });
});

describe('disputes', () => {
  it('marks an item, tells the agent, and resolving it clears the mark', async () => {
    const marked = await markDisputed(ledger, 'C001', 'INV-2', ' goods damaged ', actor);
    expect(await disputeOf('C001', 'INV-2')).toBe('goods damaged');
    expect(marked.notify).toMatchObject({ to: 'agent@acme.example', notice: { reason: 'goods damaged', operator: 'ana', item: { number: 'INV-2' } } });
    expect(await ledger.read((sql) => customersWithDisputes(sql))).toEqual(['C001']);
    await expect(markDisputed(ledger, 'C001', 'INV-2', 'again', actor)).rejects.toThrow('already disputed ("goods damaged"); resolve it first');
    await resolveDisputed(ledger, 'C001', 'INV-2', 'credit note issued', { ...actor, at: '2026-03-25T10:00:00.000Z' });
    expect(await disputeOf('C001', 'INV-2')).toBeNull();
    expect(await ledger.read((sql) => disputesOf(sql, 'C001'))).toMatchObject([
      { itemNumber: 'INV-2', reason: 'goods damaged', openedBy: 'ana', resolvedAt: '2026-03-25T10:00:00.000Z', resolution: 'credit note issued' },
    ]);
    await expect(resolveDisputed(ledger, 'C001', 'INV-2', '', actor)).rejects.toThrow('dispute: item INV-2 of C001 is not disputed');
  });

  it('a customer without a sales agent gets no notice', async () => {
    expect((await markDisputed(ledger, 'C002', 'X-1', 'wrong price', actor)).notify).toBeNull();
  });

  it.each([
    ['C001', 'INV-9', 'why', 'dispute: C001 has no item "INV-9"'],
    ['C001', 'INV-3', 'why', 'dispute: item INV-3 of C001 is closed; nothing to dispute'],
    ['C001', 'INV-1', '  ', 'dispute: dispute must not be empty'],
    ['C001', 'INV-1', 'a\nb', 'dispute: dispute contains a line break'],
  ])('refuses %s %s %j and writes nothing', async (code, item, reason, message) => {
    const before = await tables();
    await expect(markDisputed(ledger, code, item, reason, actor)).rejects.toThrow(message);
    expect(await tables()).toBe(before);
  });
});

describe('notes and follow-ups', () => {
  it('lists the follow-ups due until they are marked done', async () => {
    await addNote(ledger, 'C001', 'Called, asked for a copy', '2026-03-20', actor);
    await addNote(ledger, 'C002', 'Later', '2026-03-27', actor);
    await addNote(ledger, 'C002', 'No follow-up', undefined, actor);
    const due = await dueFollowUps(ledger, '2026-03-20');
    expect(due.map((note) => [note.customerCode, note.body, note.followUp])).toEqual([['C001', 'Called, asked for a copy', '2026-03-20']]);
    expect((await dueFollowUps(ledger, '2026-03-28')).length).toBe(2);
    await completeFollowUp(ledger, due[0]!.id, actor);
    expect((await dueFollowUps(ledger, '2026-03-28')).map((note) => note.body)).toEqual(['Later']);
    await expect(completeFollowUp(ledger, due[0]!.id, actor)).rejects.toThrow(`note: no open follow-up #${due[0]!.id}`);
  });

  it.each([
    ['NOPE', 'text', undefined, 'note: unknown customer "NOPE"'],
    ['C001', '', undefined, 'note: notes must not be empty'],
    ['C001', 'text', 'tomorrow', 'note: --follow-up "tomorrow" is not a date YYYY-MM-DD'],
  ])('refuses %s %j %s', async (code, body, followUp, message) => {
    const before = await tables();
    await expect(addNote(ledger, code, body, followUp, actor)).rejects.toThrow(message);
    expect(await tables()).toBe(before);
  });
});
