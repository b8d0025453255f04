/** Issue 16 "Disputes": a disputed item is left out of reminders, shown on statements and not asked for. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { due, planOf, snapshot } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);

describe('disputed items', () => {
  it('are never reminded, nor listed on a reminder about another item', () => {
    const disputed = due(overdueBy(30), { dispute: 'goods damaged' });
    expect(planOf([snapshot([disputed])], D).messages).toEqual([]);
    const [message] = planOf([snapshot([disputed, due(overdueBy(8), { number: 'INV-2', openAmount: 4000 })])], D).messages;
    expect(message?.lines.map((line) => line.item.number)).toEqual(['INV-2']);
    expect(message?.total).toBe(4000);
  });

  it('are listed on a statement, which does not ask for them', () => {
    const policy = resolvePolicy({ policy: { statementEveryDays: 10 } });
    const disputed = due(overdueBy(30), { dispute: 'goods damaged', openAmount: 7000 });
    const history = { 'INV-2': [{ level: 'first', latest: overdueBy(1) }] };
    const other = due(overdueBy(8), { number: 'INV-2', openAmount: 4000 });
    const [message] = planOf([snapshot([disputed, other], { history, lastMessageAsOf: addDays(D, -10) })], D, policy).messages;
    expect(message?.kind).toBe('statement');
    expect(message?.reminds).toEqual(['INV-1', 'INV-2']);
    expect(message?.total).toBe(4000);
  });

  it('are reminded again once the dispute is resolved', () => {
    expect(planOf([snapshot([due(overdueBy(30), { dispute: null })])], D).messages.map((m) => m.level)).toEqual(['second']);
  });
});
