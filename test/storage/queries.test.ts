import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store.js';
import { aCustomer, aMessage, anItem, aPayment, aPlan, itemOf, makeStore, paymentOf, planOf } from '../helpers/store.js';
import {
  getCustomer, listCustomers, setHold, setReminders, setStatementInterval, upsertCustomers,
} from '../../src/storage/customers.js';
import { closeItems, listItems, openItemsOf, upsertItems } from '../../src/storage/items.js';
import { listPayments, upsertPayments } from '../../src/storage/payments.js';
import { listPlans, upsertPlans } from '../../src/storage/plans.js';
import {
  customerTimeline, getMessage, insertMessage, listMessages, markSendingUncertain, updateMessageStatus,
} from '../../src/storage/messages.js';
import { UserError } from '../../src/core/exit-codes.js';

let store: Store;
beforeEach(async () => {
  store = await makeStore();
});

describe('customers', () => {
  it('round-trips every field, including nulls and booleans', async () => {
    const full = aCustomer({
      code: 'C2', email2: 'b@x.example', email3: 'c@x.example', language: 'el', currency: 'BGN', reminders: false,
      statementEveryDays: 30, agentEmail: 'agent@x.example', holdUntil: '2026-05-01', notes: 'call first',
    });
    await store.write((db) => upsertCustomers(db, [aCustomer(), full]));
    expect(getCustomer(store.db, 'C2')).toEqual(full);
    expect(getCustomer(store.db, 'C001')).toEqual(aCustomer());
    expect(getCustomer(store.db, 'nope')).toBeNull();
  });

  it('upsert replaces by code; list is ordered, searchable and pageable', async () => {
    await store.write((db) =>
      upsertCustomers(db, [aCustomer({ code: 'B', name: 'Beta' }), aCustomer({ code: 'A', name: 'Alpha' })]),
    );
    await store.write((db) => upsertCustomers(db, [aCustomer({ code: 'B', name: 'Beta Two' })]));
    expect(listCustomers(store.db).length).toBe(2);
    expect(listCustomers(store.db).map((c) => c.name)).toEqual(['Alpha', 'Beta Two']);
    expect(listCustomers(store.db, { search: 'two' }).map((c) => c.code)).toEqual(['B']);
    expect(listCustomers(store.db, { limit: 1, offset: 1 }).map((c) => c.code)).toEqual(['B']);
    await store.write((db) => upsertCustomers(db, [aCustomer({ code: 'P', name: '100% Pure_Oil' })]));
    expect(listCustomers(store.db, { search: '0% p' }).map((c) => c.code)).toEqual(['P']);
    expect(listCustomers(store.db, { search: 'e_o' }).map((c) => c.code)).toEqual(['P']);
    expect(listCustomers(store.db, { search: 'a_' })).toEqual([]);
  });

  it('sets hold, reminders and statement interval; unknown customers and bad intervals are refused', async () => {
    await store.write((db) => upsertCustomers(db, [aCustomer()]));
    await store.write((db) => {
      setHold(db, 'C001', '2026-06-30');
      setReminders(db, 'C001', false);
      setStatementInterval(db, 'C001', 14);
    });
    expect(getCustomer(store.db, 'C001')).toMatchObject({ holdUntil: '2026-06-30', reminders: false, statementEveryDays: 14 });
    await expect(store.write((db) => setHold(db, 'GHOST', null))).rejects.toThrow(new UserError('unknown customer GHOST'));
    await expect(store.write((db) => setStatementInterval(db, 'C001', 0))).rejects.toThrow(/positive whole number/);
  });
});

describe('items', () => {
  beforeEach(async () => {
    await store.write((db) => upsertCustomers(db, [aCustomer(), aCustomer({ code: 'C2' })]));
  });

  it('round-trips and lists per customer by due date', async () => {
    const credit = anItem({ number: 'CN-1', kind: 'credit_note', amount: -2500, openAmount: -2500, dueDate: '2026-01-10', case: 'K1', reference: 'R', holdUntil: '2026-02-01' });
    await store.write((db) => upsertItems(db, [anItem(), credit, anItem({ customerCode: 'C2', number: 'X' })]));
    expect(itemOf(store.db, 'C001', 'CN-1')).toEqual(credit);
    expect(listItems(store.db, 'C001').map((i) => i.number)).toEqual(['CN-1', 'INV-1']);
    expect(listItems(store.db)).toHaveLength(3);
  });

  it('open items exclude settled ones and filter by currency; closeItems settles', async () => {
    await store.write((db) =>
      upsertItems(db, [
        anItem({ number: 'I1' }), anItem({ number: 'I2', currency: 'USD' }), anItem({ number: 'I3', openAmount: 0 }),
      ]),
    );
    expect(openItemsOf(store.db, 'C001').map((i) => i.number)).toEqual(['I1', 'I2']);
    expect(openItemsOf(store.db, 'C001', 'USD').map((i) => i.number)).toEqual(['I2']);
    expect(await store.write((db) => closeItems(db, 'C001', ['I1', 'I3', 'missing']))).toBe(1);
    expect(openItemsOf(store.db, 'C001').map((i) => i.number)).toEqual(['I2']);
  });

  it('enforces the customer foreign key and rolls the whole write back', async () => {
    const write = store.write((db) => upsertItems(db, [anItem({ number: 'OK' }), anItem({ customerCode: 'GHOST' })]));
    await expect(write).rejects.toThrow(/FOREIGN KEY/);
    expect(listItems(store.db)).toEqual([]);
  });
});

describe('payments and plans', () => {
  beforeEach(async () => {
    await store.write((db) => upsertCustomers(db, [aCustomer()]));
  });

  it('payments round-trip and upsert by reference', async () => {
    const linked = aPayment({ reference: 'P2', itemNumber: 'INV-1', case: 'K1', date: '2026-01-05' });
    await store.write((db) => upsertPayments(db, [aPayment(), linked]));
    await store.write((db) => upsertPayments(db, [aPayment({ amount: 7000 })]));
    expect(paymentOf(store.db, 'P2')).toEqual(linked);
    expect(listPayments(store.db, 'C001').map((p) => [p.reference, p.amount])).toEqual([['P2', 5000], ['PAY-1', 7000]]);
  });

  it('plans round-trip, upsert by case and filter active ones', async () => {
    const ended = aPlan({ case: 'K2', active: false, endDate: '2026-12-31' });
    await store.write((db) => upsertPlans(db, [aPlan(), ended]));
    expect(planOf(store.db, 'C001', 'K2')).toEqual(ended);
    expect(listPlans(store.db).map((p) => p.case)).toEqual(['CASE-1', 'K2']);
    expect(listPlans(store.db, { activeOnly: true, customerCode: 'C001' }).map((p) => p.case)).toEqual(['CASE-1']);
  });
});

describe('message history', () => {
  it('inserts with items and cases and reads them back', async () => {
    const message = aMessage({
      kind: 'installment', to: ['a@x.example', 'b@x.example'], cc: ['agent@x.example'],
      items: [{ itemNumber: 'INV-1', level: 'first', openAmount: 10000 }, { itemNumber: 'INV-2', level: null, openAmount: 5 }],
      cases: ['K1', 'K2'],
    });
    const id = await store.write((db) => insertMessage(db, message));
    expect(getMessage(store.db, id)).toEqual({ id, ...message });
    expect(getMessage(store.db, id + 1)).toBeNull();
  });

  it('updates status and error; marks interrupted sends uncertain', async () => {
    const [sending, other] = await store.write((db) => [
      insertMessage(db, aMessage({ status: 'sending', messageId: '<1@t>' })),
      insertMessage(db, aMessage({ status: 'sending', messageId: '<2@t>' })),
    ]);
    await store.write((db) => updateMessageStatus(db, other ?? 0, 'failed', '550 no such user', '2026-02-15T09:01:00Z'));
    expect(getMessage(store.db, other ?? 0)).toMatchObject({ status: 'failed', error: '550 no such user', updatedAt: '2026-02-15T09:01:00Z' });
    expect(await store.write((db) => markSendingUncertain(db, '2026-02-16T00:00:00Z'))).toBe(1);
    expect(getMessage(store.db, sending ?? 0)).toMatchObject({ status: 'uncertain', error: 'interrupted while sending' });
    await expect(store.write((db) => updateMessageStatus(db, 999, 'sent', null))).rejects.toThrow('unknown message id 999');
  });

  it('lists by date range, status and customer, oldest first; timeline per customer', async () => {
    await store.write((db) => {
      insertMessage(db, aMessage({ messageId: '<a>', asOf: '2026-03-01', items: [{ itemNumber: 'I', level: 'l1', openAmount: 1 }] }));
      insertMessage(db, aMessage({ messageId: '<b>', asOf: '2026-01-01', status: 'failed' }));
      insertMessage(db, aMessage({ messageId: '<c>', asOf: '2026-02-01', customerCode: 'C2', cases: ['K'] }));
    });
    const ids = (filter: Parameters<typeof listMessages>[1]): string[] => listMessages(store.db, filter).map((m) => m.messageId);
    expect(ids({})).toEqual(['<b>', '<c>', '<a>']);
    expect(ids({ from: '2026-01-15', to: '2026-02-28' })).toEqual(['<c>']);
    expect(ids({ status: 'sent' })).toEqual(['<c>', '<a>']);
    expect(ids({ customer: 'C001', status: 'sent' })).toEqual(['<a>']);
    const timeline = customerTimeline(store.db, 'C001');
    expect(timeline.map((m) => m.messageId)).toEqual(['<b>', '<a>']);
    expect(timeline[1]?.items).toEqual([{ itemNumber: 'I', level: 'l1', openAmount: 1 }]);
    expect(customerTimeline(store.db, 'C2')[0]?.cases).toEqual(['K']);
  });

  it('refuses a second message with the same Message-ID', async () => {
    await store.write((db) => insertMessage(db, aMessage()));
    await expect(store.write((db) => insertMessage(db, aMessage()))).rejects.toThrow(/UNIQUE/);
    expect(listMessages(store.db)).toHaveLength(1);
  });
});

describe('in-memory store', () => {
  it('rolls back a write whose change throws and passes the error on', async () => {
    const failing = store.write((db) => {
      upsertCustomers(db, [aCustomer()]);
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(listCustomers(store.db).length).toBe(0);
    expect(store.path).toBeNull();
    expect(store.db.exec('PRAGMA foreign_keys')[0]?.values).toEqual([[1]]);
  });

  it('keeps an asynchronous change inside its transaction', async () => {
    const asyncChange = store.write(async (db) => {
      upsertCustomers(db, [aCustomer()]);
      await Promise.resolve();
      throw new Error('after awaiting');
    });
    await expect(asyncChange).rejects.toThrow('after awaiting');
    expect(listCustomers(store.db).length).toBe(0);
  });
});
