import { join } from 'node:path';
import envPaths from 'env-paths';
import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../src/cli/args.js';
import { resolveDbPath } from '../../src/settings/paths.js';

describe('parseInvocation', () => {
  it.each<[string[], unknown]>([
    [[], { kind: 'tui', review: false }],
    [['--review'], { kind: 'tui', review: true }],
    [['--send-due'], { kind: 'send-due', options: { dryRun: false, json: false } }],
    [
      ['--send-due', '--as-of', '2026-11-22', '--dry-run', '--json', '--out', 'previews'],
      { kind: 'send-due', options: { asOf: '2026-11-22', dryRun: true, json: true, out: 'previews' } },
    ],
    [['--send-due', '--as-of=2026-01-31'], { kind: 'send-due', options: { asOf: '2026-01-31', dryRun: false, json: false } }],
    [['--version', '--send-due'], { kind: 'version' }],
    [['-h'], { kind: 'help', topic: 'main' }],
  ])('%j', (argv, expected) => {
    expect(parseInvocation(argv)).toMatchObject(expected as object);
  });

  it('takes a PostgreSQL URL for --db, but never one with a password, which the process list would show', () => {
    expect(parseInvocation(['--db', 'postgres://clerk@db.acme.example/ar', '--send-due'])).toMatchObject({ db: 'postgres://clerk@db.acme.example/ar' });
    expect(() => parseInvocation(['--db', 'postgres://clerk:hunter2@db.acme.example/ar', '--send-due'])).toThrow(
      /^--db postgres:\/\/clerk:\*\*\*@db\.acme\.example\/ar: a password does not belong on the command line .*PGPASSWORD/,
    );
  });

  it('hands a command its own arguments as typed, without the global options', () => {
    expect(
      parseInvocation(['--db', 'a.sqlite', 'import', 'items', 'f.csv', '--config-dir=cfg', '--decimal-comma', '--date-format', 'DMY']),
    ).toEqual({
      kind: 'import',
      db: 'a.sqlite',
      configDir: 'cfg',
      args: ['items', 'f.csv', '--decimal-comma', '--date-format', 'DMY'],
    });
    expect(parseInvocation(['export', 'history', '--from', '2026-01-01', '--db=x.sqlite'])).toMatchObject({
      kind: 'export',
      db: 'x.sqlite',
      args: ['history', '--from', '2026-01-01'],
    });
    expect(parseInvocation(['config', 'set', 'company.name', 'Acme Ltd'])).toMatchObject({
      kind: 'config',
      args: ['set', 'company.name', 'Acme Ltd'],
    });
  });

  it('keeps "--" so a command can take values that start with a dash', () => {
    expect(parseInvocation(['config', 'set', 'policy.minAmount', '--', '-5'])).toMatchObject({
      args: ['set', 'policy.minAmount', '--', '-5'],
    });
  });
});

describe('resolveDbPath', () => {
  it('prefers --db, then DUEDESK_DB, then duedesk.sqlite in the user data directory', () => {
    expect(resolveDbPath('/data/a.sqlite', { DUEDESK_DB: '/data/b.sqlite' }, '/home/x')).toEqual({
      path: '/data/a.sqlite',
      isDefault: false,
    });
    expect(resolveDbPath(undefined, { DUEDESK_DB: '/data/b.sqlite' }, '/home/x').path).toBe('/data/b.sqlite');
    const fallback = { path: join(envPaths('duedesk', { suffix: '' }).data, 'duedesk.sqlite'), isDefault: true };
    expect(resolveDbPath(undefined, {}, '/home/x')).toEqual(fallback);
    expect(resolveDbPath(undefined, { DUEDESK_DB: '' }, '/home/x')).toEqual(fallback);
  });

  it('resolves relative paths against the working directory', () => {
    expect(resolveDbPath('ar.sqlite', {}, '/srv/duedesk').path).toBe('/srv/duedesk/ar.sqlite');
    expect(resolveDbPath(undefined, { DUEDESK_DB: 'db/ar.sqlite' }, '/srv').path).toBe('/srv/db/ar.sqlite');
  });
});
