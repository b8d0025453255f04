/** The statements feature on a real in-memory ledger: currencies, scope, kinds and activity periods. */
import { describe, expect, it } from 'vitest';
import { planDue } from '../../src/planning/plan-due.js';
import type { Settings } from '../../src/core/settings.js';
import { statementsNow } from '../../src/statements/statements-now.js';
import { aCustomer, aMessage, anItem, aPayment, makeLedger } from '../helpers/store.js';
import { seed } from '../planning/seed.js';

const D = '2026-03-20';

async function ledger() {
  const store = await makeLedger();
  await seed(store, {
    customers: [aCustomer({ code: 'C001', currency: 'EUR' })],
    items: [
      anItem({ number: 'E-1', issueDate: '2026-01-01', dueDate: '2026-02-01', amount: 10000, openAmount: 6000 }),
      anItem({ number: 'E-2', issueDate: '2026-03-10', dueDate: '2026-04-10', amount: 2000, openAmount: 2000 }),
      anItem({ number: 'E-HOLD', issueDate: '2026-01-05', dueDate: '2026-02-05', amount: 700, openAmount: 700, holdUntil: '2026-12-31' }),
      anItem({ number: 'U-1', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 500, openAmount: 500, currency: 'USD' }),
      // Settled long ago in GBP: no statement in that currency.
      anItem({ number: 'G-1', issueDate: '2025-01-01', dueDate: '2025-02-01', amount: 900, openAmount: 0, currency: 'GBP' }),
    ],
    payments: [
      aPayment({ reference: 'P-1', date: '2026-03-05', amount: 4000, itemNumber: 'E-1' }),
      aPayment({ reference: 'P-G', date: '2025-01-20', amount: 900, itemNumber: 'G-1', currency: 'GBP' }),
      aPayment({ reference: 'P-ACC', date: '2026-03-12', amount: 300 }),
    ],
  });
  return store;
}

describe('statementsNow', () => {
  it('makes one open-items statement per currency with open items not on hold, all open by default', async () => {
    const store = await ledger();
    const messages = await statementsNow(store, {}, 'C001', { asOf: D });
    // EUR: 6000 overdue less the 300 paid on account (listed below the items) is asked for; E-2's
    // 2000 is shown but not due until April.
    expect(messages.map((m) => [m.key, m.template, m.reminds, m.total, m.notYetDue, m.unapplied, m.payments.map((p) => p.reference), m.activity])).toEqual([
      ['C001-EUR-statement', 'statement', ['E-1', 'E-2'], 5700, 2000, 300, ['P-ACC'], undefined],
      ['C001-USD-statement', 'statement', ['U-1'], 500, 0, 0, [], undefined],
    ]);
    expect((await statementsNow(store, {}, 'C001', { asOf: D, scope: 'overdue' })).map((m) => m.reminds)).toEqual([['E-1'], ['U-1']]);
    await expect(statementsNow(store, {}, 'NOPE', { asOf: D })).rejects.toThrow('unknown customer "NOPE"');
  });

  it('activity: a payment on account is a line in the customer currency; the closing balance nets it', async () => {
    const store = await ledger();
    const [eur] = await statementsNow(store, {}, 'C001', { asOf: D, kind: 'activity', from: '2026-03-01' });
    expect(eur?.template).toBe('activity');
    expect(eur?.activity?.opening).toBe(10700);
    expect(eur?.activity?.lines.map((l) => l.reference)).toEqual(['P-1', 'E-2', 'P-ACC']);
    // Open items 6000 + 2000 + 700 (on hold, still owed) minus 300 on account.
    expect(eur?.activity?.closing).toBe(8400);
  });

  it.each<[string, Settings, ReturnType<typeof aMessage>[], string]>([
    ['no earlier statement and no interval: the last 30 days', {}, [], '2026-02-19'],
    ['the policy interval', { policy: { statementEveryDays: 14 } }, [], '2026-03-07'],
    ['the day after the previous statement in that currency', { policy: { statementEveryDays: 14 } }, [aMessage({ kind: 'statement', level: null, asOf: '2026-02-28' })], '2026-03-01'],
    [
      'a failed statement, another currency or a reminder do not count',
      {},
      [aMessage({ kind: 'statement', level: null, asOf: '2026-03-10', status: 'failed' }), aMessage({ kind: 'statement', level: null, asOf: '2026-03-11', currency: 'USD' }), aMessage({ asOf: '2026-03-12' })],
      '2026-02-19',
    ],
  ])('activity period by default: %s', async (_, settings, messages, from) => {
    const store = await ledger();
    await seed(store, { messages });
    const [eur] = await statementsNow(store, settings, 'C001', { asOf: D, kind: 'activity' });
    expect([eur?.activity?.from, eur?.activity?.to]).toEqual([from, D]);
  });
});

describe('periodic activity statements', () => {
  it('the cadence sends activity statements with policy.statementKind activity, open-items ones without', async () => {
    const store = await ledger();
    const levels = [{ id: 'late', name: 'Late', days: 400, template: 'final' }];
    const plain = await planDue(store, { policy: { statementEveryDays: 10, levels } }, D);
    expect(plain.messages.map((m) => [m.key, m.template, m.activity])).toEqual([
      ['C001-EUR-statement', 'statement', undefined],
      ['C001-USD-statement', 'statement', undefined],
    ]);
    const activity = await planDue(store, { policy: { statementEveryDays: 10, statementKind: 'activity', levels } }, D);
    expect(activity.messages.map((m) => [m.key, m.template, m.activity?.from, m.activity?.closing])).toEqual([
      ['C001-EUR-statement', 'activity', '2026-03-11', 8400],
      ['C001-USD-statement', 'activity', '2026-03-11', 500],
    ]);
  });

  it('the cadence shows the same activity as a statement made by hand: from the day after the previous one that may have reached the customer', async () => {
    const store = await ledger();
    await seed(store, {
      messages: [
        aMessage({ kind: 'statement', level: null, asOf: '2026-02-28' }),
        aMessage({ kind: 'statement', level: null, asOf: '2026-03-05', status: 'failed' }),
        aMessage({ kind: 'statement', level: null, asOf: '2026-02-20', currency: 'USD' }),
        aMessage({ kind: 'statement', level: null, asOf: '2026-03-02', currency: 'USD', status: 'stopped' }),
      ],
    });
    const settings: Settings = { policy: { statementEveryDays: 10, statementKind: 'activity', levels: [{ id: 'late', name: 'Late', days: 400, template: 'final' }] } };
    const cadence = await planDue(store, settings, D);
    const byHand = await statementsNow(store, settings, 'C001', { asOf: D, scope: 'overdue' });
    expect(cadence.messages.map((m) => [m.key, m.activity?.from])).toEqual([
      ['C001-EUR-statement', '2026-03-01'],
      ['C001-USD-statement', '2026-02-21'],
    ]);
    expect(cadence.messages.map((m) => m.activity)).toEqual(byHand.map((m) => m.activity));
  });
});
