/** planDue on a real (in-memory) database: what the SQL loads, and that planning writes nothing. */
import { describe, expect, it } from 'vitest';
import { planDue } from '../../src/planning/plan-due.js';
import { UserError } from '../../src/core/exit-codes.js';
import type { MessageStatus } from '../../src/core/domain.js';
import { aCustomer, aMessage, anItem, aPayment, aPlan, makeLedger } from '../helpers/store.js';
import { seed } from './seed.js';

const D = '2026-03-20';

describe('planDue', () => {
  it('plans from the database with the default policy', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer(), aCustomer({ code: 'C002', email: null }), aCustomer({ code: 'C003' })],
      items: [
        anItem({ number: 'INV-1', dueDate: '2026-03-10' }),
        anItem({ number: 'INV-2', dueDate: '2026-01-10', openAmount: 0 }),
        anItem({ customerCode: 'C002', number: 'X', dueDate: '2026-03-01' }),
        anItem({ customerCode: 'C003', number: 'Y', dueDate: '2026-04-20' }),
      ],
    });
    const plan = (await planDue(store, {}, D));
    expect(plan.messages.map((m) => [m.key, m.reminds, m.total])).toEqual([['C001-EUR-first', ['INV-1'], 10000]]);
    expect(plan.skipped).toEqual([{ customer: 'C002', reason: 'no-email', detail: 'no e-mail address' }]);
  });

  it('lets the event loop turn between steps, so a desk can draw and take keys while it plans', async () => {
    const store = await makeLedger();
    const codes = ['C1', 'C2', 'C3', 'C4', 'C5'];
    await seed(store, { customers: codes.map((code) => aCustomer({ code })), items: codes.map((code) => anItem({ customerCode: code, number: `I-${code}`, dueDate: '2026-03-10' })) });
    const events: string[] = [];
    let ticking = true;
    const tick = (): void => {
      if (events.at(-1) !== 'turn') events.push('turn');
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const plan = await planDue(store, {}, D, undefined, { onProgress: (done, total) => events.push(`${done} of ${total}`), customersPerStep: 2 });
    ticking = false;
    expect(plan.messages.map((m) => m.customer.code)).toEqual(codes);
    expect(events).toEqual(['turn', '2 of 5', 'turn', '4 of 5', 'turn', '5 of 5', 'turn']);
  });

  it('plans only the customers asked for, as the whole plan plans them', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer(), aCustomer({ code: 'C002', email: null }), aCustomer({ code: 'C003' }), aCustomer({ code: 'C004' })],
      items: [
        anItem({ number: 'INV-1', dueDate: '2026-03-10' }),
        anItem({ customerCode: 'C002', number: 'X', dueDate: '2026-03-01' }),
        anItem({ customerCode: 'C003', number: 'Y', dueDate: '2026-02-20' }),
        anItem({ customerCode: 'C004', number: 'Z', dueDate: '2026-04-20' }),
      ],
    });
    const whole = (await planDue(store, {}, D));
    const some = (await planDue(store, {}, D, ['C003', 'C002', 'C004', 'C003']));
    expect(some.messages).toEqual(whole.messages.filter((m) => m.customer.code !== 'C001'));
    expect(some.skipped).toEqual(whole.skipped);
    expect((await planDue(store, {}, D, [])).messages).toEqual([]);
  });

  it.each<[MessageStatus, boolean]>([
    ['sent', false],
    ['uncertain', false],
    ['sending', false],
    ['failed', true],
  ])('an earlier message with status %s → pending again: %s', async (status, pending) => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer()],
      items: [anItem({ dueDate: '2026-03-10' })],
      messages: [aMessage({ status, level: 'first', asOf: '2026-03-17', items: [{ itemNumber: 'INV-1', level: 'first', openAmount: 10000 }] })],
    });
    expect((await planDue(store, {}, D)).messages.length).toBe(pending ? 1 : 0);
  });

  it('an item listed on a statement does not count as reminded at a level', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer()],
      items: [anItem({ dueDate: '2026-03-10' })],
      messages: [aMessage({ kind: 'statement', level: null, asOf: '2026-03-18', items: [{ itemNumber: 'INV-1', level: 'first', openAmount: 10000 }] })],
    });
    expect((await planDue(store, {}, D)).messages.map((m) => m.key)).toEqual(['C001-EUR-first']);
  });

  it('the repeat of the last level and statements read their dates from the history', async () => {
    const store = await makeLedger();
    await seed(store, {
      customers: [aCustomer(), aCustomer({ code: 'C002', statementEveryDays: 10 })],
      items: [anItem({ dueDate: '2025-12-01' }), anItem({ customerCode: 'C002', number: 'S', dueDate: '2026-03-12' })],
      messages: [
        aMessage({ level: 'final', asOf: '2026-02-18', items: [{ itemNumber: 'INV-1', level: 'final', openAmount: 10000 }] }),
        aMessage({ customerCode: 'C002', level: 'first', asOf: '2026-03-19', items: [{ itemNumber: 'S', level: 'first', openAmount: 10000 }] }),
      ],
    });
    expect((await planDue(store, {}, '2026-03-19')).messages.map((m) => m.key)).toEqual([]);
    expect((await planDue(store, {}, '2026-03-20')).messages.map((m) => m.key)).toEqual(['C001-EUR-final']);
    expect((await planDue(store, {}, '2026-03-29')).messages.map((m) => m.key)).toEqual(['C001-EUR-final', 'C002-EUR-statement']);
  });

  it('installments: case totals from items, payments through a named item, notices of this month', async () => {
    const store = await makeLedger();
    const rows = {
      customers: [aCustomer()],
      items: [
        anItem({ number: 'K1', case: 'CASE-1', amount: 60000, openAmount: 30000, dueDate: '2025-10-01' }),
        anItem({ number: 'K2', case: 'CASE-1', amount: 40000, openAmount: 0, dueDate: '2025-10-01' }),
      ],
      plans: [aPlan({ startDate: '2026-01-01', dayOfMonth: 15 })],
    };
    await seed(store, rows);
    const [notice] = (await planDue(store, {}, D)).messages;
    expect(notice?.kind).toBe('installment');
    expect(notice?.cases).toEqual([{ case: 'CASE-1', installment: 2500, expectedDate: '2026-03-15', missed: true, total: 100000, paid: 70000, remaining: 30000, paidThisMonth: 0, shortfall: 2500, currency: 'EUR' }]);

    const paid = await makeLedger();
    await seed(paid, { ...rows, payments: [aPayment({ date: '2026-03-16', amount: 2500, itemNumber: 'K2' })] });
    expect((await planDue(paid, {}, D)).messages).toEqual([]);

    const noticed = await makeLedger();
    await seed(noticed, { ...rows, messages: [aMessage({ kind: 'installment', level: null, asOf: '2026-03-16', cases: ['CASE-1'] })] });
    expect((await planDue(noticed, {}, D)).messages).toEqual([]);
    expect((await planDue(noticed, {}, '2026-04-20')).messages.map((m) => m.kind)).toEqual(['installment']);
  });

  it('refuses a ladder that is not usable, naming the problem', async () => {
    const store = await makeLedger();
    const levels = [
      { id: 'a', name: 'A', days: 10, template: 'first' },
      { id: 'a', name: 'B', days: 5, template: 'second' },
    ];
    await expect(planDue(store, { policy: { levels } }, D)).rejects.toThrow(UserError);
    await expect(planDue(store, { policy: { levels } }, D)).rejects.toThrow(/policy\.levels.*\n.*used twice/);
  });

  it('plans every customer, in code order, when they are loaded in several batches (more than 5,000)', async () => {
    const store = await makeLedger();
    const codes = Array.from({ length: 12_003 }, (_, i) => `K${String(i).padStart(5, '0')}`);
    await seed(store, {
      customers: codes.map((code) => aCustomer({ code })),
      items: codes.map((code, i) => anItem({ customerCode: code, number: `N${i}`, dueDate: '2026-03-10', amount: 100 + i, openAmount: 100 + i })),
    });
    const plan = (await planDue(store, {}, D));
    expect(plan.messages.map((m) => m.key)).toEqual(codes.map((code) => `${code}-EUR-first`));
    expect(plan.messages.map((m) => m.total)).toEqual(codes.map((_, i) => 100 + i));
  });
});
