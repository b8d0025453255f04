import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, resolvePolicy, validateLevels } from '../../src/core/policy.js';
import type { Level } from '../../src/core/plan.js';

const level = (id: string, days: number, extra: Partial<Level> = {}): Level => ({
  id,
  name: id.toUpperCase(),
  days,
  template: id,
  ...extra,
});

describe('resolvePolicy', () => {
  it('fills every default when nothing is set', () => {
    expect(resolvePolicy({})).toEqual({
      levels: [
        { id: 'upcoming', name: 'Upcoming payment', days: -7, template: 'upcoming' },
        { id: 'first', name: 'First reminder', days: 7, template: 'first' },
        { id: 'second', name: 'Second reminder', days: 21, template: 'second' },
        { id: 'final', name: 'Final notice', days: 45, template: 'final', repeatEveryDays: 30 },
      ],
      profiles: {},
      scope: 'overdue',
      escalation: 'days',
      grouping: 'customer',
      minAmount: 0,
      defaultLanguage: 'en',
      defaultCurrency: 'EUR',
      statementEveryDays: null,
      statementKind: 'open-items',
      interestRatePercent: null,
      installments: { enabled: true, graceDays: 0 },
      promiseGraceDays: 0,
      replyPauseDays: 7,
      recipients: 'primary',
      bcc: [],
    });
  });

  it('fills a profile from the top-level policy, key by key', () => {
    const own = [level('nudge', 30)];
    const policy = resolvePolicy({
      policy: { scope: 'all-open', escalation: 'stepwise', statementEveryDays: 10, profiles: { gentle: { levels: own }, weekly: { statementEveryDays: 7, scope: 'overdue', escalation: 'days' } } },
    });
    expect(policy.profiles).toEqual({
      gentle: { levels: own, scope: 'all-open', statementEveryDays: 10, escalation: 'stepwise' },
      weekly: { levels: policy.levels, scope: 'overdue', statementEveryDays: 7, escalation: 'days' },
    });
  });

  it('keeps what is set and defaults only the rest', () => {
    const levels = [level('only', 10, { repeatEveryDays: 5, fee: 2.5 })];
    const policy = resolvePolicy({
      mail: { bcc: 'archive@example.com', recipients: 'all' },
      policy: {
        scope: 'all-open',
        grouping: 'item',
        minAmount: 20,
        defaultLanguage: 'it',
        defaultCurrency: 'BGN',
        statementEveryDays: 10,
        statementKind: 'activity',
        interestRatePercent: 8,
        levels,
        installments: { graceDays: 3 },
      },
    });
    expect(policy).toMatchObject({
      levels,
      scope: 'all-open',
      grouping: 'item',
      minAmount: 20,
      defaultLanguage: 'it',
      defaultCurrency: 'BGN',
      statementEveryDays: 10,
      statementKind: 'activity',
      interestRatePercent: 8,
      installments: { enabled: true, graceDays: 3 },
      recipients: 'all',
      bcc: ['archive@example.com'],
    });
  });

  it('takes a list of bcc addresses as it is', () => {
    expect(resolvePolicy({ mail: { bcc: ['a@example.com', 'b@example.com'] } }).bcc).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(resolvePolicy({ policy: { installments: { enabled: false } } }).installments).toEqual({
      enabled: false,
      graceDays: 0,
    });
  });

  it('hands out copies: changing a resolved policy changes neither defaults nor settings', () => {
    const settings = { policy: { levels: [level('a', 1)] } };
    const policy = resolvePolicy(settings);
    policy.levels[0]!.days = 99;
    resolvePolicy({}).levels[0]!.days = 99;
    expect(settings.policy.levels[0]!.days).toBe(1);
    expect(DEFAULT_LEVELS[0]!.days).toBe(-7);
    expect(resolvePolicy({}).levels[0]!.days).toBe(-7);
  });
});

describe('validateLevels', () => {
  it('accepts the default ladder and a one-level ladder', () => {
    expect(validateLevels(DEFAULT_LEVELS)).toEqual([]);
    expect(validateLevels([level('only', 0, { repeatEveryDays: 1 })])).toEqual([]);
  });

  it.each<[string, Level[], string]>([
    ['an empty ladder', [], 'the ladder needs at least one level'],
    ['a repeated id', [level('a', 1), level('a', 2)], 'level 2 ("a"): id "a" is used twice; level ids must be unique'],
    [
      'equal days',
      [level('a', 7), level('b', 7)],
      `level 2 ("b"): days must be greater than the previous level's (7 after 7); days must strictly increase`,
    ],
    [
      'falling days',
      [level('a', 7), level('b', -3)],
      `level 2 ("b"): days must be greater than the previous level's (-3 after 7); days must strictly increase`,
    ],
    [
      'a repeating level that is not the last',
      [level('a', 1, { repeatEveryDays: 5 }), level('b', 2)],
      'level 1 ("a"): only the last level may have repeatEveryDays',
    ],
    [
      'repeatEveryDays 0',
      [level('a', 1, { repeatEveryDays: 0 })],
      'level 1 ("a"): repeatEveryDays must be a whole number of days, at least 1 (got 0)',
    ],
    [
      'fractional repeatEveryDays',
      [level('a', 1, { repeatEveryDays: 1.5 })],
      'level 1 ("a"): repeatEveryDays must be a whole number of days, at least 1 (got 1.5)',
    ],
    [
      'a template name that could leave the templates folder',
      [level('a', 1, { template: '../secret' })],
      'level 1 ("a"): template "../secret" must use only a-z, 0-9, "-" and "_"',
    ],
    [
      'an upper-case template name',
      [level('a', 1, { template: 'First' })],
      'level 1 ("a"): template "First" must use only a-z, 0-9, "-" and "_"',
    ],
    ['an id with a slash', [level('a/b', 1, { template: 'ab' })], 'level 1 ("a/b"): id must use only a-z, 0-9, "-" and "_"'],
  ])('refuses %s', (_what, levels, message) => {
    expect(validateLevels(levels)).toEqual([message]);
  });

  it('lists every problem of a ladder, not only the first', () => {
    const problems = validateLevels([level('a', 5, { repeatEveryDays: 3 }), level('a', 5, { template: 'B' })]);
    expect(problems).toHaveLength(4);
  });

  it('accepts template names with digits, dashes and underscores', () => {
    expect(validateLevels([level('pre-due_2', -3, { template: 'pre-due_2' })])).toEqual([]);
  });
});
