/**
 * `npm run demo`: build a fresh demo database (data/demo.db) and settings (data/demo-state/) from
 * data/demo/*.csv through the real import, with the dates moved to today so every reminder band
 * has work, then open the TUI on it. Without a terminal (CI, pipes) it prints the customers and
 * the dry-run report of what is due instead, and exits 0.
 *   npm run demo [-- --as-of YYYY-MM-DD] [-- --no-tui] [-- --approval]
 * With --approval, schedule.approval is on and the day's plan waits as a proposal for approval.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, isIsoDate, localDate } from '../src/core/dates.js';
import type { IsoDate } from '../src/core/domain.js';
import { currencyDigits, formatMinor } from '../src/core/money.js';
import type { TextSink } from '../src/runtime/context.js';
import { main as cli } from '../src/cli/main.js';
import { SettingsFile } from '../src/settings/file.js';
import type { Settings } from '../src/core/settings.js';
import { openStore } from '../src/storage/sqljs/database.js';
import { DEMO_TABLES, writeShiftedDemo } from './demo-dates.js';
import { DEMO_CUSTOMERS } from './demo-customers.js';
import { BOUNCED_CUSTOMER, fileDemoInbox } from './demo-inbox.js';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';

/** Where a demo is built and for which day. */
export interface DemoPaths {
  /** Folder of the committed CSVs (data/demo). */
  csvDir: string;
  /** The demo database file (git-ignored). */
  dbPath: string;
  /** Settings, shifted CSVs and the outbox (git-ignored). */
  stateDir: string;
}

/** The demo's paths inside a checkout. */
export function demoPaths(root: string): DemoPaths {
  return { csvDir: join(root, 'data', 'demo'), dbPath: join(root, 'data', 'demo.db'), stateDir: join(root, 'data', 'demo-state') };
}

/** The fictional company the demo sends as (its IBAN passes the mod-97 check). */
export function demoSettings(stateDir: string): Settings {
  return {
    company: {
      name: 'Halvard & Lind Trading GmbH',
      address: 'Beispielstraße 12, 10115 Berlin, Deutschland',
      vatId: 'DE999999999',
      email: 'accounts@halvard-lind.example.com',
      phone: '+49 30 1234 5678',
      iban: 'DE25100200300123456789',
      bic: 'DEMODEFFXXX',
      country: 'DE',
    },
    operator: 'demo',
    mail: { transport: 'outbox', outboxDir: join(stateDir, 'outbox'), printDir: join(stateDir, 'print') },
    smtp: { from: 'Halvard & Lind Accounts <accounts@halvard-lind.example.com>' },
    policy: {
      promiseGraceDays: 2,
      // A second dunning profile for long-standing customers: later, fewer reminders, then handover.
      profiles: {
        gentle: {
          levels: [
            { id: 'friendly', name: 'Friendly reminder', days: 14, template: 'first' },
            { id: 'firm', name: 'Firm reminder', days: 45, template: 'final', repeatEveryDays: 30, maxRepeats: 2 },
          ],
          statementEveryDays: 30,
        },
        // The default ladder climbed one level per reminder sent: a debt imported long overdue
        // starts at the first reminder, never at a final notice nobody was warned of.
        careful: { escalation: 'stepwise' },
      },
    },
  };
}

/** CLI arguments naming the demo database and settings. */
export function demoGlobals(paths: DemoPaths): string[] {
  return ['--db', paths.dbPath, '--config-dir', join(paths.stateDir, 'config')];
}

/**
 * Remove any previous demo, write the settings, move the CSV dates to `asOf` and import the four
 * files through the duedesk CLI. Returns 0, or the exit code of the first import that failed.
 */
export async function buildDemo(paths: DemoPaths, asOf: IsoDate, io: { stdout: TextSink; stderr: TextSink }, options: { approval?: boolean } = {}): Promise<number> {
  // The database and everything beside it that carries its name (lock and temp files).
  const folder = dirname(paths.dbPath);
  const name = basename(paths.dbPath);
  if (existsSync(folder)) for (const file of readdirSync(folder)) if (file.startsWith(name)) rmSync(join(folder, file), { force: true, recursive: true });
  rmSync(paths.stateDir, { recursive: true, force: true });
  // The previous demo's archived messages (the archive beside the database, docs/reference/cli.md §11.1).
  rmSync(join(folder, 'archive'), { recursive: true, force: true });
  const csvOut = join(paths.stateDir, 'csv');
  mkdirSync(csvOut, { recursive: true });
  mkdirSync(dirname(paths.dbPath), { recursive: true });
  new SettingsFile(join(paths.stateDir, 'config')).write(demoSettings(paths.stateDir));
  const files = writeShiftedDemo(paths.csvDir, csvOut, asOf);
  for (const table of DEMO_TABLES) {
    const code = await cli(['import', table, files[table], ...demoGlobals(paths)], { ...io, env: {}, cwd: process.cwd() });
    if (code !== 0) {
      io.stderr.write(`demo: importing ${table} failed (exit ${code})\n`);
      return code;
    }
    // The customers on a dunning profile, and the history the demo starts from, before the rest.
    if (table === 'customers') {
      const earlier = await earlierHistory(paths, asOf, files.items, io);
      if (earlier !== 0) return earlier;
    }
  }
  return collectionsDemo(paths, asOf, io, options.approval === true);
}

/** How many days before the demo date the reminder on record for EARLIER_CUSTOMER was sent. */
export const EARLIER_DAYS = 20;
/** The customer whose reminder the demo sent before its date: today's letter cites it. */
export const EARLIER_CUSTOMER = 'EN04';

/**
 * Run the CLI on the demo ledger as on the day `today`; its stderr is passed on only when the step
 * fails. The day matters: a real send stays within schedule.maxAsOfDays of the day it runs on.
 */
async function demoStep(paths: DemoPaths, step: string[], io: { stdout: TextSink; stderr: TextSink }, today: IsoDate): Promise<number> {
  let notes = '';
  const quiet = { write: (_text: string) => true };
  const onThatDay = { stdout: quiet, stderr: { write: (text: string) => (notes += text) }, env: {}, cwd: process.cwd(), now: () => new Date(`${today}T12:00:00`) };
  const code = await cli([...step, ...demoGlobals(paths)], onThatDay);
  if (code !== 0) io.stderr.write(`${notes}demo: ${step.slice(0, 2).join(' ')} failed (exit ${code})\n`);
  // What a step says on stderr when it works (the proposal recorded) is news, not an error.
  else io.stdout.write(notes);
  return code;
}

/**
 * The customers on a dunning profile, then a history to start from: EN04's items
 * alone, sent their reminder EARLIER_DAYS before the demo date through the outbox, as a run on
 * that day would have. EN04 is on the stepwise profile: that run sent the first reminder though
 * its debt was months overdue, and today's second reminder cites it by its date.
 */
async function earlierHistory(paths: DemoPaths, asOf: IsoDate, itemsFile: string, io: { stdout: TextSink; stderr: TextSink }): Promise<number> {
  const onProfile = DEMO_CUSTOMERS.filter((customer) => customer.profile !== undefined);
  const profiles = join(paths.stateDir, 'csv', 'profiles.csv');
  // A partial customers file: only the profile changes (absent columns stay, docs/reference/csv.md §2).
  writeFileSync(profiles, stringify(onProfile.map((c) => [c.code, c.name, c.profile]), { header: true, columns: ['code', 'name', 'profile'] }));
  const items = parse(readFileSync(itemsFile, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const earlierItems = join(paths.stateDir, 'csv', 'earlier-items.csv');
  writeFileSync(earlierItems, stringify(items.filter((row) => row.customer_code === EARLIER_CUSTOMER), { header: true, columns: Object.keys(items[0] ?? {}) }));
  const earlier = addDays(asOf, -EARLIER_DAYS);
  for (const step of [
    ['import', 'customers', profiles],
    ['import', 'items', earlierItems],
    ['--send-due', '--as-of', earlier],
  ]) {
    const code = await demoStep(paths, step, io, earlier);
    if (code !== 0) return code;
  }
  return 0;
}

/**
 * What the clerk's collection work adds (docs/reference/rules.md §9), through the same commands a clerk types: a
 * promise to pay, a note to follow up today and, for `--approval`, the day's plan as a pending
 * proposal.
 */
async function collectionsDemo(paths: DemoPaths, asOf: IsoDate, io: { stdout: TextSink; stderr: TextSink }, approval: boolean): Promise<number> {
  // A statement to EN03 ten days ago whose first address bounced, and IT02's reply yesterday.
  const statementOn = addDays(asOf, -STATEMENT_DAYS);
  const sent = await demoStep(paths, ['statement', BOUNCED_CUSTOMER, '--send', '--as-of', statementOn], io, statementOn);
  if (sent !== 0) return sent;
  await fileDemoInbox(paths.dbPath, asOf, statementOn);
  const steps: string[][] = [
    ['promise', 'EN09', '--date', addDays(asOf, 5), '--note', 'Bank transfer promised on the phone', '--as-of', asOf],
    ['note', 'EN04', 'Called Orla: the payment run is on Friday; check the account', '--follow-up', asOf, '--as-of', asOf],
    ...(approval ? [['config', 'set', 'schedule.approval', 'true'], ['--send-due', '--as-of', asOf]] : []),
  ];
  for (const step of steps) {
    // The clerk works on the demo's day: a real send (the proposal run) stays near "today".
    const code = await demoStep(paths, step, io, asOf);
    if (code !== 0) return code;
  }
  return 0;
}

/** How many days before the demo date the statement whose address bounced was sent. */
export const STATEMENT_DAYS = 10;

/** One line per customer: code, name, language, and open amount per currency. */
export async function customerSummary(dbPath: string): Promise<string> {
  const store = await openStore({ path: dbPath });
  try {
    const result = store.db.exec(`
      SELECT c.code, c.name, c.language, i.currency, COALESCE(SUM(i.open_amount), 0), COUNT(i.number)
      FROM customers c LEFT JOIN items i ON i.customer_code = c.code AND i.open_amount <> 0
      GROUP BY c.code, i.currency ORDER BY c.code, i.currency`);
    const lines: string[] = [];
    for (const row of result[0]?.values ?? []) {
      const [code = '', name = '', language = '', currency = '', open = '0', count = '0'] = row.map((value) => String(value ?? ''));
      const amount = currency === '' ? '—' : `${formatMinor(Number(open), currencyDigits(currency))} ${currency}`;
      lines.push(`${code.padEnd(6)} ${language}  ${name.slice(0, 40).padEnd(40)} ${count.padStart(2)} open  ${amount}`);
    }
    return `${lines.join('\n')}\n`;
  } finally {
    store.close();
  }
}

/** The environment without DUEDESK_* overrides: the demo must never reach a real SMTP server. */
export function demoEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('DUEDESK_')));
}

function parseDemoArgs(argv: string[]): { asOf: IsoDate | undefined; tui: boolean; approval: boolean } {
  let asOf: IsoDate | undefined;
  let tui = true;
  let approval = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--no-tui') tui = false;
    else if (argv[i] === '--approval') approval = true;
    else if (argv[i] === '--as-of' && argv[i + 1] !== undefined && isIsoDate(argv[i + 1] ?? '')) asOf = argv[(i += 1)];
    else throw new Error(`unknown or incomplete argument "${argv[i]}" (usage: npm run demo [-- --as-of YYYY-MM-DD] [-- --no-tui] [-- --approval])`);
  }
  return { asOf, tui, approval };
}

async function run(): Promise<number> {
  const args = parseDemoArgs(process.argv.slice(2));
  const paths = demoPaths(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  const asOf = args.asOf ?? localDate(new Date());
  const io = { stdout: process.stdout, stderr: process.stderr };
  process.stdout.write(`Building the demo for ${asOf} in ${paths.dbPath}\n`);
  const built = await buildDemo(paths, asOf, io, { approval: args.approval });
  if (built !== 0) return built;
  const asOfArgs = args.asOf === undefined ? [] : ['--as-of', args.asOf];
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // The TUI plans for today, so a demo built for another day is shown as a report instead.
  if (interactive && args.tui && args.asOf === undefined) {
    return cli([...demoGlobals(paths)], { ...io, env: demoEnv(process.env), cwd: process.cwd(), interactive });
  }
  process.stdout.write(`\nCustomers\n${await customerSummary(paths.dbPath)}\nDue on ${asOf} (dry run: nothing is sent)\n`);
  const code = await cli(['--send-due', '--dry-run', ...asOfArgs, ...demoGlobals(paths)], { ...io, env: demoEnv(process.env), cwd: process.cwd() });
  process.stdout.write(`\nOpen the TUI on this data: npm start -- ${demoGlobals(paths).join(' ')}\n`);
  return code;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
