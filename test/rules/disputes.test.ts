/** Disputes (docs/reference/rules.md §9.3): a disputed item is left out of reminders, shown on statements and not asked for. */
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

  it('a currency whose only debt is disputed is skipped as disputed, not below the minimum', () => {
    const policy = resolvePolicy({ policy: { statementEveryDays: 10 } });
    const history = { 'INV-1': [{ level: 'first', latest: overdueBy(1) }] };
    const items = [due(overdueBy(8), { openAmount: 4000 }), due(overdueBy(30), { number: 'U-1', currency: 'USD', dispute: 'never ordered' })];
    const result = planOf([snapshot(items, { history, lastMessageAsOf: addDays(D, -10) })], D, policy);
    expect(result.messages.map((message) => [message.kind, message.currency])).toEqual([['statement', 'EUR']]);
    expect(result.skipped).toEqual([{ customer: 'C001', reason: 'disputed', detail: 'every USD item is disputed (U-1)' }]);
  });

  it('a credit beside the disputed item does not make it below-minimum either', () => {
    const policy = resolvePolicy({ policy: { statementEveryDays: 10 } });
    const credit = due(overdueBy(5), { number: 'CN-1', kind: 'credit_note', amount: -1000, openAmount: -1000 });
    const result = planOf([snapshot([due(overdueBy(30), { dispute: 'wrong price' }), credit], { lastMessageAsOf: addDays(D, -10) })], D, policy);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['disputed']);
  });

  it('are reminded again once the dispute is resolved', () => {
    expect(planOf([snapshot([due(overdueBy(30), { dispute: null })])], D).messages.map((m) => m.level)).toEqual(['second']);
  });
});
