import { beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/storage/ledger.js';
import { aCustomer, aMessage, anItem, aPayment, aPlan, itemOf, paymentOf, planOf, valuesOf } from '../helpers/store.js';
import { ENGINES } from '../helpers/pg.js';
import {
  customersPerProfile, getCustomer, listCustomers, setHold, setReminders, setStatementInterval, upsertCustomers,
} from '../../src/storage/customers.js';
import { closeItems, listItems, openItemsOf, upsertItems } from '../../src/storage/items.js';
import { listPayments, upsertPayments } from '../../src/storage/payments.js';
import { listPlans, upsertPlans } from '../../src/storage/plans.js';
import {
  customerTimeline, getMessage, insertMessage, listMessages, markSendingUncertain, updateMessageStatus,
} from '../../src/storage/messages.js';
import { UserError } from '../../src/core/exit-codes.js';

/** The storage contract: every query and write means the same on each engine. */
describe.each(ENGINES)('storage on $name', (engine) => {
  let store: Ledger;
  beforeEach(async () => {
    store = await engine.fresh();
  });

  describe('customers', () => {
    it('round-trips every field, including nulls and booleans', async () => {
      const full = aCustomer({
        code: 'C2', email2: 'b@x.example', email3: 'c@x.example', language: 'el', currency: 'BGN', reminders: false,
        statementEveryDays: 30, agentEmail: 'agent@x.example', holdUntil: '2026-05-01', notes: 'call first',
        contactPerson: 'Γιώργος Παπαδόπουλος', phone: '+30 210 1234567', addressLine1: 'Οδός Αθηνάς 12', addressLine2: '3ος όροφος',
        postalCode: '105 51', city: 'Αθήνα', country: 'GR',
      });
      await store.write((sql) => upsertCustomers(sql, [aCustomer(), full]));
      expect(await store.read((sql) => getCustomer(sql, 'C2'))).toEqual(full);
      expect(await store.read((sql) => getCustomer(sql, 'C001'))).toEqual(aCustomer());
      expect(await store.read((sql) => getCustomer(sql, 'nope'))).toBeNull();
    });

    it('upsert replaces by code; list is ordered, searchable and pageable', async () => {
      await store.write((sql) =>
        upsertCustomers(sql, [aCustomer({ code: 'B', name: 'Beta' }), aCustomer({ code: 'A', name: 'Alpha' })]),
      );
      await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'B', name: 'Beta Two' })]));
      expect((await store.read((sql) => listCustomers(sql))).length).toBe(2);
      expect((await store.read((sql) => listCustomers(sql))).map((c) => c.name)).toEqual(['Alpha', 'Beta Two']);
      expect((await store.read((sql) => listCustomers(sql, { search: 'two' }))).map((c) => c.code)).toEqual(['B']);
      expect((await store.read((sql) => listCustomers(sql, { limit: 1, offset: 1 }))).map((c) => c.code)).toEqual(['B']);
      await store.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'P', name: '100% Pure_Oil' })]));
      expect((await store.read((sql) => listCustomers(sql, { search: '0% p' }))).map((c) => c.code)).toEqual(['P']);
      expect((await store.read((sql) => listCustomers(sql, { search: 'e_o' }))).map((c) => c.code)).toEqual(['P']);
      expect(await store.read((sql) => listCustomers(sql, { search: 'a_' }))).toEqual([]);
    });

    it('sets hold, reminders and statement interval; unknown customers and bad intervals are refused', async () => {
      await store.write((sql) => upsertCustomers(sql, [aCustomer()]));
      await store.write(async (sql) => {
        await setHold(sql, 'C001', '2026-06-30');
        await setReminders(sql, 'C001', false);
        await setStatementInterval(sql, 'C001', 14);
      });
      expect(await store.read((sql) => getCustomer(sql, 'C001'))).toMatchObject({ holdUntil: '2026-06-30', reminders: false, statementEveryDays: 14 });
      await expect(store.write((sql) => setHold(sql, 'GHOST', null))).rejects.toThrow(new UserError('unknown customer GHOST'));
      await expect(store.write((sql) => setStatementInterval(sql, 'C001', 0))).rejects.toThrow(/positive whole number/);
    });

    it('counts the customers of each named profile', async () => {
      await store.write((sql) =>
        upsertCustomers(sql, [aCustomer({ code: 'A', profile: 'gentle' }), aCustomer({ code: 'B', profile: 'gentle' }), aCustomer({ code: 'C', profile: 'strict' }), aCustomer({ code: 'D' })]),
      );
      expect(await store.read(customersPerProfile)).toEqual(new Map([['gentle', 2], ['strict', 1]]));
    });
  });

  describe('items', () => {
    beforeEach(async () => {
      await store.write((sql) => upsertCustomers(sql, [aCustomer(), aCustomer({ code: 'C2' })]));
    });

    it('round-trips and lists per customer by due date', async () => {
      const credit = anItem({ number: 'CN-1', kind: 'credit_note', amount: -2500, openAmount: -2500, dueDate: '2026-01-10', case: 'K1', reference: 'R', holdUntil: '2026-02-01' });
      await store.write((sql) => upsertItems(sql, [anItem(), credit, anItem({ customerCode: 'C2', number: 'X' })]));
      expect(await store.read((sql) => itemOf(sql, 'C001', 'CN-1'))).toEqual(credit);
      expect((await store.read((sql) => listItems(sql, 'C001'))).map((i) => i.number)).toEqual(['CN-1', 'INV-1']);
      expect(await store.read((sql) => listItems(sql))).toHaveLength(3);
    });

    it('open items exclude settled ones and filter by currency; closeItems settles', async () => {
      await store.write((sql) =>
        upsertItems(sql, [
          anItem({ number: 'I1' }), anItem({ number: 'I2', currency: 'USD' }), anItem({ number: 'I3', openAmount: 0 }),
        ]),
      );
      expect((await store.read((sql) => openItemsOf(sql, 'C001'))).map((i) => i.number)).toEqual(['I1', 'I2']);
      expect((await store.read((sql) => openItemsOf(sql, 'C001', 'USD'))).map((i) => i.number)).toEqual(['I2']);
      expect(await store.write((sql) => closeItems(sql, ['I1', 'I3', 'missing'].map((number) => ({ customerCode: 'C001', number }))))).toBe(1);
      expect((await store.read((sql) => openItemsOf(sql, 'C001'))).map((i) => i.number)).toEqual(['I2']);
    });

    it('enforces the customer foreign key and rolls the whole write back', async () => {
      const write = store.write((sql) => upsertItems(sql, [anItem({ number: 'OK' }), anItem({ customerCode: 'GHOST' })]));
      await expect(write).rejects.toThrow(/foreign key/i);
      expect(await store.read((sql) => listItems(sql))).toEqual([]);
    });
  });

  describe('payments and plans', () => {
    beforeEach(async () => {
      await store.write((sql) => upsertCustomers(sql, [aCustomer()]));
    });

    it('payments round-trip and upsert by reference', async () => {
      const linked = aPayment({ reference: 'P2', itemNumber: 'INV-1', case: 'K1', date: '2026-01-05' });
      await store.write((sql) => upsertPayments(sql, [aPayment(), linked]));
      await store.write((sql) => upsertPayments(sql, [aPayment({ amount: 7000 })]));
      expect(await store.read((sql) => paymentOf(sql, 'P2'))).toEqual(linked);
      expect((await store.read((sql) => listPayments(sql, 'C001'))).map((p) => [p.reference, p.amount])).toEqual([['P2', 5000], ['PAY-1', 7000]]);
    });

    it('plans round-trip, upsert by case and filter active ones', async () => {
      const ended = aPlan({ case: 'K2', active: false, endDate: '2026-12-31' });
      await store.write((sql) => upsertPlans(sql, [aPlan(), ended]));
      expect(await store.read((sql) => planOf(sql, 'C001', 'K2'))).toEqual(ended);
      expect((await store.read((sql) => listPlans(sql))).map((p) => p.case)).toEqual(['CASE-1', 'K2']);
      expect((await store.read((sql) => listPlans(sql, { activeOnly: true, customerCode: 'C001' }))).map((p) => p.case)).toEqual(['CASE-1']);
    });
  });

  describe('message history', () => {
    it('inserts with items and cases and reads them back', async () => {
      const message = aMessage({
        kind: 'installment', to: ['a@x.example', 'b@x.example'], cc: ['agent@x.example'],
        items: [{ itemNumber: 'INV-1', level: 'first', openAmount: 10000 }, { itemNumber: 'INV-2', level: null, openAmount: 5 }],
        cases: ['K1', 'K2'],
      });
      const id = await store.write((sql) => insertMessage(sql, message));
      expect(await store.read((sql) => getMessage(sql, id))).toEqual({ id, ...message });
      expect(await store.read((sql) => getMessage(sql, id + 1))).toBeNull();
    });

    it('updates status and error; marks interrupted sends uncertain', async () => {
      const [sending, other] = await store.write(async (sql) => [
        await insertMessage(sql, aMessage({ status: 'sending', messageId: '<1@t>' })),
        await insertMessage(sql, aMessage({ status: 'sending', messageId: '<2@t>' })),
      ]);
      await store.write((sql) => updateMessageStatus(sql, other ?? 0, 'failed', '550 no such user', '2026-02-15T09:01:00Z'));
      expect(await store.read((sql) => getMessage(sql, other ?? 0))).toMatchObject({ status: 'failed', error: '550 no such user', updatedAt: '2026-02-15T09:01:00Z' });
      expect(await store.write((sql) => markSendingUncertain(sql, '2026-02-16T00:00:00Z'))).toBe(1);
      expect(await store.read((sql) => getMessage(sql, sending ?? 0))).toMatchObject({ status: 'uncertain', error: 'interrupted while sending' });
      await expect(store.write((sql) => updateMessageStatus(sql, 999, 'sent', null))).rejects.toThrow('unknown message id 999');
    });

    it('lists by date range, status and customer, oldest first; timeline per customer', async () => {
      await store.write(async (sql) => {
        await insertMessage(sql, aMessage({ messageId: '<a>', asOf: '2026-03-01', items: [{ itemNumber: 'I', level: 'l1', openAmount: 1 }] }));
        await insertMessage(sql, aMessage({ messageId: '<b>', asOf: '2026-01-01', status: 'failed' }));
        await insertMessage(sql, aMessage({ messageId: '<c>', asOf: '2026-02-01', customerCode: 'C2', cases: ['K'] }));
      });
      const ids = async (filter: Parameters<typeof listMessages>[1]): Promise<string[]> => (await store.read((sql) => listMessages(sql, filter))).map((m) => m.messageId);
      expect(await ids({})).toEqual(['<b>', '<c>', '<a>']);
      expect(await ids({ from: '2026-01-15', to: '2026-02-28' })).toEqual(['<c>']);
      expect(await ids({ status: 'sent' })).toEqual(['<c>', '<a>']);
      expect(await ids({ customer: 'C001', status: 'sent' })).toEqual(['<a>']);
      const timeline = (await store.read((sql) => customerTimeline(sql, 'C001')));
      expect(timeline.map((m) => m.messageId)).toEqual(['<b>', '<a>']);
      expect(timeline[1]?.items).toEqual([{ itemNumber: 'I', level: 'l1', openAmount: 1 }]);
      expect((await store.read((sql) => customerTimeline(sql, 'C2')))[0]?.cases).toEqual(['K']);
    });

    it('refuses a second message with the same Message-ID', async () => {
      await store.write((sql) => insertMessage(sql, aMessage()));
      await expect(store.write((sql) => insertMessage(sql, aMessage()))).rejects.toThrow(/UNIQUE|duplicate key/);
      expect(await store.read((sql) => listMessages(sql))).toHaveLength(1);
    });
  });

  describe('in-memory store', () => {
    it('rolls back a write whose change throws and passes the error on', async () => {
      const failing = store.write(async (sql) => {
        await upsertCustomers(sql, [aCustomer()]);
        throw new Error('changed my mind');
      });
      await expect(failing).rejects.toThrow('changed my mind');
      expect((await store.read((sql) => listCustomers(sql))).length).toBe(0);
      if (engine.name === 'sql.js') expect([store.kind, store.location]).toEqual(['memory', 'in-memory database']);
      if (engine.name === 'sql.js') expect(await valuesOf(store, 'PRAGMA foreign_keys')).toEqual([[1]]);
    });

    it('keeps an asynchronous change inside its transaction', async () => {
      const asyncChange = store.write(async (sql) => {
        await upsertCustomers(sql, [aCustomer()]);
        await Promise.resolve();
        throw new Error('after awaiting');
      });
      await expect(asyncChange).rejects.toThrow('after awaiting');
      expect((await store.read((sql) => listCustomers(sql))).length).toBe(0);
    });
  });
});
