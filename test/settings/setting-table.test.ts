/**
 * The settings table is the one place a key is declared, so what `config --help` documents and
 * what `config get` reports must be what the engine actually does on an empty settings file: a
 * default the engine applies is the one `config get` prints, and a key `config get` says has no
 * default is one the engine leaves empty (or fills from elsewhere, for a stated reason).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { resolvePolicy } from '../../src/core/policy.js';
import { assertSendAsOf } from '../../src/core/send-as-of.js';
import { TABLE_KEYS, type SettingKey } from '../../src/core/settings-table.js';
import { letterWindow } from '../../src/documents/pdf/letter-window.js';
import { imapOptions } from '../../src/inbox/connection.js';
import { createTransport } from '../../src/mail/transports/index.js';
import { TUI_SETTING_KEYS } from '../../src/settings/table.js';
import { sandbox, type Sandbox } from '../cli/io.js';

/** The engine reads nothing in the key's place: unset means none (no value, no cap, no file). */
const UNREAD = { unread: true } as const;

/** Unset, the key's place is filled from somewhere that is not one value (another key, a folder, the OS). */
const fromElsewhere = (what: string) => ({ elsewhere: what });

/** How the engine reads one key on an empty settings file. */
type Reading = (() => unknown) | (() => Promise<unknown>) | typeof UNREAD | { elsewhere: string };

const policy = resolvePolicy({});
const TODAY = '2026-11-22';

/** The largest distance from today a real send's --as-of may have on an empty settings file. */
function maxAsOfDays(): number {
  let days = 0;
  while (days <= 3650 && sendsAt(days + 1)) days += 1;
  return days;
}

function sendsAt(days: number): boolean {
  try {
    assertSendAsOf(addDays(TODAY, days), TODAY, {});
    return true;
  } catch {
    return false;
  }
}

/** Whether a real --send-due on an empty settings file sends (rather than stopping at schedule.autoSend). */
async function sendDueSends(): Promise<boolean> {
  const result = await sandbox(TODAY).run(['--send-due']);
  expect(result.code).toBe(0);
  return !result.stderr.includes('schedule.autoSend is false');
}

/** Every key's reading: the compiler makes this list name every key of the table. */
const ENGINE: Record<SettingKey, Reading> = {
  'company.name': UNREAD,
  'company.address': UNREAD,
  'company.vatId': UNREAD,
  'company.email': UNREAD,
  'company.phone': UNREAD,
  'company.iban': UNREAD,
  'company.bic': UNREAD,
  'company.payUrl': UNREAD,
  'company.country': UNREAD,
  'letters.window': () => letterWindow({}).name,
  'company.logo': UNREAD,
  operator: fromElsewhere('the name of the OS user running duedesk'),
  'mail.transport': async () => (await createTransport({}, {}, { dbPath: null, cwd: '/tmp' })).description.split(' ')[0],
  'mail.outboxDir': fromElsewhere('the folder outbox/ beside the database'),
  'mail.printDir': fromElsewhere('the folder print/ beside the database'),
  'mail.invoiceDir': UNREAD,
  'mail.bcc': () => policy.bcc,
  'mail.recipients': () => policy.recipients,
  'smtp.host': UNREAD,
  'smtp.port': fromElsewhere('587, or 465 when smtp.secure is true'),
  'smtp.secure': fromElsewhere('false: STARTTLS, as the transport opens it'),
  'smtp.user': UNREAD,
  'smtp.passwordCommand': UNREAD,
  'smtp.from': fromElsewhere('company.email with company.name, else a fixed sender'),
  'smtp.replyTo': fromElsewhere('company.email'),
  'smtp.maxConnections': fromElsewhere('5 pooled connections, chosen by the transport and the delivery'),
  'smtp.rateLimit': UNREAD,
  'smtp.maxPerDay': UNREAD,
  'policy.scope': () => policy.scope,
  'policy.escalation': () => policy.escalation,
  'policy.grouping': () => policy.grouping,
  'policy.minAmount': () => policy.minAmount,
  'policy.defaultLanguage': () => policy.defaultLanguage,
  'policy.defaultCurrency': () => policy.defaultCurrency,
  'policy.statementEveryDays': () => policy.statementEveryDays,
  'policy.statementKind': () => policy.statementKind,
  'policy.interestRatePercent': () => policy.interestRatePercent,
  'policy.levels': () => policy.levels,
  'policy.profiles': () => policy.profiles,
  'policy.installments.enabled': () => policy.installments.enabled,
  'policy.installments.graceDays': () => policy.installments.graceDays,
  'policy.promiseGraceDays': () => policy.promiseGraceDays,
  'schedule.autoSend': sendDueSends,
  'schedule.approval': fromElsewhere('false: --send-due sends without a proposal'),
  'schedule.fourEyes': fromElsewhere('unset: whoever may approve may approve a proposal they made'),
  'schedule.digestTo': UNREAD,
  'schedule.maxAsOfDays': maxAsOfDays,
  'archive.keepDays': UNREAD,
  templatesDir: UNREAD,
  'db.passwordCommand': UNREAD,
  'policy.replyPauseDays': () => policy.replyPauseDays,
  'imap.host': UNREAD,
  'imap.port': fromElsewhere('993, or 143 when imap.secure is false'),
  'imap.secure': async () => (await imapOptions({ imap: { host: 'h', user: 'u' } }, { DUEDESK_IMAP_PASSWORD: 'p' })).secure,
  'imap.user': UNREAD,
  'imap.passwordCommand': UNREAD,
  'imap.mailbox': async () => (await imapOptions({ imap: { host: 'h', user: 'u' } }, { DUEDESK_IMAP_PASSWORD: 'p' })).mailbox,
  'imap.moveTo': UNREAD,
};

/** The keys `config --help` documents, in its order. */
async function documentedKeys(box: Sandbox): Promise<string[]> {
  const { code, stdout } = await box.run(['config', '--help']);
  expect(code).toBe(0);
  const section = stdout.split('\nKeys:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').map((line) => line.trim().split(/\s+/)[0] ?? '');
}

/** What `config get KEY` reports on an empty settings file: the value, or that there is none. */
async function configGet(box: Sandbox, key: string): Promise<{ value: unknown } | 'no default'> {
  const { code, stdout, stderr } = await box.run(['config', 'get', key]);
  expect(code).toBe(0);
  if (stderr === `${key} is not set and has no default\n`) return 'no default';
  expect(stderr).toBe('');
  const text = stdout.replace(/\n$/, '');
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { value: text };
  }
}

/** An empty reading: no value, an empty list or map. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

describe('the settings table', () => {
  it('is what config --help documents: every key, in table order, and no other', async () => {
    expect(await documentedKeys(sandbox())).toEqual(TABLE_KEYS);
  });

  it('gives the TUI the keys it edits, and never a command that prints a password', () => {
    expect(TUI_SETTING_KEYS).toContain('smtp.host');
    expect(TUI_SETTING_KEYS.filter((key) => key.endsWith('passwordCommand'))).toEqual([]);
  });

  const box = sandbox(TODAY);
  it.each(TABLE_KEYS)('config get %s reports what the engine uses on an empty settings file', async (key) => {
    const reported = await configGet(box, key);
    const reading = ENGINE[key];
    if (typeof reading !== 'function') {
      // Unread, or filled from elsewhere: either way no one value for `config get` to print.
      expect(reported).toBe('no default');
      return;
    }
    const used = await reading();
    if (reported === 'no default') expect(isEmpty(used), `the engine uses ${JSON.stringify(used)}`).toBe(true);
    else expect(reported.value).toEqual(used);
  });

  it('reports the promise grace the engine applies, 0 days', async () => {
    expect(await configGet(sandbox(), 'policy.promiseGraceDays')).toEqual({ value: 0 });
    expect(resolvePolicy({}).promiseGraceDays).toBe(0);
  });
});
