/**
 * What `--send-due --json` tells about customers that get nothing: skip reasons that say what
 * happened, and the data problems that kept a customer out of the plan.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

interface Json {
  messages: { customer: string; kind: string; currency: string }[];
  skipped: { customer: string; reason: string; detail?: string }[];
  problems: { customer: string; field: string; message: string }[];
}

async function dryRun(box: ReturnType<typeof sandbox>): Promise<Json> {
  const result = await box.run(['--send-due', '--dry-run', '--json']);
  expect([result.code, result.stderr]).toEqual([0, '']);
  return JSON.parse(result.stdout) as Json;
}

describe('skip reasons', () => {
  it('a statement sent in place of a stopped reminder is no skip; a disputed currency is `disputed`; statements off says so', async () => {
    const box = sandbox();
    await importCsv(box, {
      customers:
        'code,name,email,reminders,statements,statement_every_days\n' +
        'A4,Statements only,a4@x.test,no,yes,10\n' +
        'B1,Disputes USD,b1@x.test,yes,yes,10\n' +
        'S1,No statements,s1@x.test,yes,no,10\n',
      items:
        'customer_code,number,issue_date,due_date,amount,currency,dispute\n' +
        'A4,A-1,2026-09-01,2026-10-01,100.00,EUR,\n' +
        'B1,U-1,2026-09-01,2026-10-01,80.00,USD,never ordered\n' +
        'S1,S-1,2026-09-01,2026-10-01,60.00,EUR,wrong price\n',
    });
    const json = await dryRun(box);
    expect(json.messages.map((m) => [m.customer, m.kind, m.currency])).toEqual([['A4', 'statement', 'EUR']]);
    expect(json.skipped).toEqual([
      { customer: 'B1', reason: 'disputed', detail: 'every USD item is disputed (U-1)' },
      { customer: 'S1', reason: 'opted-out', detail: 'statements off' },
    ]);
    const text = await box.run(['--send-due', '--dry-run']);
    expect(text.stdout).toMatch(/^B1 +disputed +every USD item is disputed \(U-1\)$/m);
    expect(text.stdout).not.toMatch(/^A4 +opted-out/m);
  });
});

describe('problems', () => {
  it('are always in the JSON, and name a customer on a profile the settings no longer have', async () => {
    const box = sandbox();
    await configSet(box, 'policy.profiles', '{"gentle":{"statementEveryDays":30}}');
    await importCsv(box, {
      customers: 'code,name,email,profile\nC1,Uno,c1@x.test,gentle\nC2,Due,c2@x.test,gentle\nC3,Tre,c3@x.test,\n',
      items: 'customer_code,number,issue_date,due_date,amount\nC1,A-1,2026-09-01,2026-11-10,10.00\nC3,C-1,2026-09-01,2026-11-10,30.00\n',
    });
    expect((await dryRun(box)).problems).toEqual([]);

    const unset = await box.run(['config', 'unset', 'policy.profiles']);
    expect(unset.code).toBe(0);
    expect(unset.stderr).toBe('warning: 2 customers are on profile "gentle", which policy.profiles no longer has; nothing is planned for them until the profile is back or they are moved to another\n');

    const json = await dryRun(box);
    expect(json.messages.map((m) => m.customer)).toEqual(['C3']);
    const message = 'profile "gentle" is not in policy.profiles (known: default); nothing is planned for this customer';
    expect(json.problems).toEqual([
      { customer: 'C1', field: 'profile', message },
      { customer: 'C2', field: 'profile', message },
    ]);

    const set = await box.run(['config', 'set', 'policy.profiles', '{"strict":{}}']);
    expect([set.code, set.stderr]).toEqual([0, expect.stringContaining('warning: 2 customers are on profile "gentle"')]);
    const back = await box.run(['config', 'set', 'policy.profiles', '{"strict":{},"gentle":{}}']);
    expect([back.code, back.stderr]).toEqual([0, '']);
  });

  it('a settings change on a ledger not yet created looks at no customers and creates no file', async () => {
    const box = sandbox();
    await configSet(box, 'policy.profiles', '{"gentle":{}}');
    const { existsSync } = await import('node:fs');
    expect(existsSync(box.db)).toBe(false);
  });
});
