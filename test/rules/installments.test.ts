/** Installment notices (docs/reference/rules.md §7): a month counts as paid only when the case's payments reach the installment; the notice asks the shortfall. */
import { describe, expect, it } from 'vitest';
import { due, planOf, planSnapshot, snapshot } from './snapshots.js';

const D = '2026-03-20';

function notice(paid: { date: string; amount: number }[], caseRemaining = 60_000, installment = 20_000) {
  const plans = [planSnapshot({ plan: { startDate: '2026-01-01', dayOfMonth: 5, installment }, paymentsInMonth: paid, caseTotal: 100_000, caseRemaining })];
  return planOf([snapshot([], { plans })], D).messages;
}

describe('installment shortfalls', () => {
  it.each([
    { paid: [{ date: '2026-03-05', amount: 100 }], total: 19_900, paidThisMonth: 100 }, // paid 1.00 of 200.00: 199.00 due
    { paid: [{ date: '2026-03-05', amount: 10_000 }, { date: '2026-03-06', amount: 5_000 }], total: 5_000, paidThisMonth: 15_000 },
    { paid: [{ date: '2026-03-21', amount: 20_000 }], total: 20_000, paidThisMonth: 0 }, // dated after D
    { paid: [{ date: '2026-02-28', amount: 20_000 }], total: 20_000, paidThisMonth: 0 }, // last month
    { paid: [], total: 20_000, paidThisMonth: 0 },
  ])('payments $paid → asks $total', ({ paid, total, paidThisMonth }) => {
    const [message] = notice(paid);
    expect(message?.total).toBe(total);
    expect(message?.cases[0]).toMatchObject({ missed: true, shortfall: total, paidThisMonth, paid: 40_000, remaining: 60_000 });
  });

  it('payments adding up to the installment make the month paid', () => {
    expect(notice([{ date: '2026-03-01', amount: 12_000 }, { date: '2026-03-19', amount: 8_000 }])).toEqual([]);
  });

  it('never asks more than the debt that remains', () => {
    const [message] = notice([], 7_500);
    expect(message?.total).toBe(7_500);
  });

  it('the amount asked is the sum of the missed cases shortfalls, not the whole debt; cases paid list no shortfall', () => {
    const plans = [
      planSnapshot({ plan: { case: 'A', startDate: '2026-01-01', dayOfMonth: 5, installment: 20_000 }, paymentsInMonth: [{ date: '2026-03-05', amount: 100 }] }),
      planSnapshot({ plan: { case: 'B', startDate: '2026-01-01', dayOfMonth: 5, installment: 8_000 } }),
      planSnapshot({ plan: { case: 'C', startDate: '2026-01-01', dayOfMonth: 5, installment: 5_000 }, paymentsInMonth: [{ date: '2026-03-04', amount: 5_000 }] }),
    ];
    const [message] = planOf([snapshot([due('2026-01-01', { case: 'A' })], { plans })], D).messages;
    expect(message?.reminds).toEqual(['A', 'B']);
    expect(message?.cases.map((entry) => [entry.case, entry.shortfall])).toEqual([['A', 19_900], ['B', 8_000], ['C', 0]]);
    expect(message?.total).toBe(27_900);
  });
});
