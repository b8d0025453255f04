/** Messages (docs/reference/rules.md §3): grouping, scope, holds, credit notes, installment cases, several currencies. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { due, planOf, planSnapshot, policyWith, snapshot, summary } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);

describe('grouping per customer', () => {
  const items = [
    due(overdueBy(8), { number: 'A' }), // first, pending
    due(overdueBy(30), { number: 'B' }), // second, pending
    due(overdueBy(12), { number: 'C' }), // first, already sent → listed, not reminded
    due(overdueBy(-3), { number: 'D' }), // upcoming, pending
    due(overdueBy(-20), { number: 'E' }), // not yet due, no level
  ];
  const history = { C: [{ level: 'first', latest: overdueBy(5) }] };

  it('one message at the highest pending level; each line keeps the level it reached', () => {
    const result = planOf([snapshot(items, { history })], D);
    expect(summary(result)).toEqual([{ key: 'C001-EUR-second', level: 'second', reminds: ['A', 'B', 'D'] }]);
    const reached = Object.fromEntries(result.messages[0]!.lines.map((line) => [line.item.number, line.reached]));
    expect(reached).toEqual({ A: 'first', B: 'second', C: 'first', D: 'upcoming' });
  });

  it.each([
    { scope: 'overdue' as const, listed: ['A', 'B', 'C', 'D'] },
    { scope: 'all-open' as const, listed: ['A', 'B', 'C', 'D', 'E'] },
  ])('scope $scope lists $listed', ({ scope, listed }) => {
    const [message] = planOf([snapshot(items, { history })], D, policyWith({ scope })).messages;
    expect(message?.lines.map((line) => line.item.number).sort()).toEqual(listed);
    // A, B and C are overdue; D (reminded before it falls due) and E are listed, not asked for.
    expect(message?.total).toBe(30000);
    expect(message?.notYetDue).toBe((listed.length - 3) * 10000);
  });

  it('one message per currency', () => {
    const result = planOf([snapshot([due(overdueBy(8), { number: 'E1' }), due(overdueBy(50), { number: 'U1', currency: 'USD' }), due(overdueBy(9), { number: 'J1', currency: 'JPY', amount: 500, openAmount: 500 })])], D);
    expect(summary(result)).toEqual([
      { key: 'C001-EUR-first', level: 'first', reminds: ['E1'] },
      { key: 'C001-JPY-first', level: 'first', reminds: ['J1'] },
      { key: 'C001-USD-final', level: 'final', reminds: ['U1'] },
    ]);
    expect(result.messages.map((message) => message.total)).toEqual([10000, 500, 10000]);
  });

  it('a customer with nothing pending gets nothing, even with overdue items', () => {
    expect(planOf([snapshot(items.slice(2, 3), { history })], D).messages).toEqual([]);
  });
});

describe('grouping per item', () => {
  it('every pending item gets its own message listing only that item', () => {
    const items = [due(overdueBy(8), { number: 'A' }), due(overdueBy(30), { number: 'B' }), due(overdueBy(12), { number: 'C' })];
    const result = planOf([snapshot(items, { history: { C: [{ level: 'first', latest: overdueBy(5) }] } })], D, policyWith({ grouping: 'item' }));
    expect(summary(result)).toEqual([
      { key: 'C001-EUR-first-A', level: 'first', reminds: ['A'] },
      { key: 'C001-EUR-second-B', level: 'second', reminds: ['B'] },
    ]);
    expect(result.messages.every((message) => message.lines.length === 1)).toBe(true);
  });
});

describe('holds', () => {
  it.each([
    { holdUntil: addDays(D, -1), listed: true },
    { holdUntil: D, listed: false }, // hold-until on the as-of date still holds
    { holdUntil: addDays(D, 1), listed: false },
  ])('item on hold until $holdUntil → listed $listed', ({ holdUntil, listed }) => {
    const held = due(overdueBy(10), { number: 'H', holdUntil });
    const result = planOf([snapshot([due(overdueBy(8), { number: 'A' }), held])], D);
    expect(result.messages[0]?.lines.some((line) => line.item.number === 'H')).toBe(listed);
    expect(result.messages[0]?.reminds).toEqual(listed ? ['A', 'H'] : ['A']);
  });

  it.each([
    { holdUntil: addDays(D, -1), skipped: false },
    { holdUntil: D, skipped: true },
  ])('customer on hold until $holdUntil → skipped $skipped', ({ holdUntil, skipped }) => {
    const result = planOf([snapshot([due(overdueBy(8))], { customer: { holdUntil } })], D);
    expect(result.messages.length).toBe(skipped ? 0 : 1);
    expect(result.skipped).toEqual(skipped ? [{ customer: 'C001', reason: 'on-hold', detail: `on hold until ${D}` }] : []);
  });
});

describe('installment cases are left to the installment rule', () => {
  it('items of a case under an active plan are neither reminded nor listed', () => {
    const items = [due(overdueBy(8), { number: 'A' }), due(overdueBy(30), { number: 'K', case: 'CASE-1' })];
    const result = planOf([snapshot(items, { plans: [planSnapshot({ plan: { startDate: '2026-01-01' } })] })], D, policyWith({ installments: { enabled: false, graceDays: 0 } }));
    expect(summary(result)).toEqual([{ key: 'C001-EUR-first', level: 'first', reminds: ['A'] }]);
    expect(result.messages[0]?.lines.map((line) => line.item.number)).toEqual(['A']);
  });

  it.each([
    { name: 'inactive', plan: { active: false } },
    { name: 'not started yet', plan: { startDate: addDays(D, 1) } },
    { name: 'ended before D', plan: { startDate: '2025-01-01', endDate: addDays(D, -1) } },
  ])('a plan that is $name does not protect its items', ({ plan }) => {
    const result = planOf([snapshot([due(overdueBy(30), { number: 'K', case: 'CASE-1' })], { plans: [planSnapshot({ plan })] })], D);
    expect(result.messages[0]?.reminds).toEqual(['K']);
  });
});
