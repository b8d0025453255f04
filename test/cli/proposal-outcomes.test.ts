/**
 * What became of each line of an approved proposal, on both ledger engines, through the command
 * line: refused, uncertain and held-back lines keep their own outcome, a line a killed run had
 * sent shows as sent, and a line the clerk removed stays out for the rest of the day.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../src/core/dates.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { sandbox, type RunResult, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ENGINES = [
  { name: 'a file', postgres: false },
  { name: 'PostgreSQL', postgres: true, skip: !pgAvailable },
];

const databases: string[] = [];
afterAll(async () => {
  for (const url of databases) await dropDatabase(url);
});

let server: TestSmtpServer;
beforeEach(async () => {
  server = await startSmtpServer({ auth: true });
});
afterEach(async () => {
  await server.close();
});

/** A sandbox on the engine, sending through the test server, approval on, one connection at a time. */
async function box(postgres: boolean): Promise<Sandbox> {
  const made = sandbox();
  if (postgres) {
    const url = await freshDatabase();
    databases.push(url);
    made.env.DUEDESK_DB = url;
  }
  made.env.DUEDESK_SMTP_URL = server.url();
  await configSet(made, 'smtp.from', 'AR <ar@company.test>');
  await configSet(made, 'smtp.maxConnections', '1');
  await configSet(made, 'schedule.approval', 'true');
  return made;
}

/** Customers C1…Cn, one first-level reminder each on `asOf`. */
function customers(count: number, asOf: string): { customers: string; items: string } {
  const codes = Array.from({ length: count }, (_, index) => `C${index + 1}`);
  return {
    customers: `code,name,email\n${codes.map((code) => `${code},${code} Ltd,${code.toLowerCase()}@x.test`).join('\n')}\n`,
    items: `customer_code,number,issue_date,due_date,amount\n${codes.map((code) => `${code},${code}-1,${addDays(asOf, -40)},${addDays(asOf, -10)},10.00`).join('\n')}\n`,
  };
}

/** The outcome column of `proposal show` per line key. */
function outcomes(show: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of show.matchAll(/^ {2}(\S+) .*→ (.+)$/gm)) found[match[1]!] = match[2]!;
  return found;
}

describe.each(ENGINES)('proposal line outcomes on $name', ({ postgres, skip }) => {
  it.skipIf(skip === true)('each approved line keeps its own outcome; lines left unsent stay approved and go with the next run', async () => {
    const clerk = await box(postgres);
    await importCsv(clerk, customers(4, '2026-11-22'));
    await configSet(clerk, 'smtp.maxPerDay', '2');
    server.behaviour.rcpt = (address) => (address === 'c2@x.test' ? { code: 550, message: 'no such user' } : null);
    server.behaviour.data = (message) => (message.to.includes('c3@x.test') ? 'drop' : 'accept');
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    expect((await clerk.run(['proposal', 'approve', '1'])).code).toBe(0);

    const run = await clerk.run(['--send-due']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('proposal #1: some approved lines were not sent; the next --send-due today sends them');
    const show = (await clerk.run(['proposal', 'show', '1'])).stdout;
    expect(show).toMatch(/^Proposal #1 for 2026-11-22: approved,/);
    const lines = outcomes(show);
    expect(lines['C1-EUR-first']).toBe('sent');
    expect(lines['C2-EUR-first']).toMatch(/^failed: .*550/);
    expect(lines['C3-EUR-first']).toMatch(/^uncertain: /);
    expect(lines['C4-EUR-first']).toMatch(/^not sent: .*daily limit of 2 reached/);
    expect((await clerk.run(['proposal', 'list'])).stdout).toMatch(/^#1  2026-11-22  approved  1 sent, 1 failed, 1 uncertain, 1 not sent  by /);

    // The limit raised, the next run sends the line left over, and only it; the proposal is done.
    await configSet(clerk, 'smtp.maxPerDay', '10');
    const next = await clerk.run(['--send-due', '--json']);
    expect((JSON.parse(next.stdout) as { messages: { customer: string; status: string }[] }).messages.map((m) => [m.customer, m.status])).toEqual([['C4', 'sent']]);
    expect((await clerk.run(['proposal', 'list'])).stdout).toMatch(/^#1  2026-11-22  done  2 sent, 1 failed, 1 uncertain  by /);
    expect(server.accepted().map((m) => m.to)).toEqual([['c1@x.test'], ['c4@x.test']]);
  });

  it.skipIf(skip === true)('a line the clerk removed stays out of the day\'s later proposals', async () => {
    const clerk = await box(postgres);
    await importCsv(clerk, customers(2, '2026-11-22'));
    await clerk.run(['--send-due']);
    expect((await clerk.run(['proposal', 'approve', '1', '--remove', 'C2-EUR-first'])).code).toBe(0);
    expect((await clerk.run(['--send-due'])).code).toBe(0);
    expect((await clerk.run(['proposal', 'list'])).stdout).toMatch(/^#1  2026-11-22  done  1 sent, 1 removed  by /);

    const later = await clerk.run(['--send-due', '--json']);
    expect(later.code).toBe(0);
    expect(JSON.parse(later.stdout)).toMatchObject({ messages: [] });
    expect(later.stderr).toBe('taken out of a proposal today, not proposed again before tomorrow: C2-EUR-first\n');
    expect((await clerk.run(['proposal', 'list'])).stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(server.accepted().map((m) => m.to)).toEqual([['c1@x.test']]);
  });

  it.skipIf(skip === true)('after a SIGKILL, the lines the killed run sent show as sent, never "dropped"', async () => {
    const clerk = await box(postgres);
    // The killed run is a real process on the real clock: every run here plans for today.
    const today = localDate(new Date());
    const run = (argv: string[]): Promise<RunResult> => runWithClock(clerk, argv);
    await importCsv(clerk, customers(12, today));
    expect((await run(['--send-due'])).code).toBe(0);
    expect((await run(['proposal', 'approve', '1'])).code).toBe(0);

    server.behaviour.delayMs = 150;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.tsx'), '--send-due'], {
      // From the checkout, where `--import tsx` resolves; the ledger and settings are the sandbox's.
      cwd: ROOT,
      env: { ...process.env, ...clerk.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await until(() => server.accepted().length >= 3, () => stderr);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    server.behaviour.delayMs = 0;

    const rerun = await run(['--send-due']);
    expect(rerun.stderr).not.toContain('dropped');
    const show = (await run(['proposal', 'show', '1'])).stdout;
    const lines = Object.values(outcomes(show));
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(line).toMatch(/^(sent|uncertain)/);
    // At least three reached the server before the kill: each is the killed run's, sent or (its
    // outcome never recorded) uncertain, and the first of them surely recorded as sent.
    const earlier = lines.filter((line) => /^(sent|uncertain): by an earlier run \(history #\d+, <.+>\)$/.test(line));
    expect(earlier.length).toBeGreaterThanOrEqual(3);
    expect(earlier.filter((line) => line.startsWith('sent')).length).toBeGreaterThanOrEqual(1);
    // Nobody got a reminder twice.
    const to = server.bodies.flatMap((body) => body.to);
    expect(new Set(to).size).toBe(to.length);
  }, 60_000);
});

/** Run the CLI in this process on the wall clock (the sandbox's own runs use a fixed one). */
async function runWithClock(box: Sandbox, argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: box.env,
    cwd: box.dir,
    interactive: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function until(predicate: () => boolean, why: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not reached in time: ${why()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
