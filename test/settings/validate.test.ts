import { describe, expect, it } from 'vitest';
import { formatProblems, keyOf, validateSettings } from '../../src/settings/validate.js';
import { closeKeys, SETTING_KEYS } from '../../src/settings/keys.js';
import { parseSettingValue } from '../../src/settings/change.js';
import type { Settings } from '../../src/core/settings.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { settingsSchema } from '../../src/settings/table.js';
import { checkSchema } from '../../src/settings/check-schema.js';

/** Cases refused by checks beyond the schema (check digits, currency list). */
const SEMANTIC = new Set(['an unknown currency', 'an IBAN with wrong check digits', 'a BIC of 9 characters']);

/** Every key (docs/reference/settings.md §3) set to a valid value. */
const everything: Settings = {
  company: {
    name: 'Acme Trading Ltd',
    address: 'Via Roma 1\n00100 Roma',
    vatId: 'IT01234567890',
    email: 'ar@acme.example',
    phone: '+39 06 123456',
    iban: 'DE89 3704 0044 0532 0130 00',
    bic: 'COBADEFFXXX',
    logo: '/srv/acme/logo.png',
  },
  operator: 'Maria',
  mail: {
    transport: 'smtp',
    outboxDir: '/var/duedesk/outbox',
    printDir: '/var/duedesk/print',
    invoiceDir: '/var/duedesk/invoices',
    bcc: ['archive@acme.example'],
    recipients: 'all',
  },
  smtp: {
    host: 'smtp.acme.example',
    port: 587,
    secure: false,
    user: 'ar',
    passwordCommand: 'pass show smtp',
    from: 'Acme AR <ar@acme.example>',
    replyTo: 'ar@acme.example',
    maxConnections: 3,
    rateLimit: 2.5,
    maxPerDay: 500,
  },
  policy: {
    scope: 'all-open',
    grouping: 'item',
    minAmount: 10,
    defaultLanguage: 'el',
    defaultCurrency: 'EUR',
    statementEveryDays: 10,
    statementKind: 'activity',
    interestRatePercent: 8,
    levels: [
      { id: 'first', name: 'First', days: 7, template: 'first', fee: 5, letter: true, ccAgent: true, attachInvoices: true },
      { id: 'final', name: 'Final', days: 30, template: 'final', repeatEveryDays: 14 },
    ],
    installments: { enabled: true, graceDays: 3 },
  },
  schedule: { autoSend: false },
  templatesDir: '/srv/acme/templates',
};

const problemsOf = (settings: unknown): string[] => formatProblems(validateSettings(settings));

/** Settings that break the schema, and the start of the message each must get. */
const BAD: [string, unknown, string][] = [
    ['a port as text', { smtp: { port: '25' } }, 'smtp.port: must be a whole number (got "25")'],
    ['port 0', { smtp: { port: 0 } }, 'smtp.port: must be at least 1 (got 0)'],
    ['port 70000', { smtp: { port: 70000 } }, 'smtp.port: must be at most 65535 (got 70000)'],
    ['a fractional port', { smtp: { port: 25.5 } }, 'smtp.port: must be a whole number (got 25.5)'],
    ['secure as text', { smtp: { secure: 'yes' } }, 'smtp.secure: must be true or false (got "yes")'],
    ['rateLimit 0', { smtp: { rateLimit: 0 } }, 'smtp.rateLimit: must be at least 0.001 (got 0); allowed: 0.001 to 1000'],
    ['maxConnections 0', { smtp: { maxConnections: 0 } }, 'smtp.maxConnections: must be at least 1 (got 0)'],
    ['maxPerDay 0', { smtp: { maxPerDay: 0 } }, 'smtp.maxPerDay: must be at least 1 (got 0)'],
    ['a fractional maxPerDay', { smtp: { maxPerDay: 99.5 } }, 'smtp.maxPerDay: must be a whole number (got 99.5)'],
    ['a host with a scheme', { smtp: { host: 'smtp://x' } }, 'smtp.host: must be a host name like smtp.example.com'],
    ['a From without @', { smtp: { from: 'Acme AR' } }, 'smtp.from: must be an e-mail address, optionally with a name'],
    ['a company e-mail without @', { company: { email: 'ar.acme' } }, 'company.email: must be an e-mail address like'],
    ['an unknown transport', { mail: { transport: 'sendmail' } }, 'mail.transport: must be one of "outbox", "smtp" (got "sendmail")'],
    ['unknown recipients', { mail: { recipients: 'cc' } }, 'mail.recipients: must be one of "primary", "all" (got "cc")'],
    ['a bad bcc', { mail: { bcc: 'nobody' } }, 'mail.bcc: must be an e-mail address or a JSON list of them (got "nobody")'],
    ['a bad bcc in a list', { mail: { bcc: ['a@x.example', 'b'] } }, 'mail.bcc[1]: must be an e-mail address like'],
    ['bcc as a number', { mail: { bcc: 5 } }, 'mail.bcc: must be an e-mail address or a JSON list of them (got 5)'],
    ['an empty outbox dir', { mail: { outboxDir: '' } }, 'mail.outboxDir: must not be empty'],
    ['an unknown scope', { policy: { scope: 'open' } }, 'policy.scope: must be one of "overdue", "all-open" (got "open")'],
    ['an unknown grouping', { policy: { grouping: 'case' } }, 'policy.grouping: must be one of "customer", "item"'],
    ['a negative minimum', { policy: { minAmount: -1 } }, 'policy.minAmount: must be at least 0 (got -1)'],
    ['a language not shipped', { policy: { defaultLanguage: 'de' } }, 'policy.defaultLanguage: must be one of "en", "it", "el", "bg", "pt"'],
    ['a lower-case currency', { policy: { defaultCurrency: 'eur' } }, 'policy.defaultCurrency: must be an ISO 4217 currency code'],
    ['an unknown currency', { policy: { defaultCurrency: 'XYZ' } }, 'policy.defaultCurrency: "XYZ" is not an ISO 4217 currency code'],
    ['statementEveryDays 0', { policy: { statementEveryDays: 0 } }, 'policy.statementEveryDays: must be at least 1 (got 0)'],
    ['an unknown statement kind', { policy: { statementKind: 'ledger' } }, 'policy.statementKind: must be one of "open-items", "activity" (got "ledger")'],
    ['a negative interest rate', { policy: { interestRatePercent: -2 } }, 'policy.interestRatePercent: must be at least 0'],
    ['negative grace days', { policy: { installments: { graceDays: -1 } } }, 'policy.installments.graceDays: must be at least 0'],
    ['installments on as text', { policy: { installments: { enabled: 'on' } } }, 'policy.installments.enabled: must be true or false'],
    ['autoSend as a number', { schedule: { autoSend: 1 } }, 'schedule.autoSend: must be true or false (got 1)'],
    ['an IBAN with wrong check digits', { company: { iban: 'DE88 3704 0044 0532 0130 00' } }, 'company.iban: "DE88 3704 0044 0532 0130 00" has wrong check digits'],
    ['a BIC of 9 characters', { company: { bic: 'COBADEFFX' } }, 'company.bic: "COBADEFFX" is not a BIC'],
    ['an empty ladder', { policy: { levels: [] } }, 'policy.levels: needs at least 1 entry'],
    ['a level without a name', { policy: { levels: [{ id: 'a', days: 1, template: 'a' }] } }, 'policy.levels[0].name: is required'],
    ['a level with days as text', { policy: { levels: [{ id: 'a', name: 'A', days: '1', template: 'a' }] } }, 'policy.levels[0].days: must be a whole number (got "1")'],
    ['a level with an unknown key', { policy: { levels: [{ id: 'a', name: 'A', days: 1, template: 'a', cc: true }] } }, 'policy.levels[0].cc: is not a setting'],
    ['a negative fee', { policy: { levels: [{ id: 'a', name: 'A', days: 1, template: 'a', fee: -5 }] } }, 'policy.levels[0].fee: must be at least 0 (got -5)'],
    ['a fee as text', { policy: { levels: [{ id: 'a', name: 'A', days: 1, template: 'a', fee: '5' }] } }, 'policy.levels[0].fee: must be a number in major units (in policy.defaultCurrency) or one per currency like {"EUR":5,"GBP":4.5} (got "5")'],
    ['an unknown top-level key', { colour: 'blue' }, 'colour: is not a setting duedesk knows'],
    ['an unknown nested key', { smtp: { hots: 'x' } }, 'smtp.hots: is not a setting duedesk knows'],
    ['a group that is not an object', { smtp: 'x' }, 'smtp: must be a JSON object (got "x")'],
    ['a file that is a list', [], 'must be a JSON object (got [])'],
];

describe('validateSettings', () => {
  it('accepts every key with a valid value, and the empty file', () => {
    expect(problemsOf(everything)).toEqual([]);
    expect(problemsOf({})).toEqual([]);
  });

  it.each<[string, unknown, string]>(BAD.map(([what, settings, message]) => [what, settings, message]))(
    'refuses %s with a message naming the key',
    (_what, settings, message) => {
      const problems = problemsOf(settings);
      expect(problems.some((problem) => problem.startsWith(message)), problems.join('\n')).toBe(true);
    },
  );


  it.each(['password', 'pass', 'smtpPassword'])('refuses smtp.%s and points to the environment variable', (key) => {
    const [problem] = problemsOf({ smtp: { [key]: 'hunter2' } });
    expect(problem).toContain(`smtp.${key}: passwords are never stored in the settings file`);
    expect(problem).toContain('DUEDESK_SMTP_PASSWORD');
    expect(problem).toContain('smtp.passwordCommand');
  });

  it('refuses db.password and points to PostgreSQL\'s own password sources', () => {
    const [problem] = problemsOf({ db: { password: 'hunter2' } });
    expect(problem).toContain('db.password: passwords are never stored in the settings file');
    expect(problem).toContain('PGPASSWORD');
    expect(problem).toContain('db.passwordCommand');
    expect(problemsOf({ db: { passwordCommand: 'pass show ledger' } })).toEqual([]);
  });

  it('checks the ladder rules once the ladder is well-formed', () => {
    const levels = [
      { id: 'a', name: 'A', days: 5, template: 'a' },
      { id: 'a', name: 'B', days: 3, template: 'b' },
    ];
    expect(problemsOf({ policy: { levels } })).toEqual([
      'policy.levels: level 2 ("a"): id "a" is used twice; level ids must be unique',
      `policy.levels: level 2 ("a"): days must be greater than the previous level's (3 after 5); days must strictly increase`,
    ]);
  });
});

describe('the schema is standard JSON Schema', () => {
  // ajv (draft 2020-12, strict) is the reference: the built-in checker must agree with it on
  // every sample, so the schema means what any JSON Schema tool would read in it.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(settingsSchema);
  const samples: [string, unknown][] = [
    ['everything', everything],
    ['empty', {}],
    ...BAD.filter(([what]) => !SEMANTIC.has(what)).map(([what, settings]): [string, unknown] => [what, settings]),
  ];

  it.each(samples)('ajv and duedesk agree on %s', (_what, settings) => {
    expect(checkSchema(settingsSchema, settings).length === 0).toBe(ajv(settings));
  });
});

describe('keys', () => {
  it('turns JSON pointers into dotted keys with list positions', () => {
    expect(keyOf(['policy', 'levels', 2, 'days'])).toBe('policy.levels[2].days');
    expect(keyOf([])).toBe('');
  });

  it('knows every documented key', () => {
    const spec = [
      ...['name', 'address', 'vatId', 'email', 'phone', 'iban', 'bic', 'logo'].map((key) => `company.${key}`),
      'operator',
      ...['transport', 'outboxDir', 'printDir', 'invoiceDir', 'bcc', 'recipients'].map((key) => `mail.${key}`),
      ...['host', 'port', 'secure', 'user', 'passwordCommand', 'from', 'replyTo', 'maxConnections', 'rateLimit', 'maxPerDay'].map(
        (key) => `smtp.${key}`,
      ),
      ...['scope', 'grouping', 'minAmount', 'defaultLanguage', 'defaultCurrency', 'statementEveryDays', 'interestRatePercent', 'levels'].map(
        (key) => `policy.${key}`,
      ),
      'policy.installments.enabled',
      'policy.installments.graceDays',
      'schedule.autoSend',
      'schedule.maxAsOfDays',
      'templatesDir',
    ];
    expect(SETTING_KEYS).toEqual(expect.arrayContaining(spec));
    expect(SETTING_KEYS).not.toContain('smtp.password');
  });

  it('suggests keys close to a mistyped one', () => {
    expect(closeKeys('smtp.hots')).toContain('smtp.host');
    expect(closeKeys('policy.grace')).toContain('policy.installments.graceDays');
    expect(closeKeys('bcc')).toContain('mail.bcc');
    expect(closeKeys('zzzzzzzzzz')).toEqual([]);
  });
});

describe('parseSettingValue', () => {
  it.each<[string, string, unknown]>([
    ['smtp.port', '587', 587],
    ['smtp.secure', 'true', true],
    ['smtp.host', 'smtp.example.com', 'smtp.example.com'],
    ['company.name', '"Acme"', 'Acme'],
    ['company.vatId', '01234567', '01234567'],
    ['company.vatId', '12345678', '12345678'],
    ['company.phone', '5551234', '5551234'],
    ['mail.bcc', '["a@example.com"]', ['a@example.com']],
    ['mail.bcc', 'a@example.com', 'a@example.com'],
    ['smtp.port', 'abc', 'abc'],
    ['policy.installments', '{"graceDays":2}', { graceDays: 2 }],
  ])('%s %s → %j', (key, raw, value) => {
    expect(parseSettingValue(key, raw)).toEqual(value);
  });
});
