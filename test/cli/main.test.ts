import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, UserError } from '../../src/core/exit-codes.js';
import { reportError } from '../../src/cli/main.js';
import { sandbox } from './io.js';
import { importCsv } from './seed-cli.js';

const root = join(import.meta.dirname, '..', '..');
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  it('--help prints the full usage and exits 0', async () => {
    const { code, stdout, stderr } = await sandbox().run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const line of [
      'duedesk                         open the TUI',
      'duedesk --review                open the TUI read-only: nothing can be sent or changed',
      'duedesk --send-due              send everything due, then exit',
      '--as-of YYYY-MM-DD          evaluate as of that date',
      '--dry-run                   decide and report only; send nothing, change nothing',
      '--json                      print one JSON object on stdout',
      '--out DIR                   with --dry-run: write each message as',
      'duedesk import customers|items|payments|plans FILE [--skip-invalid] [--snapshot]',
      '[--encoding NAME] [--decimal-comma] [--date-format YMD|DMY|MDY]',
      'duedesk export history|customers|items [--from DATE] [--to DATE] [--raw]     CSV on stdout',
      'duedesk config get KEY | set KEY VALUE',
      '--db FILE',
      '--config-dir DIR',
      '--version',
      '75  try again later: another duedesk process holds the database, or the mail',
    ]) {
      expect(stdout).toContain(line);
    }
  });

  it.each<[string[], string]>([
    [['import', '--help'], 'customers: code*,name*,email,email2,email3,language,currency,reminders,statement_every_days,'],
    [['export', '-h'], 'Usage: duedesk export history|customers|items [--from DATE] [--to DATE]'],
    [['config', '--help'], 'policy.installments.graceDays'],
    [['--send-due', '--help'], 'Usage: duedesk --send-due [--as-of YYYY-MM-DD] [--dry-run] [--json] [--out DIR]'],
    [['help', 'import'], 'Usage: duedesk import customers|items|payments|plans FILE [options]'],
    [['help'], 'duedesk --review'],
  ])('%j prints the help of that command', async (argv, text) => {
    const { code, stdout } = await sandbox().run(argv);
    expect(code).toBe(0);
    expect(stdout).toContain(text);
  });

  it('--help wins over anything else on the line and does nothing else', async () => {
    const box = sandbox();
    const { code, stdout } = await box.run(['config', 'set', 'smtp.port', '25', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: duedesk config');
    expect(existsSync(box.configDir)).toBe(false);
  });

  it('--version prints the version of package.json and the engine a file ledger runs on', async () => {
    const engine = process.getBuiltinModule?.('node:sqlite') === undefined ? 'sqljs' : 'native';
    const run = await sandbox().run(['--version']);
    expect(run).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^${packageVersion.replace(/\./g, '\\.')}\nengine: ${engine} \\(.*SQLite 3\\.\\d+\\.\\d+\\)\n$`)), stderr: '' });
    const asked = await sandbox().run(['--engine', 'sqljs', '--version']);
    expect(asked.stdout).toMatch(/\nengine: sqljs \(sql\.js, SQLite 3\.\d+\.\d+\)\n$/);
  });

  it('--engine names one of the two engines, and native only where the runtime has node:sqlite', async () => {
    const bad = await sandbox().run(['--engine', 'sqlite', '--version']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'duedesk: --engine sqlite: not an engine; use sqljs or native (see duedesk --help)\n' });
    const native = await sandbox().run(['--engine', 'native', '--version']);
    if (process.getBuiltinModule?.('node:sqlite') === undefined) {
      expect(native.code).toBe(2);
      expect(native.stderr).toMatch(/--engine native needs node:sqlite \(Node 22\.5 or later\); this is Node [\d.]+: use --engine sqljs/);
    } else {
      expect(native.stdout).toMatch(/\nengine: native \(node:sqlite in Node 22\.[\d.]+, SQLite 3\.\d+\.\d+\)\n$/);
    }
  });
});

describe('wrong command lines: one line on stderr, exit 2, nothing done', () => {
  it.each<[string[], string]>([
    [['--frobnicate'], 'duedesk: unknown option --frobnicate (see duedesk --help)'],
    [['--send-due', '--dryrun'], 'duedesk: unknown option --dryrun; did you mean --dry-run? (see duedesk --help)'],
    [['--json'], 'duedesk: --json works only with --send-due, statement or import bank (see duedesk --help)'],
    [['--dry-run'], 'duedesk: --dry-run works only with --send-due or import bank (see duedesk --help)'],
    [['--as-of', '2026-11-22'], 'duedesk: --as-of works only with --send-due, statement, export handover, promise, dispute or note (see duedesk --help)'],
    [['--out', 'dir'], 'duedesk: --out works only with --send-due --dry-run, statement or history copy (see duedesk --help)'],
    [['--send-due', '--out', 'dir'], 'duedesk: --out works only with --send-due --dry-run (see duedesk --help)'],
    [['--send-due', '--review'], 'duedesk: --review works only when opening the TUI (not with --send-due or a command) (see duedesk --help)'],
    [['config', 'list', '--json'], 'duedesk: --json works only with --send-due, statement or import bank (see duedesk --help)'],
    [['config', 'list', '--send-due'], 'duedesk: --send-due cannot be combined with config (see duedesk --help)'],
    [['import', 'items', 'a.csv', '--from', '2026-01-01'], 'duedesk: --from works only with export or statement (see duedesk --help)'],
    [['export', 'items', '--snapshot'], 'duedesk: --snapshot works only with import (see duedesk --help)'],
    [['export', 'items', '--decimal-comma'], 'duedesk: --decimal-comma works only with import (see duedesk --help)'],
    [['import', 'items', 'a.csv', '--raw'], 'duedesk: --raw works only with export (see duedesk --help)'],
    [['--db'], 'duedesk: --db needs a value (see duedesk --help)'],
    [['--db', '--send-due'], 'duedesk: --db needs a value (to pass one that starts with "-", write --db=VALUE) (see duedesk --help)'],
    [['--db='], 'duedesk: --db needs a file name (see duedesk --help)'],
    [['--send-due', '--json=yes'], 'duedesk: --json takes no value (see duedesk --help)'],
    [['imprt', 'items', 'a.csv'], 'duedesk: unknown command "imprt"; did you mean import? (see duedesk --help)'],
    [['send-due'], 'duedesk: unknown command "send-due"; did you mean --send-due? (see duedesk --help)'],
  ])('%j', async (argv, message) => {
    const box = sandbox();
    const { code, stdout, stderr } = await box.run(argv);
    expect(code).toBe(ExitCode.Usage);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
    expect(existsSync(box.db)).toBe(false);
    expect(existsSync(box.configDir)).toBe(false);
  });

  it('refuses the TUI without a terminal, with a hint for scripts', async () => {
    const { code, stderr } = await sandbox().run([]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'duedesk: the TUI needs an interactive terminal; from scripts and cron use --send-due, import, export or config\n',
    );
  });

  it.each([['--db', 'postgres://clerk@localhost/duedesk?host=/nonexistent'], ['DUEDESK_DB', 'postgresql://clerk:s3cret@localhost/ledger?host=/nonexistent']])(
    'a PostgreSQL ledger named by %s is opened on the server: one that does not answer is named (password masked), and no file is made of the URL',
    async (how, url) => {
      const box = sandbox();
      const { code, stdout, stderr } = how === '--db' ? await box.run(['export', 'customers', '--db', url]) : await box.run(['export', 'customers'], { DUEDESK_DB: url });
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toMatch(/^duedesk: cannot connect to the ledger postgres(ql)?:\/\/clerk(:\*\*\*)?@localhost\/\w+\?host=\/nonexistent: .+\n$/);
      expect(stderr).not.toContain('s3cret');
      expect(existsSync(join(box.dir, 'postgres:'))).toBe(false);
      expect(existsSync(join(box.dir, 'postgresql:'))).toBe(false);
    },
  );

  it('import of a missing file exits 2 naming the file', async () => {
    const box = sandbox();
    const { code, stderr } = await box.run(['import', 'items', 'missing.csv']);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.csv');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a broken settings file stops a command that needs settings, naming the file', async () => {
    const box = sandbox();
    const csv = join(box.dir, 'customers.csv');
    writeFileSync(csv, 'code,name\nC001,Acme\n');
    await box.run(['config', 'set', 'operator', 'Ana']);
    writeFileSync(join(box.configDir, 'config.json'), '{');
    const { code, stderr } = await box.run(['import', 'customers', csv]);
    expect(code).toBe(2);
    expect(stderr).toContain(`duedesk: settings file ${join(box.configDir, 'config.json')} is not valid JSON`);
  });
});

describe('where the database and the settings are', () => {
  const customers = (dir: string): string => {
    const file = join(dir, 'customers.csv');
    writeFileSync(file, 'code,name\nC001,Acme Ltd\n');
    return file;
  };

  it('uses DUEDESK_DB when no --db is given', async () => {
    const box = sandbox();
    const result = await box.run(['import', 'customers', customers(box.dir)]);
    expect(result.code).toBe(0);
    expect(existsSync(box.db)).toBe(true);
  });

  it('prefers --db over DUEDESK_DB, before or after the command', async () => {
    const box = sandbox();
    const file = customers(box.dir);
    expect((await box.run(['--db', 'first.sqlite', 'import', 'customers', file])).code).toBe(0);
    expect((await box.run(['import', 'customers', file, '--db=second.sqlite'])).code).toBe(0);
    expect(existsSync(join(box.dir, 'first.sqlite'))).toBe(true);
    expect(existsSync(join(box.dir, 'second.sqlite'))).toBe(true);
    expect(existsSync(box.db)).toBe(false);
  });

  it('reads the settings from DUEDESK_CONFIG_DIR, and from --config-dir before it', async () => {
    const box = sandbox();
    expect((await box.run(['config', 'path'])).stdout).toBe(`${join(box.configDir, 'config.json')}\n`);
    const other = join(box.dir, 'other');
    expect((await box.run(['config', 'path', '--config-dir', 'other'])).stdout).toBe(`${join(other, 'config.json')}\n`);
    await box.run(['--config-dir', other, 'config', 'set', 'operator', 'Ana']);
    expect(existsSync(join(other, 'config.json'))).toBe(true);
    expect(existsSync(box.configDir)).toBe(false);
  });
});

describe('reportError', () => {
  const capture = (env: NodeJS.ProcessEnv = {}) => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: '/' };
    return { io, text: () => stderr };
  };

  it('prints a UserError as one line and returns its exit code', () => {
    const { io, text } = capture();
    expect(reportError(new UserError('the database is busy', ExitCode.Busy), io)).toBe(75);
    expect(text()).toBe('duedesk: the database is busy\n');
  });

  it('prints any other error as an internal error in one line, exit 1', () => {
    const { io, text } = capture();
    expect(reportError(new TypeError('boom\nsecond line'), io)).toBe(1);
    expect(text()).toBe('duedesk: internal error: boom\n');
  });

  it('adds the stack only when DUEDESK_DEBUG is set', () => {
    const { io, text } = capture({ DUEDESK_DEBUG: '1' });
    reportError(new Error('boom'), io);
    expect(text()).toMatch(/^duedesk: internal error: boom\nError: boom\n\s+at /);
  });
});

describe('the real entry point', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.tsx'), ...args], {
      encoding: 'utf8',
      cwd: root,
      env: { ...process.env, DUEDESK_CONFIG_DIR: join(root, 'no-such-dir-for-tests'), DUEDESK_DB: '' },
    });

  it('prints the version and sets the exit code of main', () => {
    const ok = cli('--version');
    expect(ok.stdout.split('\n')[0]).toBe(packageVersion);
    expect(ok.stdout.split('\n')[1]).toMatch(/^engine: (sqljs|native) /);
    expect(ok.status).toBe(0);
    const bad = cli('--json');
    expect(bad.stderr).toBe('duedesk: --json works only with --send-due, statement or import bank (see duedesk --help)\n');
    expect(bad.status).toBe(2);
  });

  it('stops quietly when the reader of its output goes away (export | head)', async () => {
    const box = sandbox();
    const file = join(box.dir, 'customers.csv');
    const rows = Array.from({ length: 5000 }, (_, index) => `C${index},Customer number ${index} with a long name`);
    writeFileSync(file, `code,name\n${rows.join('\n')}\n`);
    expect((await box.run(['import', 'customers', file])).code).toBe(0);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.tsx'), 'export', 'customers'], {
      cwd: root,
      env: { ...process.env, ...box.env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('never loads Ink or React on the headless path (--send-due)', () => {
    const box = sandbox();
    const blocker = join(root, 'test', 'cli', 'block-ink.mjs');
    const control = spawnSync(process.execPath, ['--import', blocker, '--input-type=module', '-e', 'await import("ink")'], {
      encoding: 'utf8',
    });
    expect(control.stderr).toContain('headless path loaded ink');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', blocker, join(root, 'src', 'cli.tsx'), '--send-due', '--dry-run', '--json'],
      { encoding: 'utf8', cwd: root, env: { ...process.env, ...box.env } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true });
  });

  it('plans a dry run with due messages without loading the PDF or mail libraries (jspdf, nodemailer)', async () => {
    const box = sandbox();
    await importCsv(box, {
      customers: 'code,name,email\nC1,Acme,ap@acme.example\n',
      items: 'customer_code,number,issue_date,due_date,amount\nC1,I-1,2026-01-01,2026-01-31,100.00\n',
    });
    const blocker = join(root, 'test', 'cli', 'block-ink.mjs');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', blocker, join(root, 'src', 'cli.tsx'), '--send-due', '--dry-run', '--json', '--as-of', '2026-03-01'],
      { encoding: 'utf8', cwd: root, env: { ...process.env, ...box.env, BLOCKED_PACKAGES: 'jspdf,nodemailer,qrcode' } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, messages: [{ customer: 'C1' }] });
    // The blocker does refuse what it names: the same run sending for real (as of today, the
    // real clock's: a real send stays near it) needs nodemailer.
    const send = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', blocker, join(root, 'src', 'cli.tsx'), '--send-due'],
      { encoding: 'utf8', cwd: root, env: { ...process.env, ...box.env, BLOCKED_PACKAGES: 'jspdf,nodemailer,qrcode' } },
    );
    expect(send.stderr).toMatch(/headless path loaded (jspdf|nodemailer|qrcode)/);
  });
});
