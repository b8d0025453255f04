/** The JSON of a plan (docs/reference/json.md §2) and the table for people. */
import { describe, expect, it } from 'vitest';
import { formatPlanReport, planToJson } from '../../src/cli/commands/send-due-report.js';
import { ExitCode } from '../../src/core/exit-codes.js';
import { due, planOf, policyWith, snapshot } from '../rules/snapshots.js';

const D = '2026-11-22';
const levels = policyWith().levels.map((level) => (level.id === 'first' ? { ...level, fee: 5 } : level));
const policy = policyWith({ levels, bcc: ['archive@us.example'] });
const result = planOf(
  [
    snapshot([due('2026-11-10', { number: 'INV-1', openAmount: 100050 }), due('2026-11-12', { number: 'INV-7', openAmount: 23400 })], { customer: { code: 'C001', email: 'a@example.com' } }),
    snapshot([due('2026-11-01', { number: 'J-1', currency: 'JPY', amount: 1500, openAmount: 1500 })], { customer: { code: 'C002', email: 'b@example.com' } }),
    snapshot([due('2026-11-10')], { customer: { code: 'C009', email: null } }),
  ],
  D,
  policy,
);

describe('planToJson', () => {
  it('is exactly the documented JSON object in a dry run', () => {
    expect(planToJson(result, null)).toEqual({
      asOf: D,
      dryRun: true,
      messages: [
        { customer: 'C001', kind: 'reminder', level: 'first', currency: 'EUR', to: ['a@example.com'], cc: [], bcc: ['archive@us.example'], items: ['INV-1', 'INV-7'], total: '1234.50', fee: '5.00', interest: '0.00', unapplied: '0.00', notYetDue: '0.00', status: 'planned', messageId: null, error: null },
        { customer: 'C002', kind: 'reminder', level: 'second', currency: 'JPY', to: ['b@example.com'], cc: [], bcc: ['archive@us.example'], items: ['J-1'], total: '1500', fee: '0', interest: '0', unapplied: '0', notYetDue: '0', status: 'planned', messageId: null, error: null },
      ],
      skipped: [{ customer: 'C009', reason: 'no-email', detail: 'no e-mail address' }],
      counts: { planned: 2, sent: 0, failed: 0, uncertain: 0, skipped: 1 },
      problems: [],
    });
  });

  it('takes status, Message-ID and error from the delivery outcome', () => {
    const json = planToJson(result, {
      exitCode: ExitCode.SomeFailed,
      messages: [
        { key: 'C001-EUR-first', status: 'sent', messageId: '<1@x>', error: null },
        { key: 'C002-JPY-second', status: 'failed', messageId: '<2@x>', error: '550 no such user' },
      ],
    });
    expect(json.dryRun).toBe(false);
    expect(json.messages.map((m) => [m.status, m.messageId, m.error])).toEqual([['sent', '<1@x>', null], ['failed', '<2@x>', '550 no such user']]);
    expect(json.counts).toEqual({ planned: 2, sent: 1, failed: 1, uncertain: 0, skipped: 1, notSent: 0 });
  });

  it('reports a message the run did not send as planned and not sent, never as failed', () => {
    const outcome = {
      exitCode: ExitCode.Ok,
      messages: [
        { key: 'C001-EUR-first', status: 'sent' as const, messageId: '<1@x>', error: null },
        { key: 'C002-JPY-second', status: 'not-sent' as const, reason: 'changed' as const, messageId: null, error: 'not sent: changed since planned' },
      ],
    };
    const json = planToJson(result, outcome);
    expect(json.messages.map((m) => [m.status, m.error])).toEqual([['sent', null], ['planned', 'not sent: changed since planned']]);
    expect(json.counts).toEqual({ planned: 2, sent: 1, failed: 0, uncertain: 0, skipped: 1, notSent: 1 });
    const text = formatPlanReport(result, outcome);
    expect(text).toContain('Planned 2, sent 1, failed 0, uncertain 0, not sent 1, skipped 1');
    expect(text).toMatch(/C002 .* not sent: changed since planned\n/);
  });

  it('keeps messages planned when nothing was sent (schedule.autoSend false)', () => {
    const json = planToJson(result, { exitCode: ExitCode.Ok, messages: [] });
    expect(json.messages.map((m) => m.status)).toEqual(['planned', 'planned']);
    expect(json.counts.sent).toBe(0);
  });
});

describe('formatPlanReport', () => {
  it('shows one row per message, then the skips, the problems and the counts', () => {
    const withProblem = { ...result, problems: [{ customer: 'C009', field: 'email2', message: '"x;y" holds several addresses; it is not used' }] };
    const text = formatPlanReport(withProblem, null);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Plan as of 2026-11-22 (dry run: nothing sent)');
    expect(lines.find((line) => line.startsWith('C001'))).toMatch(/C001\s+Acme Ltd\s+reminder\/first\s+EUR\s+2\s+1234\.50\s+5\.00\s+0\.00\s+a@example\.com$/);
    expect(lines.find((line) => line.startsWith('C002'))).toMatch(/reminder\/second\s+JPY\s+1\s+1500\s+0\s+0\s+b@example\.com$/);
    expect(text).toMatch(/Skipped:\n.*\n.*\nC009\s+no-email\s+no e-mail address\n/);
    expect(text).toContain('Problems in the data:\n  C009 email2: "x;y" holds several addresses; it is not used');
    expect(lines.at(-2)).toBe('Planned 2, sent 0, failed 0, uncertain 0, skipped 1');
  });

  it('says so when nothing is due, and shows the status after sending', () => {
    expect(formatPlanReport({ asOf: D, messages: [], skipped: [], problems: [] }, null)).toContain('Nothing is due.');
    const sent = formatPlanReport(result, { exitCode: ExitCode.Ok, messages: [{ key: 'C001-EUR-first', status: 'sent', messageId: '<1@x>', error: null }] });
    expect(sent.split('\n')[0]).toBe('Plan as of 2026-11-22');
    expect(sent).toMatch(/a@example\.com\s+sent\n/);
  });
});
