/** Statement cadence and installment notices (docs/reference/rules.md §4, §7) with fixed as-of dates, month ends and leap years. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { due, planOf, planSnapshot, policyWith, snapshot, summary } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);

describe('statement cadence', () => {
  // Already reminded at first: nothing pending, but open and overdue.
  const quiet = { history: { 'INV-1': [{ level: 'first', latest: overdueBy(2) }] } };
  it.each([
    { last: null, every: 10, statement: true },
    { last: addDays(D, -10), every: 10, statement: true }, // exactly N days
    { last: addDays(D, -9), every: 10, statement: false },
    { last: addDays(D, -40), every: null, statement: false }, // off by default
  ])('last message $last, every $every → statement $statement', ({ last, every, statement }) => {
    const result = planOf([snapshot([due(overdueBy(9))], { ...quiet, lastMessageAsOf: last })], D, policyWith({ statementEveryDays: every }));
    expect(summary(result)).toEqual(statement ? [{ key: 'C001-EUR-statement', level: null, reminds: ['INV-1'] }] : []);
  });

  it("the customer's own interval wins over the policy's", () => {
    const options = { ...quiet, lastMessageAsOf: addDays(D, -5), customer: { statementEveryDays: 5 } };
    expect(planOf([snapshot([due(overdueBy(9))], options)], D, policyWith({ statementEveryDays: 30 })).messages.map((m) => m.kind)).toEqual(['statement']);
  });

  it('yields to a level message due the same day', () => {
    const result = planOf([snapshot([due(overdueBy(7))], { lastMessageAsOf: null })], D, policyWith({ statementEveryDays: 1 }));
    expect(result.messages.map((message) => message.kind)).toEqual(['reminder']);
  });

  it('needs open items in scope: none overdue under "overdue", listed under "all-open"', () => {
    const notDue = [due(addDays(D, 30))];
    expect(planOf([snapshot(notDue)], D, policyWith({ statementEveryDays: 10 })).messages).toEqual([]);
    const result = planOf([snapshot(notDue)], D, policyWith({ statementEveryDays: 10, scope: 'all-open' }));
    expect(result.messages.map((message) => [message.kind, message.template, message.fee])).toEqual([['statement', 'statement', 0]]);
  });
});

describe('installments', () => {
  const installmentOf = (asOf: string, plan: Parameters<typeof planSnapshot>[0], graceDays = 0) =>
    planOf([snapshot([], { plans: [planSnapshot(plan)] })], asOf, policyWith({ installments: { enabled: true, graceDays } }));

  it.each([
    // Day 31 clamps to the month's last day; February 2028 is a leap year, 2026 and 2100 are not.
    { asOf: '2026-02-27', day: 31, missed: false },
    { asOf: '2026-02-28', day: 31, missed: true },
    { asOf: '2028-02-28', day: 30, missed: false },
    { asOf: '2028-02-29', day: 30, missed: true },
    { asOf: '2100-02-28', day: 29, missed: true },
    { asOf: '2026-04-30', day: 31, missed: true },
    { asOf: '2026-03-14', day: 15, missed: false },
    { asOf: '2026-03-15', day: 15, missed: true }, // on the expected day itself (grace 0)
  ])('on $asOf with day $day → missed $missed', ({ asOf, day, missed }) => {
    const result = installmentOf(asOf, { plan: { dayOfMonth: day, startDate: '2026-01-01' } });
    expect(result.messages.map((message) => message.reminds)).toEqual(missed ? [['CASE-1']] : []);
  });

  it.each([
    { asOf: '2026-03-19', grace: 5, missed: false },
    { asOf: '2026-03-20', grace: 5, missed: true }, // expected + grace exactly
  ])('grace $grace days on $asOf → missed $missed', ({ asOf, grace, missed }) => {
    expect(installmentOf(asOf, { plan: { startDate: '2026-01-01' } }, grace).messages.length).toBe(missed ? 1 : 0);
  });

  it.each([
    { payments: ['2026-03-01'], missed: false }, // paid early in the month
    { payments: ['2026-03-20'], missed: false }, // paid on D
    { payments: ['2026-03-21'], missed: true }, // dated after D: does not count yet
    { payments: ['2026-02-28'], missed: true }, // last month's payment
    { payments: [], missed: true },
  ])('payments $payments by 2026-03-20 → missed $missed', ({ payments, missed }) => {
    const result = installmentOf('2026-03-20', { plan: { startDate: '2026-01-01' }, paymentsInMonth: payments.map((date) => ({ date, amount: 2500 })) });
    expect(result.messages.length).toBe(missed ? 1 : 0);
  });

  it('no installment expected before the plan starts or after it ends in the month', () => {
    expect(installmentOf('2026-03-20', { plan: { startDate: '2026-03-16' } }).messages).toEqual([]);
    expect(installmentOf('2026-03-20', { plan: { startDate: '2026-01-01', endDate: '2026-03-14' } }).messages).toEqual([]);
  });

  it('at most once per case per month, and a case without remaining debt never misses', () => {
    expect(installmentOf('2026-03-20', { plan: { startDate: '2026-01-01' }, noticedThisMonth: true }).messages).toEqual([]);
    expect(installmentOf('2026-03-20', { plan: { startDate: '2026-01-01' }, caseRemaining: 0 }).messages).toEqual([]);
  });

  it('one notice per debtor listing all its active cases with total and remaining debt', () => {
    const plans = [
      planSnapshot({ plan: { case: 'A', startDate: '2026-01-01', dayOfMonth: 5 }, caseTotal: 50000, caseRemaining: 20000 }),
      planSnapshot({ plan: { case: 'B', startDate: '2026-01-01', dayOfMonth: 5 }, paymentsInMonth: [{ date: '2026-03-06', amount: 2500 }], caseTotal: 90000, caseRemaining: 45000 }),
      planSnapshot({ plan: { case: 'C', startDate: '2026-01-01', active: false } }),
    ];
    const result = planOf([snapshot([], { plans })], '2026-03-20');
    expect(summary(result)).toEqual([{ key: 'C001-EUR-installment', level: null, reminds: ['A'] }]);
    const [message] = result.messages;
    expect(message?.cases.map((planned) => [planned.case, planned.missed, planned.total, planned.remaining, planned.expectedDate])).toEqual([
      ['A', true, 50000, 20000, '2026-03-05'],
      ['B', false, 90000, 45000, '2026-03-05'],
    ]);
    // The amount asked is this month's shortfall of the missed case, not its whole debt.
    expect(message?.total).toBe(2500);
    expect(message?.template).toBe('installment');
  });

  it('policy.installments.enabled = false sends no notices', () => {
    const result = planOf([snapshot([], { plans: [planSnapshot({ plan: { startDate: '2026-01-01' } })] })], '2026-03-20', policyWith({ installments: { enabled: false, graceDays: 0 } }));
    expect(result.messages).toEqual([]);
  });
});
