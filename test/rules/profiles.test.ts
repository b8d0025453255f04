/** Dunning profiles (docs/reference/rules.md §9.1): a customer's own ladder, statement interval and scope; separate switches. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { due, planOf, snapshot, summary } from './snapshots.js';

const D = '2026-03-10';
const overdueBy = (days: number) => addDays(D, -days);

/** A gentle profile: one reminder at 30 days, statements every 7 days listing every open item. */
const policy = resolvePolicy({
  policy: {
    profiles: {
      gentle: {
        levels: [{ id: 'nudge', name: 'Friendly nudge', days: 30, template: 'first' }],
        statementEveryDays: 7,
        scope: 'all-open',
      },
    },
  },
});

describe('a customer on a profile is reminded by that profile only', () => {
  it.each([
    { profile: null, days: 10, expected: ['first'] },
    { profile: 'default', days: 10, expected: ['first'] },
    { profile: 'gentle', days: 10, expected: [] },
    { profile: 'gentle', days: 30, expected: ['nudge'] },
    { profile: 'default', days: 30, expected: ['second'] },
  ])('profile $profile, $days days overdue → $expected', ({ profile, days, expected }) => {
    const result = planOf([snapshot([due(overdueBy(days))], { customer: { profile }, lastMessageAsOf: addDays(D, -1) })], D, policy);
    expect(result.messages.map((message) => message.level)).toEqual(expected);
  });

  it("uses the profile's statement interval and scope", () => {
    const notYetDue = due(addDays(D, 20), { number: 'INV-2' });
    const items = [due(overdueBy(3)), notYetDue];
    const history = { 'INV-1': [{ level: 'upcoming', latest: overdueBy(-1) }], 'INV-2': [{ level: 'upcoming', latest: D }] };
    const gentle = snapshot(items, { customer: { profile: 'gentle' }, lastMessageAsOf: addDays(D, -7), history });
    const [message] = planOf([gentle], D, policy).messages;
    expect(message?.kind).toBe('statement');
    // all-open: the item not yet due is listed too.
    expect(message?.reminds).toEqual(['INV-1', 'INV-2']);
    const plain = snapshot(items, { lastMessageAsOf: addDays(D, -7), history });
    expect(planOf([plain], D, policy).messages.map((m) => m.kind)).toEqual([]);
  });

  it('a profile that names no ladder uses policy.levels', () => {
    const onlyInterval = resolvePolicy({ policy: { profiles: { weekly: { statementEveryDays: 7 } } } });
    const result = planOf([snapshot([due(overdueBy(8))], { customer: { profile: 'weekly' } })], D, onlyInterval);
    expect(summary(result)).toEqual([{ key: 'C001-EUR-first', level: 'first', reminds: ['INV-1'] }]);
  });

  it('a customer naming a profile the settings no longer have gets nothing, and the plan says why', () => {
    const result = planOf([snapshot([due(overdueBy(60))], { customer: { profile: 'strict' } })], D, policy);
    expect(result.messages).toEqual([]);
    expect(result.problems).toEqual([
      {
        customer: 'C001',
        field: 'profile',
        message: 'profile "strict" is not in policy.profiles (known: default, gentle); nothing is planned for this customer',
      },
    ]);
  });
});

describe('separate switches for reminders and statements', () => {
  const statementDue = { lastMessageAsOf: addDays(D, -30) };
  const withInterval = resolvePolicy({ policy: { statementEveryDays: 10 } });

  it('statements off keeps reminders', () => {
    const result = planOf([snapshot([due(overdueBy(8))], { ...statementDue, customer: { statements: false } })], D, withInterval);
    expect(result.messages.map((message) => message.kind)).toEqual(['reminder']);
  });

  it('statements off stops the cadence statement and says so', () => {
    const history = { 'INV-1': [{ level: 'first', latest: overdueBy(1) }] };
    const result = planOf([snapshot([due(overdueBy(8))], { ...statementDue, history, customer: { statements: false } })], D, withInterval);
    expect(result.messages).toEqual([]);
    expect(result.skipped).toEqual([{ customer: 'C001', reason: 'opted-out', detail: 'statements off' }]);
  });

  it('reminders off with statements on: the statement goes instead of the reminder', () => {
    const result = planOf([snapshot([due(overdueBy(8))], { ...statementDue, customer: { reminders: false, statements: true } })], D, withInterval);
    expect(result.messages.map((message) => message.kind)).toEqual(['statement']);
    // It gets a message in EUR, so it is not also skipped for EUR.
    expect(result.skipped).toEqual([]);
  });

  it('reminders off and no statement due: opted-out, "reminders off"', () => {
    const result = planOf([snapshot([due(overdueBy(8))], { customer: { reminders: false, statements: true } })], D);
    expect(result.messages).toEqual([]);
    expect(result.skipped).toEqual([{ customer: 'C001', reason: 'opted-out', detail: 'reminders off' }]);
  });

  it('a customer without its own statements switch follows reminders, as before the switch existed', () => {
    const result = planOf([snapshot([due(overdueBy(8))], { ...statementDue, customer: { reminders: false } })], D, withInterval);
    expect(result.messages).toEqual([]);
  });
});
