import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as cli } from '../../src/cli/main.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { buildDemo, demoEnv, demoGlobals, EARLIER_CUSTOMER, EARLIER_DAYS, STATEMENT_DAYS, type DemoPaths } from '../../scripts/demo.js';
import { BOUNCED_CUSTOMER, REPLYING_CUSTOMER } from '../../scripts/demo-inbox.js';
import { addDays } from '../../src/core/dates.js';
import { formatLongDate } from '../../src/core/format.js';
import { DEMO_TABLES, type DemoTable } from '../../scripts/demo-dates.js';
import { valuesOf } from '../helpers/store.js';

const root = mkdtempSync(join(tmpdir(), 'duedesk-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const demoDir = join(import.meta.dirname, '..', '..', 'data', 'demo');
const rowsIn = (table: DemoTable): number => (parse(readFileSync(join(demoDir, `${table}.csv`)), { columns: true }) as unknown[]).length;

function sink() {
  let text = '';
  return { write: (chunk: string) => { text += chunk; return true; }, get text() { return text; } };
}

async function count(path: string, table: string): Promise<number> {
  const store = await openLedger(path);
  try {
    return Number((await valuesOf(store, `SELECT COUNT(*) FROM ${table}`))[0]?.[0]);
  } finally {
    store.close();
  }
}

interface PlanJson {
  messages: Array<{ customer: string; kind: string; level: string | null; currency: string; total: string; unapplied: string; items: string[]; to: string[] }>;
  skipped: Array<{ customer: string; reason: string }>;
}

async function build(name: string, asOf: string, approval = false): Promise<{ paths: DemoPaths; plan: PlanJson }> {
  const paths: DemoPaths = { csvDir: demoDir, dbPath: join(root, name, 'demo.db'), stateDir: join(root, name, 'state') };
  const stdout = sink();
  const stderr = sink();
  expect(await buildDemo(paths, asOf, { stdout, stderr }, { approval })).toBe(0);
  expect(stderr.text).toBe('');
  const out = sink();
  const code = await cli(['--send-due', '--dry-run', '--json', '--as-of', asOf, ...demoGlobals(paths)], { stdout: out, stderr, env: {}, cwd: root });
  expect([code, stderr.text]).toEqual([0, '']);
  return { paths, plan: JSON.parse(out.text) as PlanJson };
}

describe('npm run demo data', () => {
  it.each(['2026-11-23', '2027-03-01'])('imports with zero errors and shows every kind of work as of %s', async (asOf) => {
    const { paths, plan } = await build(asOf, asOf);
    expect(await count(paths.dbPath, 'customers')).toBe(60);
    for (const table of DEMO_TABLES) expect(await count(paths.dbPath, table)).toBe(rowsIn(table));

    const skipped = Object.fromEntries(plan.skipped.map((s) => [s.customer, s.reason]));
    expect(skipped).toMatchObject({ EN10: 'opted-out', IT10: 'on-hold', EN06: 'no-email', GR05: 'no-email' });
    // What came back to the mailbox: IT02 answered yesterday, so its reminder waits for a clerk;
    // EN03's first address bounced, so its reminder goes to the second.
    expect(skipped).toMatchObject({ [REPLYING_CUSTOMER]: 'replied' });
    expect(plan.messages.find((m) => m.customer === BOUNCED_CUSTOMER)?.to).toEqual(['payables@kestrelmarine.example.com']);
    const levels = new Set(plan.messages.filter((m) => m.kind === 'reminder').map((m) => m.level));
    for (const level of ['upcoming', 'first', 'second', 'final']) expect(levels).toContain(level);
    expect(new Set(plan.messages.map((m) => m.currency))).toEqual(new Set(['EUR', 'GBP', 'USD', 'BGN', 'BRL']));
    // The debtor who missed this month's installments is notified; the one who paid is not.
    expect(plan.messages.filter((m) => m.kind === 'installment').map((m) => m.customer)).toEqual(['BG05']);
    // Payments on account are netted and shown; a partial instalment leaves the month's shortfall to ask
    // (150.00 of the first case's 200.00 plus the second case's 80.00); a customer billed in two
    // currencies gets one message per currency.
    for (const code of ['EN03', 'IT03']) expect(plan.messages.filter((m) => m.customer === code).map((m) => m.unapplied)).toEqual(['150.00']);
    expect(plan.messages.find((m) => m.kind === 'installment')?.total).toBe('230.00');
    expect(plan.messages.filter((m) => m.customer === 'EN02').map((m) => m.currency)).toEqual(['GBP', 'USD']);
    // Customers whose items are all not yet due get nothing.
    expect(plan.messages.some((m) => m.customer === 'EN12')).toBe(false);
    // A customer on the second profile is reminded by its own ladder, and the item the
    // customer disputes is left out of its reminders.
    expect(plan.messages.filter((m) => m.customer === 'EN08').map((m) => m.level)).toEqual(['friendly']);
    expect(plan.messages.filter((m) => m.customer === 'EN01').flatMap((m) => m.items)).not.toContain('INV-2026-0403');
    // EN04 is on the stepwise profile: its debt, months overdue, got a first reminder twenty days
    // ago (the history the demo starts from) and climbs to the second today, which cites it.
    expect(plan.messages.filter((m) => m.customer === 'EN04').map((m) => m.level)).toEqual(['second']);
    const out = join(root, asOf, 'previews');
    expect(await cli(['--send-due', '--dry-run', '--as-of', asOf, '--out', out, ...demoGlobals(paths)], { stdout: sink(), stderr: sink(), env: {}, cwd: root })).toBe(0);
    const letter = readFileSync(join(out, 'EN04-EUR-second.eml'), 'utf8');
    expect(letter.replace(/=\r\n/g, '').replace(/\r\n/g, ' ')).toContain(`We sent you a reminder on ${formatLongDate(addDays(asOf, -EARLIER_DAYS), 'en')}.`);
    // EN09 promised to pay in five days: nothing reminds it meanwhile; EN04's note is due today.
    expect(plan.messages.some((m) => m.customer === 'EN09')).toBe(false);
    expect(await count(paths.dbPath, 'promises')).toBe(1);
    const store = await openLedger(paths.dbPath);
    try {
      expect(await valuesOf(store, 'SELECT customer_code, follow_up FROM customer_notes')).toEqual([['EN04', asOf]]);
    } finally {
      await store.close();
    }
  });

  it('the --approval variant leaves the day\'s plan as a pending proposal and sends nothing', async () => {
    const { paths, plan } = await build('approval', '2026-11-23', true);
    const out = sink();
    expect(await cli(['proposal', 'list', ...demoGlobals(paths)], { stdout: out, stderr: sink(), env: {}, cwd: root })).toBe(0);
    expect(out.text).toMatch(new RegExp(`^#1  2026-11-23  pending  ${plan.messages.length} messages`));
    // Only the history the demo starts from: nothing of the day itself went out.
    const store = await openLedger(paths.dbPath);
    try {
      expect(await valuesOf(store, 'SELECT customer_code, as_of FROM messages ORDER BY as_of')).toEqual([
        [EARLIER_CUSTOMER, addDays('2026-11-23', -EARLIER_DAYS)],
        [BOUNCED_CUSTOMER, addDays('2026-11-23', -STATEMENT_DAYS)],
      ]);
    } finally {
      await store.close();
    }
  });

  it('re-importing the same files changes nothing', async () => {
    const { paths } = await build('again', '2026-11-23');
    const stdout = sink();
    const code = await cli(['import', 'items', join(paths.stateDir, 'csv', 'items.csv'), ...demoGlobals(paths)], { stdout, stderr: sink(), env: {}, cwd: root });
    expect(code).toBe(0);
    expect(stdout.text).toContain(`0 added, 0 updated, ${rowsIn('items')} unchanged`);
  });

  it('never lets DUEDESK_* variables (e.g. a real SMTP URL) reach the demo', () => {
    expect(demoEnv({ DUEDESK_SMTP_URL: 'smtp://u:p@mail.example.com', DUEDESK_DB: '/x.db', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});
