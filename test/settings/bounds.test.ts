/**
 * Every number in the settings has a range the engine can use, and every text is free of control
 * characters: a value outside is refused naming the key, the value and what is allowed. Before,
 * `policy.promiseGraceDays 1e9` was stored and every later run died with "Invalid time value",
 * and `company.name` took a CR/LF into every e-mail header and PDF.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/settings/table.js';
import { checkSchema } from '../../src/settings/check-schema.js';
import { formatProblems, validateSettings } from '../../src/settings/validate.js';
import { LEVEL, NUMERIC_LEAVES, settingsWith, TEXT_LEAVES } from './schema-leaves.js';

const problemsOf = (settings: unknown): string[] => formatProblems(validateSettings(settings));
const NUMERIC = NUMERIC_LEAVES;
const TEXT = TEXT_LEAVES;

describe('numbers in the settings', () => {
  it('finds every numeric key of the schema, levels and profiles included', () => {
    expect(NUMERIC.map(({ key }) => key).sort()).toEqual([
      'archive.keepDays',
      'imap.port',
      'policy.installments.graceDays',
      'policy.interestRatePercent',
      'policy.levels[0].days',
      'policy.levels[0].fee',
      'policy.levels[0].maxRepeats',
      'policy.levels[0].repeatEveryDays',
      'policy.minAmount',
      'policy.profiles.p.levels[0].days',
      'policy.profiles.p.levels[0].fee',
      'policy.profiles.p.levels[0].maxRepeats',
      'policy.profiles.p.levels[0].repeatEveryDays',
      'policy.profiles.p.statementEveryDays',
      'policy.promiseGraceDays',
      'policy.replyPauseDays',
      'policy.statementEveryDays',
      'schedule.maxAsOfDays',
      'smtp.maxConnections',
      'smtp.maxPerDay',
      'smtp.port',
      'smtp.rateLimit',
    ]);
  });

  it.each(NUMERIC)('$key has a lower and an upper bound', ({ node }) => {
    expect(node.minimum ?? node.exclusiveMinimum).toBeTypeOf('number');
    expect(node.maximum).toBeTypeOf('number');
  });

  // The same bounds for any JSON Schema tool (profiles are a map the schema leaves to profiles.ts).
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(settingsSchema);
  const inSchema = (key: string): boolean => !key.startsWith('policy.profiles.');

  it.each(NUMERIC)('$key refuses a value above its range, naming the key, the value and the range', ({ key, node }) => {
    const max = node.maximum!;
    const low = node.minimum!;
    const above = Number.isInteger(max) ? max + 1 : max * 10;
    const settings = settingsWith(key, above);
    expect(problemsOf(settings)).toContain(`${key}: must be at most ${max} (got ${above}); allowed: ${low} to ${max}`);
    if (inSchema(key)) expect(ajv(settings)).toBe(false);
    expect(checkSchema(settingsSchema, settingsWith(key, max))).toEqual([]);
  });

  it.each(NUMERIC)('$key refuses a value below its range', ({ key, node }) => {
    const low = node.minimum!;
    const below = Number.isInteger(low) ? low - 1 : low / 2;
    const settings = settingsWith(key, below);
    expect(problemsOf(settings)).toContain(`${key}: must be at least ${low} (got ${below}); allowed: ${low} to ${node.maximum!}`);
    if (inSchema(key)) expect(ajv(settings)).toBe(false);
  });

  it('refuses the promise grace of 1e9 that broke every run, and a fee per currency past the largest amount', () => {
    expect(problemsOf({ policy: { promiseGraceDays: 1e9 } })).toEqual([
      'policy.promiseGraceDays: must be at most 365 (got 1000000000); allowed: 0 to 365',
    ]);
    expect(problemsOf(settingsWith('policy.levels[0].fee', { JPY: 1e12 }))).toEqual([
      'policy.levels[0].fee.JPY: must be at most 100000000000 (got 1000000000000); allowed: 0 to 100000000000',
    ]);
  });
});

describe('text in the settings', () => {
  it('finds the free-text keys, level names and ids included', () => {
    const keys = TEXT.map(({ key }) => key);
    expect(keys).toEqual(expect.arrayContaining(['company.name', 'company.address', 'operator', 'policy.levels[0].name', 'policy.levels[0].id', 'policy.profiles.p.levels[0].name', 'smtp.passwordCommand', 'schedule.digestTo']));
  });

  it.each(TEXT)('$key refuses CR/LF, TAB and C0/C1 controls, naming the key', ({ key }) => {
    // company.address keeps line feeds between its lines (tested below).
    const controls = key === 'company.address' ? ['\r\n', '\r'] : ['\r\n', '\n'];
    for (const control of [...controls, '\t', '\u0001', '\u001b', '\u007f', '\u0085', '\u009b']) {
      // Inside a value that is otherwise valid for the key: `a@x.example` for an address, a plain word else.
      const value = /email|bcc|digestTo|from|replyTo/.test(key) ? `a${control}b@x.example` : `Acme${control}Ltd`;
      const problems = problemsOf(settingsWith(key, value));
      expect(problems.some((problem) => problem.startsWith(`${key}: `)), `${JSON.stringify(control)}: ${problems.join('\n')}`).toBe(true);
    }
  });

  it('says what is wrong with a free-text value, like an import does', () => {
    expect(problemsOf({ company: { name: 'Acme\r\nBcc: victim@example.com' } })).toEqual([
      'company.name: contains a line break; settings text is one line without control characters (CR, LF, TAB…)',
    ]);
    expect(problemsOf({ operator: 'Maria\u001b[2J' })).toEqual([
      'operator: contains a control character (U+001B); settings text is one line without control characters (CR, LF, TAB…)',
    ]);
    expect(problemsOf(settingsWith('policy.profiles.p.levels[0].name', 'First\treminder'))).toEqual([
      'policy.profiles.p.levels[0].name: contains a control character (U+0009); settings text is one line without control characters (CR, LF, TAB…)',
    ]);
  });

  it('keeps line feeds between the lines of company.address, and nothing else', () => {
    expect(problemsOf({ company: { address: 'Via Roma 1\n00100 Roma' } })).toEqual([]);
    expect(problemsOf({ company: { address: 'Via Roma 1\r\n00100 Roma' } })).toEqual([
      'company.address: contains a line break; its lines are separated by \\n, and hold no other control character',
    ]);
    expect(problemsOf({ company: { address: 'Via Roma\t1' } })[0]).toMatch(/^company\.address: contains a control character \(U\+0009\)/);
  });

  it('quotes nothing raw: a level id with a line break gets one problem on one line', () => {
    const problems = problemsOf({ policy: { levels: [{ ...LEVEL, id: 'fi\nrst' }] } });
    expect(problems).toEqual(['policy.levels[0].id: contains a line break; settings text is one line without control characters (CR, LF, TAB…)']);
  });
});

describe('address settings say what they expect', () => {
  it.each([
    ['schedule.digestTo', 'x', 'schedule.digestTo: must be an e-mail address or a JSON list of them (got "x")'],
    ['schedule.digestTo', 5, 'schedule.digestTo: must be an e-mail address or a JSON list of them (got 5)'],
    ['mail.bcc', 'x', 'mail.bcc: must be an e-mail address or a JSON list of them (got "x")'],
  ])('%s %j', (key, value, message) => {
    expect(problemsOf(settingsWith(key, value))).toEqual([message]);
  });
});
