import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { acquireLock } from '../../src/files/lock.js';
import { backupDatabase } from '../../src/storage/sqljs/database-backup.js';
import { damagedSandbox, filledSandbox } from '../storage/damaged-db.js';
import { runCliWithFileSizeLimit, sandbox } from './io.js';

/** integrity_check of the database in `file`, opened on its own. */
async function integrityOf(file: string): Promise<unknown> {
  const db = new (await loadSqlEngine()).Database(readFileSync(file));
  try {
    return db.exec('PRAGMA integrity_check')[0]?.values;
  } finally {
    db.close();
  }
}

describe('duedesk db check', () => {
  it('an intact database: "FILE: ok", exit 0, the file untouched', async () => {
    const box = await filledSandbox();
    const before = readFileSync(box.db);
    expect(await box.run(['db', 'check'])).toEqual({ code: 0, stdout: `${box.db}: ok\n`, stderr: '' });
    expect(readFileSync(box.db).equals(before)).toBe(true);
  });

  it('a damaged database: every problem on stdout, exit 2, the file untouched', async () => {
    const box = await damagedSandbox('middle');
    const { code, stdout, stderr } = await box.run(['db', 'check']);
    expect(stdout).toMatch(new RegExp(`^${box.db.replace(/[.]/g, '\\.')}: Tree \\d+ page \\d+: .+\n$`));
    expect(stderr).toBe(`duedesk: the database ${box.db} is damaged: integrity_check found 1 problem; restore a backup\n`);
    expect(code).toBe(2);
    expect(readFileSync(box.db).equals(box.damaged)).toBe(true);
  });

  it('a missing database is named, not created', async () => {
    const box = sandbox();
    expect(await box.run(['db', 'check'])).toEqual({ code: 2, stdout: '', stderr: `duedesk: no database at ${box.db}\n` });
    expect(existsSync(box.db)).toBe(false);
  });
});

describe('duedesk db backup FILE', () => {
  it('writes a copy that opens and passes integrity_check, mode 0600, nothing else left behind', async () => {
    const box = await filledSandbox();
    // The ledger as the backup found it: afterwards the backup itself is in its audit trail.
    const before = readFileSync(box.db);
    const { code, stdout, stderr } = await box.run(['db', 'backup', 'nightly.sqlite']);
    const copy = join(box.dir, 'nightly.sqlite');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${copy.replace(/[.]/g, '\\.')}: backup of .* written \\(\\d+ bytes, integrity_check ok\\)\n$`));
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(await integrityOf(copy)).toEqual([['ok']]);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(readdirSync(box.dir).filter((name) => name.includes('.tmp-') || name.includes('lock-tmp'))).toEqual([]);
  });

  it('refuses to overwrite an existing file unless --replace', async () => {
    const box = await filledSandbox();
    const copy = join(box.dir, 'nightly.sqlite');
    writeFileSync(copy, 'yesterday');
    const refused = await box.run(['db', 'backup', copy]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `duedesk: backup: ${copy} already exists; name another file or add --replace\n`,
    });
    expect(readFileSync(copy, 'utf8')).toBe('yesterday');
    const before = readFileSync(box.db);
    const replaced = await box.run(['db', 'backup', copy, '--replace']);
    expect(replaced.code).toBe(0);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('a backup the file system refuses is "cannot write FILE", exit 2, and leaves no partial file', async () => {
    const box = await filledSandbox();
    // 1 block: enough for the lock files, not for the copy.
    const run = runCliWithFileSizeLimit(1, ['db', 'backup', join(box.dir, 'nightly.sqlite')], box.env);
    expect(run.stderr).toBe(`duedesk: cannot write ${join(box.dir, 'nightly.sqlite')}: file too large\n`);
    expect(run.status).toBe(2);
    expect(readdirSync(box.dir).filter((name) => name.startsWith('nightly'))).toEqual([]);
  });

  it('refuses to back up a damaged database: exit 2, no file written', async () => {
    const box = await damagedSandbox('middle');
    const { code, stderr } = await box.run(['db', 'backup', 'nightly.sqlite']);
    expect(stderr).toMatch(/^duedesk: the database .* is damaged: Tree \d+ page \d+: .*; no backup written;/);
    expect(code).toBe(2);
    expect(existsSync(join(box.dir, 'nightly.sqlite'))).toBe(false);
  });

  it('takes the write lock: while a writer holds it, exit 75 and no copy', async () => {
    const box = await filledSandbox();
    const held = await acquireLock(box.db, { timeoutMs: 100 });
    try {
      const error = await backupDatabase(box.db, join(box.dir, 'nightly.sqlite'), { replace: false, lockTimeoutMs: 50 }).catch((e: unknown) => e);
      expect((error as { exitCode: number }).exitCode).toBe(75);
      expect(existsSync(join(box.dir, 'nightly.sqlite'))).toBe(false);
    } finally {
      held.release();
    }
  });
});

describe('duedesk db: wrong command lines', () => {
  it.each<[string[], string]>([
    [['db'], 'duedesk: db: check, backup, copy or prune-archive?\nusage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE\n'],
    [['db', 'backup'], 'duedesk: db: unexpected "backup"\nusage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE\n'],
    [['db', 'check', 'extra'], 'duedesk: db: unexpected "check extra"\nusage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE\n'],
    [['db', 'copy', 'a.sqlite'], 'duedesk: db: unexpected "copy a.sqlite"\nusage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE\n'],
    [['db', 'copy', 'missing.sqlite', 'postgres://clerk@db.example/ar'], `duedesk: no database at ${'${dir}'}/missing.sqlite\n`],
    [['db', 'copy', 'a.sqlite', 'postgres://clerk:s3cret@db.example/ar'], 'duedesk: db copy postgres://clerk:***@db.example/ar: a password does not belong on the command line (other users see it in the process list); set PGPASSWORD, use ~/.pgpass or the db.passwordCommand setting\n'],
    [['--db', 'postgres://clerk@db.example/ar', 'db', 'backup', 'b.sqlite'], 'duedesk: db backup works on a database file; back up a PostgreSQL ledger with db copy URL FILE (taken between sends) or pg_dump (postgres://clerk@db.example/ar)\n'],
    [['export', 'items', '--replace'], 'duedesk: --replace works only with db backup or db copy (see duedesk --help)\n'],
    [['export', 'items', '--wait', '5'], 'duedesk: --wait works only with db backup or db copy (see duedesk --help)\n'],
    [['db', 'check', '--wait', '5'], 'duedesk: db: --wait works only with backup or copy\nusage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE\n'],
    [['db', 'backup', 'b.sqlite', '--wait', 'soon'], 'duedesk: db: --wait must be a whole number of seconds from 0 to 86400 (got "soon")\nusage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S] | prune-archive | roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE\n'],
  ])('%j', async (argv, message) => {
    const box = sandbox();
    expect(await box.run(argv)).toEqual({ code: 2, stdout: '', stderr: message.replace('${dir}', box.dir) });
    expect(existsSync(box.db)).toBe(false);
  });

  it('db --help explains check and backup, and --help lists them', async () => {
    const { code, stdout } = await sandbox().run(['db', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S]');
    expect((await sandbox().run(['--help'])).stdout).toContain('  duedesk db check | backup FILE [--replace] [--wait S] | copy SOURCE DEST [--replace] [--wait S]\n');
  });
});
