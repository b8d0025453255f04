/** Promises to pay (docs/reference/rules.md §9.2) end to end on a database: a recorded promise holds reminders back, a broken one escalates once. */
import { describe, expect, it } from 'vitest';
import { recordPromise } from '../../src/collections/promises.js';
import { planDue } from '../../src/planning/plan-due.js';
import { insertMessage } from '../../src/storage/messages.js';
import { aCustomer, aMessage, anItem, aPayment, makeLedger } from '../helpers/store.js';
import { seed } from '../planning/seed.js';

const settings = { policy: { promiseGraceDays: 2 } };

async function promised() {
  const ledger = await makeLedger();
  // INV-1 was reminded at first on 03-10; on 03-20 it is 20 days overdue, second comes at 21.
  await seed(ledger, {
    customers: [aCustomer()],
    items: [anItem({ dueDate: '2026-02-28' })],
    messages: [aMessage({ asOf: '2026-03-10', level: 'first', items: [{ itemNumber: 'INV-1', level: 'first', openAmount: 10000 }] })],
  });
  await recordPromise(ledger, { code: 'C001', date: '2026-03-25' }, { operator: 'ana', asOf: '2026-03-20', at: '2026-03-20T10:00:00Z' });
  return ledger;
}

describe('a promise on the database', () => {
  it('holds the reminder back until the date plus grace', async () => {
    const ledger = await promised();
    for (const asOf of ['2026-03-21', '2026-03-25', '2026-03-27']) expect((await planDue(ledger, settings, asOf)).messages).toEqual([]);
  });

  it('broken: the items go to the next level at once, the reminder names the promise, and only once', async () => {
    const ledger = await promised();
    const [message] = (await planDue(ledger, settings, '2026-03-28')).messages;
    expect(message).toMatchObject({ level: 'second', reminds: ['INV-1'], promise: { promisedDate: '2026-03-25', amount: 10000 } });
    const sent = aMessage({ asOf: '2026-03-28', level: 'second', messageId: '<second@test>', items: [{ itemNumber: 'INV-1', level: 'second', openAmount: 10000 }] });
    await ledger.write((sql) => insertMessage(sql, sent));
    expect((await planDue(ledger, settings, '2026-03-29')).messages).toEqual([]);
  });

  it('kept: a payment since the promise covers it, nothing escalates', async () => {
    const ledger = await promised();
    await seed(ledger, { payments: [aPayment({ date: '2026-03-24', amount: 10000, reference: 'P-1' })] });
    expect((await planDue(ledger, settings, '2026-03-28')).messages).toEqual([]);
  });
});
