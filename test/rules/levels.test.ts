/** The ladder (docs/reference/rules.md §2): reaches, pending, no retroactive lower levels, the repeating last level. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { due, planOf, policyWith, snapshot, summary } from './snapshots.js';

const D = '2026-03-10';
/** Due date that makes an item `days` overdue on D. */
const overdueBy = (days: number) => addDays(D, -days);

describe('the level an item reaches on D (no history)', () => {
  it.each([
    { days: -8, level: null },
    { days: -7, level: 'upcoming' },
    { days: -1, level: 'upcoming' },
    // A pre-due notice only before the due date: due (0) or past due below `first`, nothing yet.
    { days: 0, level: null },
    { days: 3, level: null },
    { days: 5, level: null },
    { days: 6, level: null },
    { days: 7, level: 'first' },
    { days: 20, level: 'first' },
    { days: 21, level: 'second' },
    { days: 44, level: 'second' },
    { days: 45, level: 'final' },
    { days: 400, level: 'final' },
  ])('$days days overdue → $level', ({ days, level }) => {
    const result = planOf([snapshot([due(overdueBy(days))])], D);
    expect(result.messages.map((message) => message.level)).toEqual(level === null ? [] : [level]);
  });

  it('a credit note never reaches a level, it only reduces totals', () => {
    const credit = due(overdueBy(60), { number: 'CN-1', kind: 'credit_note', amount: -2000, openAmount: -2000 });
    expect(planOf([snapshot([credit])], D).messages).toEqual([]);
    const invoice = due(overdueBy(10));
    const [message] = planOf([snapshot([invoice, credit])], D).messages;
    expect(message?.reminds).toEqual(['INV-1']);
    expect(message?.total).toBe(10000 - 2000);
    expect(message?.lines.find((line) => line.item.number === 'CN-1')?.reached).toBeNull();
  });

  it('a closed item (open amount 0) is never listed', () => {
    expect(planOf([snapshot([due(overdueBy(10), { openAmount: 0 })])], D).messages).toEqual([]);
  });
});

describe('pending with history', () => {
  it.each([
    { name: 'sent at the level it reached', days: 10, history: [{ level: 'first', latest: overdueBy(3) }], pending: false },
    { name: 'sent only at a lower level', days: 25, history: [{ level: 'first', latest: overdueBy(18) }], pending: true },
    { name: 'sent at a higher level earlier (ladder changed): no lower level', days: 10, history: [{ level: 'second', latest: '2026-02-01' }], pending: false },
    { name: 'a level no longer in the ladder is ignored', days: 10, history: [{ level: 'gone', latest: '2026-03-01' }], pending: true },
    { name: 'final, repeat exactly 30 days later', days: 80, history: [{ level: 'final', latest: addDays(D, -30) }], pending: true },
    { name: 'final, 29 days later', days: 80, history: [{ level: 'final', latest: addDays(D, -29) }], pending: false },
    { name: 'final, 31 days later', days: 80, history: [{ level: 'final', latest: addDays(D, -31) }], pending: true },
    { name: 'final sent on D itself', days: 80, history: [{ level: 'final', latest: D }], pending: false },
    { name: 'final sent after D (a replay): never again', days: 80, history: [{ level: 'final', latest: addDays(D, 5) }], pending: false },
  ])('$name → pending $pending', ({ days, history, pending }) => {
    const result = planOf([snapshot([due(overdueBy(days))], { history: { 'INV-1': history } })], D);
    expect(result.messages.length).toBe(pending ? 1 : 0);
  });

  it('an item imported late (already 50 days overdue) is pending only at final', () => {
    const result = planOf([snapshot([due(overdueBy(50))])], D);
    expect(summary(result)).toEqual([{ key: 'C001-EUR-final', level: 'final', reminds: ['INV-1'] }]);
    expect(result.messages[0]?.lines[0]?.reached).toBe('final');
  });

  it('a lower level never repeats, however long ago it was sent', () => {
    const history = { 'INV-1': [{ level: 'first', latest: addDays(D, -100) }] };
    expect(planOf([snapshot([due(overdueBy(15))], { history })], D).messages).toEqual([]);
  });

  it('a ladder without a repeat never sends the last level twice', () => {
    const levels = [
      { id: 'first', name: 'First', days: 7, template: 'first' },
      { id: 'final', name: 'Final', days: 30, template: 'final' },
    ];
    const history = { 'INV-1': [{ level: 'final', latest: '2025-01-01' }] };
    const result = planOf([snapshot([due(overdueBy(400))], { history })], D, policyWith({ levels }));
    expect(result.messages).toEqual([]);
  });
});
