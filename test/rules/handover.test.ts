/** `maxRepeats` (docs/reference/rules.md §2.6, §9.4): a capped repeating level stops reminding, and the item is handed over. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { makeLadder, reachedLevel, standing } from '../../src/core/rules/ladder.js';
import { toDayNumber } from '../../src/core/dates.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { handedOverItems } from '../../src/core/rules/handover.js';
import { due, planOf, snapshot } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);
const levels = [
  { id: 'first', name: 'First reminder', days: 7, template: 'first' },
  { id: 'final', name: 'Final notice', days: 30, template: 'final', repeatEveryDays: 14, maxRepeats: 2 },
];
const policy = resolvePolicy({ policy: { levels } });

describe('maxRepeats caps the repeats of the last level', () => {
  it.each([
    { count: 1, daysAgo: 14, pending: true, handedOver: false },
    { count: 2, daysAgo: 14, pending: true, handedOver: false },
    // First send plus two repeats: the cap is reached.
    { count: 3, daysAgo: 13, pending: false, handedOver: false },
    { count: 3, daysAgo: 14, pending: false, handedOver: true },
    { count: 4, daysAgo: 40, pending: false, handedOver: true },
  ])('sent $count times, the latest $daysAgo days ago → pending $pending, handed over $handedOver', ({ count, daysAgo, pending, handedOver }) => {
    const history = { 'INV-1': [{ level: 'final', latest: addDays(D, -daysAgo), count }] };
    const result = planOf([snapshot([due(overdueBy(90))], { history })], D, policy);
    expect(result.messages.length).toBe(pending ? 1 : 0);
    const ladder = makeLadder(levels);
    const reached = reachedLevel(ladder, 10000, 90);
    expect(standing(ladder, reached, history['INV-1'], toDayNumber(D), toDayNumber) === 'handed-over').toBe(handedOver);
  });

  it('a handed-over item is left out of the reminder about another item', () => {
    const history = { 'INV-1': [{ level: 'final', latest: addDays(D, -20), count: 3 }] };
    const other = due(overdueBy(8), { number: 'INV-2' });
    const [message] = planOf([snapshot([due(overdueBy(90)), other], { history })], D, policy).messages;
    expect(message?.lines.map((line) => line.item.number)).toEqual(['INV-2']);
  });

  it('without maxRepeats the last level repeats for ever', () => {
    const unlimited = resolvePolicy({ policy: { levels: levels.map(({ maxRepeats: _, ...level }) => level) } });
    const history = { 'INV-1': [{ level: 'final', latest: addDays(D, -14), count: 40 }] };
    expect(planOf([snapshot([due(overdueBy(900))], { history })], D, unlimited).messages.length).toBe(1);
  });
});

describe('handedOverItems', () => {
  it('lists exactly the items planning stopped reminding for their cap, with the level and days overdue', () => {
    const history = {
      'INV-1': [{ level: 'final', latest: addDays(D, -20), count: 3 }],
      'INV-2': [{ level: 'final', latest: addDays(D, -20), count: 2 }],
    };
    const items = [due(overdueBy(90)), due(overdueBy(90), { number: 'INV-2' }), due(overdueBy(95), { number: 'INV-3', dispute: 'wrong' })];
    const listed = handedOverItems([snapshot(items, { history })], policy, D);
    expect(listed.map((entry) => [entry.customer.code, entry.item.number, entry.level, entry.daysOverdue])).toEqual([['C001', 'INV-1', 'final', 90]]);
  });
});
