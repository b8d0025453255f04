/**
 * The progress line of long commands, through the CLI as a user runs it: drawn on a terminal's
 * stderr (an injected stream that says it is a TTY), redrawn in place and cleared at the end;
 * nothing on a pipe or under --json. The clock advances a second per reading, so rates are exact.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { sandbox, type Sandbox } from '../cli/io.js';
import { importCsv } from '../cli/seed-cli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in `box` with stderr a terminal or not, on a clock that ticks one second per read. */
async function run(box: Sandbox, argv: string[], tty: boolean): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let tick = 0;
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    env: box.env,
    cwd: box.dir,
    now: () => new Date(Date.UTC(2026, 2, 1, 10, 0, tick++)),
    interactive: false,
  });
  return { code, stdout, stderr };
}

/** A sandbox holding customer C1 (no items yet). */
async function oneCustomer(): Promise<Sandbox> {
  const box = sandbox();
  await importCsv(box, { customers: 'code,name,email\nC1,Acme,ap@acme.example\n', items: 'customer_code,number,issue_date,due_date,amount\n' });
  return box;
}

function itemsFile(box: Sandbox, count: number): string {
  const lines = ['customer_code,number,issue_date,due_date,amount'];
  for (let i = 0; i < count; i++) lines.push(`C1,N${i},2026-01-01,2026-01-31,1.00`);
  const file = join(box.dir, 'items.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

it('import draws one line on a terminal, redrawn in place with done/total, rate and time left, then clears it', async () => {
  const box = await oneCustomer();
  const result = await run(box, ['import', 'items', itemsFile(box, 3_000)], true);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('items: 3000 added, 0 updated, 0 unchanged\n');
  const draws = result.stderr.split('\r').filter(Boolean);
  expect(draws[0]).toMatch(/^import items: 1,000\/3,000 rows \(33%\) · \d[\d,]* rows\/s · \d+:\d\d left\x1b\[K$/);
  expect(draws).toContain('import items: 3,000/3,000 rows (100%) · 1,000 rows/s · 0:00 left\x1b[K');
  expect(result.stderr).not.toContain('\n');
  expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
});

it('import prints no progress when stderr is not a terminal (a pipe, a cron log)', async () => {
  const box = await oneCustomer();
  const result = await run(box, ['import', 'items', itemsFile(box, 3_000)], false);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
});

async function twoDue(): Promise<Sandbox> {
  const box = sandbox();
  await importCsv(box, {
    customers: 'code,name,email\nC1,Acme,ap@acme.example\nC2,Beta,ap@beta.example\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,I-1,2026-01-01,2026-01-31,100.00\nC2,I-2,2026-01-01,2026-01-31,50.00\n',
  });
  return box;
}

it('--send-due draws the messages sent on a terminal, then clears the line', async () => {
  const sent = await run(await twoDue(), ['--send-due', '--as-of', '2026-03-01'], true);
  expect(sent.code).toBe(0);
  expect(sent.stderr).toMatch(/^\rsend: 1\/2 messages \(50%\) · [\d.,]+ messages\/s · \d+:\d\d left\x1b\[K\rsend: 2\/2 messages \(100%\)/);
  expect(sent.stderr.endsWith('\r\x1b[K')).toBe(true);
  expect(sent.stdout).toContain('C1');
});

it('--send-due --json on a terminal sends with no progress line', async () => {
  const json = await run(await twoDue(), ['--send-due', '--as-of', '2026-03-01', '--json'], true);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({ counts: { sent: 2 } });
  expect(json.stderr).toBe('');
});
