/** Promises to pay (docs/reference/rules.md §9.2): protected until the date plus grace, escalated once when broken. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { PaymentPromise } from '../../src/core/domain.js';
import { resolvePolicy } from '../../src/core/policy.js';
import type { PromiseSnapshot } from '../../src/core/rules/input.js';
import { due, planOf, snapshot } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);
const policy = resolvePolicy({ policy: { promiseGraceDays: 2 } });

function promised(partial: Partial<PaymentPromise> = {}, paidSince = 0): PromiseSnapshot {
  return {
    promise: {
      id: 1, customerCode: 'C001', madeOn: overdueBy(10), promisedDate: overdueBy(3), amount: 10000, currency: 'EUR',
      items: ['INV-1'], note: '', operator: 'ana', createdAt: '2026-03-01T09:00:00Z', ...partial,
    },
    paidSince,
  };
}

describe('a promise to pay', () => {
  it.each([
    // Promised 3 days ago, 2 days of grace: the last protected day was yesterday.
    { name: 'date passed, within grace', promisedDate: overdueBy(2), levels: [] },
    { name: 'date today', promisedDate: D, levels: [] },
    { name: 'broken yesterday', promisedDate: overdueBy(4), levels: ['second'] },
    { name: 'broken today', promisedDate: overdueBy(3), levels: ['second'] },
  ])('$name → $levels', ({ promisedDate, levels }) => {
    // Reminded at first; 10 days overdue it would otherwise wait for second until day 21.
    const history = { 'INV-1': [{ level: 'first', latest: overdueBy(3) }] };
    const result = planOf([snapshot([due(overdueBy(10))], { history, promises: [promised({ promisedDate })] })], D, policy);
    expect(result.messages.map((message) => message.level)).toEqual(levels);
  });

  it('keeps a pending item from being reminded while open', () => {
    const result = planOf([snapshot([due(overdueBy(25))], { promises: [promised({ promisedDate: addDays(D, 5) })] })], D, policy);
    expect(result.messages).toEqual([]);
  });

  it('kept (the amount arrived since it was made): no escalation', () => {
    const history = { 'INV-1': [{ level: 'first', latest: overdueBy(3) }] };
    const result = planOf([snapshot([due(overdueBy(10))], { history, promises: [promised({}, 10000)] })], D, policy);
    expect(result.messages).toEqual([]);
  });

  it('broken: the reminder names the promise, and escalation happens once', () => {
    const history = { 'INV-1': [{ level: 'first', latest: overdueBy(3) }] };
    const [message] = planOf([snapshot([due(overdueBy(10))], { history, promises: [promised({}, 4000)] })], D, policy).messages;
    expect(message?.promise).toMatchObject({ promisedDate: overdueBy(3), amount: 10000 });
    const after = { 'INV-1': [...history['INV-1'], { level: 'second', latest: D }] };
    expect(planOf([snapshot([due(overdueBy(12))], { history: after, promises: [promised({}, 4000)] })], addDays(D, 2), policy).messages).toEqual([]);
  });

  it('covers only its own items', () => {
    const other = due(overdueBy(25), { number: 'INV-2' });
    const result = planOf([snapshot([due(overdueBy(25)), other], { promises: [promised({ promisedDate: addDays(D, 5) })] })], D, policy);
    expect(result.messages.map((message) => message.reminds)).toEqual([['INV-2']]);
  });

  it('is ignored in a replay before the day it was made', () => {
    const result = planOf([snapshot([due(overdueBy(25))], { promises: [promised({ madeOn: addDays(D, 1), promisedDate: addDays(D, 9) })] })], D, policy);
    expect(result.messages.map((message) => message.level)).toEqual(['second']);
  });
});
