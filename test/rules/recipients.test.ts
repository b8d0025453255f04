/** Recipients (docs/reference/rules.md §3.5): one valid mailbox per field, primary/all, agent CC, BCC, problems visible. */
import { describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/core/recipients.js';
import { due, planOf, policyWith, snapshot } from './snapshots.js';

const D = '2026-03-10';

describe('checkAddress', () => {
  it.each(['ar@acme.example', 'a.b+tag@sub.acme.example', '  ar@acme.example  ', "o'brien@pub.example", 'λογιστήριο@παράδειγμα.ελ'])(
    'accepts %j',
    (address) => expect(checkAddress(address).ok).toBe(true),
  );
  it.each([
    ['', 'is empty'],
    ['ar@acme.example\r\nBcc: x@evil.example', 'line break'],
    ['ar@acme.example\n', ''],
    ['a@acme.example, b@acme.example', 'several addresses'],
    ['a@acme.example;b@acme.example', 'several addresses'],
    ['Acme <ar@acme.example>', 'not a plain address'],
    ['<ar@acme.example>', 'not a plain address'],
    ['"a@b"@acme.example', 'not a plain address'],
    ['a@b@acme.example', 'exactly one "@"'],
    ['a b@acme.example', 'spaces'],
    ['ar@acme', 'invalid domain'],
    ['ar@-acme.example', 'invalid domain'],
    ['ar@1.2.3.4', 'invalid domain'],
    ['.ar@acme.example', 'invalid part'],
    ['ar..x@acme.example', 'invalid part'],
    ['@acme.example', 'exactly one "@"'],
  ])('refuses %j (%s)', (address, why) => {
    const check = checkAddress(address);
    expect(check.ok).toBe(false);
    if (!check.ok && why) expect(check.error).toContain(why);
  });
});

describe('recipients of a message', () => {
  const customer = { email: 'bad;x@acme.example', email2: 'two@acme.example', email3: 'Three@Acme.example' };
  it.each([
    { mode: 'primary' as const, fields: customer, to: ['two@acme.example'] },
    { mode: 'all' as const, fields: customer, to: ['two@acme.example', 'Three@Acme.example'] },
    { mode: 'all' as const, fields: { email: 'a@acme.example', email2: 'A@ACME.example', email3: null }, to: ['a@acme.example'] },
    { mode: 'primary' as const, fields: { email: 'a@acme.example', email2: 'b@acme.example', email3: null }, to: ['a@acme.example'] },
  ])('$mode over $fields → $to', ({ mode, fields, to }) => {
    const [message] = planOf([snapshot([due('2026-03-01')], { customer: fields })], D, policyWith({ recipients: mode })).messages;
    expect(message?.to).toEqual(to);
  });

  it('a refused field is reported as a problem and never used', () => {
    const result = planOf([snapshot([due('2026-03-01')], { customer })], D);
    expect(result.problems).toEqual([
      { customer: 'C001', field: 'email', message: '"bad;x@acme.example" holds several addresses (comma or semicolon); it is not used' },
    ]);
  });

  it('nothing valid left → no-email, with the refused fields named', () => {
    const result = planOf([snapshot([due('2026-03-01')], { customer: { email: 'x@acme.example\r\nBcc: y@evil.example' } })], D);
    expect(result.messages).toEqual([]);
    expect(result.skipped).toEqual([{ customer: 'C001', reason: 'no-email', detail: 'no valid e-mail address (refused: email)' }]);
  });

  it('the agent is in CC only at levels that say so, and a bad agent address is refused', () => {
    const levels = policyWith().levels.map((level) => (level.id === 'second' ? { ...level, ccAgent: true } : level));
    const policy = policyWith({ levels, bcc: ['archive@us.example', 'bad address'] });
    const agent = { agentEmail: 'agent@us.example' };
    const second = planOf([snapshot([due('2026-02-10')], { customer: agent })], D, policy);
    expect(second.messages.map((message) => [message.cc, message.bcc])).toEqual([[['agent@us.example'], ['archive@us.example']]]);
    expect(second.problems).toEqual([{ customer: '', field: 'mail.bcc', message: '"bad address" contains spaces; it is not used' }]);
    const first = planOf([snapshot([due('2026-03-01')], { customer: agent })], D, policy);
    expect(first.messages[0]?.cc).toEqual([]);
    const refused = planOf([snapshot([due('2026-02-10')], { customer: { agentEmail: 'a@x.example, b@x.example' } })], D, policy);
    expect(refused.messages[0]?.cc).toEqual([]);
    expect(refused.problems.map((problem) => problem.field)).toContain('agent_email');
  });
});
