/**
 * The ladder (docs/reference/rules.md §2.3, §2.4, §3.4): pre-due notices only before the due date, `stepwise` escalation, and the
 * earlier reminders on record a reminder above the first overdue level cites. Fixed as-of date.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { Policy } from '../../src/core/plan.js';
import type { LevelSent, SentReminder } from '../../src/core/rules/input.js';
import { due, planOf, policyWith, snapshot, summary } from './snapshots.js';

const D = '2026-04-20';
const overdueBy = (days: number) => addDays(D, -days);
const ago = (days: number) => addDays(D, -days);
const stepwise: Policy = policyWith({ escalation: 'stepwise' });

describe('a pre-due level is reached only before the due date', () => {
  it.each([
    { days: -9, level: null },
    { days: -8, level: 'notice' },
    { days: -3, level: 'soon' },
    { days: -1, level: 'soon' },
    { days: 0, level: null },
    { days: 4, level: null },
    { days: 5, level: 'first' },
  ])('$days days overdue → $level', ({ days, level }) => {
    const levels = [
      { id: 'notice', name: 'Notice', days: -8, template: 'upcoming' },
      { id: 'soon', name: 'Soon', days: -3, template: 'upcoming' },
      { id: 'first', name: 'First', days: 5, template: 'first' },
    ];
    const result = planOf([snapshot([due(overdueBy(days))])], D, policyWith({ levels }));
    expect(result.messages.map((message) => message.level)).toEqual(level === null ? [] : [level]);
  });

  it('an item 3 days overdue is listed on a pre-due notice of another item, but not announced as falling due', () => {
    const soon = due(overdueBy(-5), { number: 'SOON' });
    const late = due(overdueBy(3), { number: 'LATE' });
    const [message] = planOf([snapshot([soon, late])], D).messages;
    expect(message?.level).toBe('upcoming');
    expect(message?.reminds).toEqual(['SOON']);
    expect(message?.lines.find((line) => line.item.number === 'LATE')).toMatchObject({ reached: null, pending: false });
  });

  it('an item sent its pre-due notice gets nothing more until it reaches the first overdue level', () => {
    const history = { 'INV-1': [{ level: 'upcoming', latest: ago(10) }] };
    expect(planOf([snapshot([due(overdueBy(3))], { history })], D).messages).toEqual([]);
    expect(summary(planOf([snapshot([due(overdueBy(7))], { history })], D))).toEqual([{ key: 'C001-EUR-first', level: 'first', reminds: ['INV-1'] }]);
  });
});

describe('stepwise escalation (first 7, second 21, final 45 every 30)', () => {
  it.each<{ name: string; days: number; history: LevelSent[]; level: string | null }>([
    { name: 'imported 67 days overdue: the first overdue level first', days: 67, history: [], level: 'first' },
    { name: 'first sent 13 days ago: the gap to second is 14', days: 67, history: [{ level: 'first', latest: ago(13) }], level: null },
    { name: 'first sent 14 days ago', days: 67, history: [{ level: 'first', latest: ago(14) }], level: 'second' },
    { name: 'first 14 days ago but only 20 days overdue', days: 20, history: [{ level: 'first', latest: ago(14) }], level: null },
    { name: 'first 14 days ago and 21 days overdue', days: 21, history: [{ level: 'first', latest: ago(14) }], level: 'second' },
    { name: 'second sent 23 days ago: the gap to final is 24', days: 90, history: [{ level: 'first', latest: ago(60) }, { level: 'second', latest: ago(23) }], level: null },
    { name: 'second sent 24 days ago', days: 90, history: [{ level: 'first', latest: ago(60) }, { level: 'second', latest: ago(24) }], level: 'final' },
    { name: 'one step at a time: first long ago, never second', days: 400, history: [{ level: 'first', latest: ago(300) }], level: 'second' },
    { name: 'final repeats after 30 days as before', days: 120, history: [{ level: 'final', latest: ago(30) }], level: 'final' },
    { name: 'final not before 30 days', days: 120, history: [{ level: 'final', latest: ago(29) }], level: null },
    { name: 'a pre-due notice is no step', days: 67, history: [{ level: 'upcoming', latest: ago(74) }], level: 'first' },
    { name: 'a sent first reminder dated after D (a replay) is no step yet', days: 67, history: [{ level: 'first', latest: addDays(D, 3) }], level: null },
    { name: 'past due, not at first yet', days: 3, history: [], level: null },
    { name: 'before the due date', days: -5, history: [], level: 'upcoming' },
  ])('$name → $level', ({ days, history, level }) => {
    const result = planOf([snapshot([due(overdueBy(days))], { history: { 'INV-1': history } })], D, stepwise);
    expect(result.messages.map((message) => message.level)).toEqual(level === null ? [] : [level]);
  });

  it('is set per dunning profile: a stepwise profile beside the days rule of default', () => {
    const policy = policyWith({ profiles: { careful: { levels: policyWith().levels, scope: 'overdue', statementEveryDays: null, escalation: 'stepwise' } } });
    const days = snapshot([due(overdueBy(67))], { customer: { code: 'DAYS' } });
    const steps = snapshot([due(overdueBy(67))], { customer: { code: 'STEP', profile: 'careful' } });
    expect(planOf([days, steps], D, policy).messages.map((message) => [message.customer.code, message.level])).toEqual([
      ['DAYS', 'final'],
      ['STEP', 'first'],
    ]);
  });

  it('a message lists every item at its own step and goes out at the highest', () => {
    const history = { OLD: [{ level: 'first', latest: ago(20) }] };
    const result = planOf([snapshot([due(overdueBy(80), { number: 'OLD' }), due(overdueBy(67), { number: 'NEW' })], { history })], D, stepwise);
    expect(summary(result)).toEqual([{ key: 'C001-EUR-second', level: 'second', reminds: ['OLD', 'NEW'] }]);
    expect(result.messages[0]?.lines.map((line) => [line.item.number, line.reached])).toEqual([['OLD', 'second'], ['NEW', 'first']]);
  });
});

describe('the earlier reminders a reminder cites', () => {
  const sent = (days: number, level = 'first'): SentReminder => ({ asOf: ago(days), level });

  it('a second reminder cites both reminders on record, oldest first, each date once', () => {
    const reminded = { 'INV-1': [sent(20, 'first'), sent(30, 'upcoming')], 'INV-2': [sent(20, 'first'), sent(40, 'first')] };
    const items = [due(overdueBy(25)), due(overdueBy(50), { number: 'INV-2' })];
    const history = { 'INV-1': [{ level: 'first', latest: ago(20) }], 'INV-2': [{ level: 'final', latest: ago(10) }] };
    const [message] = planOf([snapshot(items, { history, reminded })], D).messages;
    expect(message?.level).toBe('second');
    // The pre-due notice is not a reminder of a debt; INV-2 (listed, not pending) counts too.
    expect(message?.earlier).toEqual([ago(40), ago(20)]);
  });

  it('a final notice as the first message on record cites none', () => {
    const [message] = planOf([snapshot([due(overdueBy(67))])], D).messages;
    expect(message?.level).toBe('final');
    expect(message?.earlier).toEqual([]);
  });

  it('reminders dated on or after D are not earlier ones', () => {
    const reminded = { 'INV-1': [sent(0), sent(-3)] };
    const [message] = planOf([snapshot([due(overdueBy(67))], { reminded })], D).messages;
    expect(message?.earlier).toEqual([]);
  });

  it('the first overdue level and pre-due notices cite nothing', () => {
    const reminded = { 'INV-1': [sent(5, 'gone')] };
    expect(planOf([snapshot([due(overdueBy(10))], { reminded })], D).messages[0]?.earlier).toBeUndefined();
    expect(planOf([snapshot([due(overdueBy(-3))], { reminded })], D).messages[0]?.earlier).toBeUndefined();
  });

  it('with one message per item, each cites only its own item\'s reminders', () => {
    const reminded = { 'INV-1': [sent(30)], 'INV-2': [sent(35)] };
    const history = { 'INV-1': [{ level: 'first', latest: ago(30) }], 'INV-2': [{ level: 'first', latest: ago(35) }] };
    const items = [due(overdueBy(40)), due(overdueBy(42), { number: 'INV-2' })];
    const result = planOf([snapshot(items, { history, reminded })], D, policyWith({ grouping: 'item' }));
    expect(result.messages.map((message) => [message.key, message.earlier])).toEqual([
      ['C001-EUR-second-INV-1', [ago(30)]],
      ['C001-EUR-second-INV-2', [ago(35)]],
    ]);
  });
});
