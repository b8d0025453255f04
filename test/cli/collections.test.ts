/** The collections commands (docs/reference/cli.md §9): promise, dispute and note record what the clerk typed, or refuse it with exit 2. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

async function seeded(): Promise<Sandbox> {
  const box = sandbox();
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  await importCsv(box, {
    customers: 'code,name,email,agent_email,language\nC1,Rossi Srl,ap@rossi.test,agente@company.test,it\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-09-01,2026-10-01,100.00\nC1,INV-2,2026-10-01,2026-11-01,50.00\nC1,INV-3,2026-10-05,2026-11-05,20.00\n',
  });
  return box;
}

async function planned(box: Sandbox, asOf: string): Promise<{ items: string[]; level: string }[]> {
  const result = await box.run(['--send-due', '--dry-run', '--json', '--as-of', asOf]);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { messages: { items: string[]; level: string }[] }).messages;
}

describe('duedesk promise', () => {
  it('records a promise of named items; they wait until its date, the others are reminded', async () => {
    const box = await seeded();
    const result = await box.run(['promise', 'C1', '--date', '2026-11-30', '--items', 'INV-1', 'INV-2', '--note', 'paga a fine mese']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('promise #1: C1 promised 150.00 EUR by 2026-11-30 for INV-1, INV-2\n');
    expect((await planned(box, '2026-11-22')).map((m) => m.items)).toEqual([['INV-3']]);
  });

  it.each([
    [['promise', 'C1'], 'duedesk: promise: --date is required'],
    [['promise', 'C1', '--date', '2026-11-30', 'INV-1'], 'duedesk: promise: unexpected argument "INV-1"'],
    [['promise', 'C9', '--date', '2026-11-30'], 'duedesk: promise: unknown customer "C9"'],
    [['promise', 'C1', '--date', '2026-11-30', '--amount', '999'], "duedesk: promise: --amount 999.00 is more than the items' open 170.00 EUR"],
    [['promise', 'C1', '--date', '2026-11-30', '--reason', 'x'], 'duedesk: --reason works only with dispute'],
  ])('%j → exit 2: %s', async (argv, message) => {
    const box = await seeded();
    const result = await box.run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(message);
  });
});

describe('duedesk dispute', () => {
  it("marks an item, leaves it out of reminders, tells the agent through the outbox, and resolves it", async () => {
    const box = await seeded();
    const result = await box.run(['dispute', 'C1', 'INV-1', '--reason', 'merce danneggiata']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('dispute: C1 item INV-1 disputed ("merce danneggiata"); left out of reminders until resolved');
    const outbox = join(box.dir, 'outbox');
    const [eml] = readdirSync(outbox);
    expect(readFileSync(join(outbox, eml!), 'utf8')).toMatch(/^Subject: Contestazione: INV-1 di Rossi Srl \(C1\)/m);
    expect((await planned(box, '2026-11-22')).flatMap((m) => m.items)).not.toContain('INV-1');
    expect((await box.run(['dispute', 'C1', 'INV-1', '--resolve', '--note', 'nota di credito'])).code).toBe(0);
    expect((await planned(box, '2026-11-22')).flatMap((m) => m.items)).toContain('INV-1');
  });

  it('without a sender address the dispute is saved, the run exits 0 and says the agent was not told, and why', async () => {
    const box = sandbox();
    await importCsv(box, {
      customers: 'code,name,email,agent_email\nC1,Rossi Srl,ap@rossi.test,agente@company.test\n',
      items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-09-01,2026-10-01,100.00\n',
    });
    const result = await box.run(['dispute', 'C1', 'INV-1', '--reason', 'goods damaged']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dispute: C1 item INV-1 disputed ("goods damaged")');
    expect(result.stderr).toBe('dispute: the sales agent agente@company.test was not told: no sender address; set smtp.from (or company.email) first\n');
    const items = await box.run(['export', 'items']);
    expect(items.stdout).toMatch(/^C1,INV-1,.*,goods damaged$/m);
    expect(existsSync(join(box.dir, 'outbox'))).toBe(false);
  });

  it('needs either --reason or --resolve', async () => {
    const box = await seeded();
    const result = await box.run(['dispute', 'C1', 'INV-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dispute: give either --reason or --resolve');
  });
});

describe('duedesk note', () => {
  it('adds a note with a follow-up and marks it done', async () => {
    const box = await seeded();
    expect((await box.run(['note', 'C1', 'Called,', 'promised', 'a', 'transfer', '--follow-up', '2026-11-25'])).stdout).toBe('note #1 on C1, follow up on 2026-11-25\n');
    expect((await box.run(['note', '--done', '1'])).stdout).toBe('note #1: follow-up done\n');
    const again = await box.run(['note', '--done', '1']);
    expect([again.code, again.stderr]).toEqual([2, 'duedesk: note: no open follow-up #1\n']);
  });
});

describe('promises in the history export', () => {
  it('are rows of kind promise with their status today, amount, clerk and items', async () => {
    const box = await seeded();
    await box.run(['promise', 'C1', '--date', '2026-11-20', '--items', 'INV-1', '--as-of', '2026-11-10', '--note', 'bonifico']);
    await box.run(['promise', 'C1', '--date', '2026-11-30', '--items', 'INV-2']);
    const result = await box.run(['export', 'history']);
    const rows = (await import('csv-parse/sync')).parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.kind, row.date, row.customer, row.status, row.total, row.items, row.operator !== ''])).toEqual([
      ['promise', '2026-11-20', 'C1', 'broken', '100.00', 'INV-1', true],
      ['promise', '2026-11-30', 'C1', 'open', '50.00', 'INV-2', true],
    ]);
  });
});
