/**
 * The database file must open in the SQLite that users' tools ship (sqlite3 CLI, DB Browser,
 * Python): 3.37 (Ubuntu 22.04) and newer. A file created and used by duedesk is checked twice:
 * every statement duedesk ran and the stored schema against a list of constructs newer than 3.37,
 * and, when the system has a `sqlite3` (Debian 12: 3.40), that tool itself opens the file, finds it
 * intact and compiles every one of those statements.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/sqljs/migrations/index.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { SqlJsDb } from '../../src/storage/sqljs/sqljs-engine.js';
import { NativeDb } from '../../src/storage/sqljs/native-engine.js';
import { sandbox, type Sandbox } from '../cli/io.js';
import { importCsv } from '../cli/seed-cli.js';

/** SQL that SQLite 3.37 cannot parse or run, with the version that brought it. */
const NEWER_THAN_3_37: readonly [RegExp, string][] = [
  [/\b(group_concat|json_group_array|json_group_object|string_agg)\s*\((?:[^()]|\([^()]*\))*\bORDER\s+BY\b/i, 'ORDER BY inside an aggregate (3.44)'],
  [/\bstring_agg\s*\(/i, 'string_agg (3.44)'],
  [/\bconcat(_ws)?\s*\(/i, 'concat (3.44)'],
  [/->>?/, 'JSON -> and ->> operators (3.38)'],
  [/\bunixepoch\s*\(/i, 'unixepoch (3.38)'],
  [/\bformat\s*\(/i, 'format (3.38)'],
  [/\b(RIGHT|FULL)\s+(OUTER\s+)?JOIN\b/i, 'RIGHT/FULL JOIN (3.39)'],
  [/\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i, 'IS DISTINCT FROM (3.39)'],
  [/\b(octet_length|timediff)\s*\(/i, 'octet_length/timediff (3.43)'],
  [/\bjsonb/i, 'JSONB functions (3.45)'],
  [/\b(json_pretty|unistr|percentile|median)\s*\(/i, 'functions of 3.46 and later'],
];

/** The constructs of `NEWER_THAN_3_37` found in `sql`. */
function newerConstructs(sql: string): string[] {
  return NEWER_THAN_3_37.filter(([pattern]) => pattern.test(sql)).map(([, name]) => name);
}

const CUSTOMERS = `code,name,email,language,currency
C001,Acme Ltd,ar@acme.example,en,EUR
C002,Βήτα ΑΕ,info@beta.example,el,EUR
`;
const ITEMS = `customer_code,number,issue_date,due_date,amount,currency,case
C001,INV-1,2026-09-01,2026-10-01,1200.00,EUR,
C001,INV-2,2026-10-20,2026-11-19,300.00,EUR,
C002,INV-7,2026-08-01,2026-09-01,99.50,EUR,K1
`;
const PAYMENTS = `customer_code,date,amount,reference,item_number,case
C001,2026-11-02,100.00,PAY-1,INV-1,
C001,2026-11-03,20.00,PAY-2,,
C002,2026-11-04,10.00,PAY-3,,K1
`;
const PLANS = `customer_code,case,installment,day_of_month,start_date
C002,K1,25.00,5,2026-10-01
`;

let box: Sandbox;
/** A copy of the database duedesk left, kept for the whole file (the sandbox goes after each test). */
let kept: { dir: string; db: string };
/** Every distinct statement sql.js prepared or ran while duedesk worked on the file. */
const statements = new Set<string>();

/** Create and use a database the way a user does, recording every statement on the way. */
beforeAll(async () => {
  // Every statement passes through one of the engines' databases (whichever this runtime opens).
  type Recorded = Record<'all' | 'runEach' | 'exec' | 'run', (sql: string, ...rest: unknown[]) => unknown>;
  const prototypes = [SqlJsDb.prototype, NativeDb.prototype] as unknown as Recorded[];
  const originals = prototypes.map((prototype) => ({ ...pick(prototype) }));
  function pick(prototype: Recorded): Recorded {
    return { all: prototype.all, runEach: prototype.runEach, exec: prototype.exec, run: prototype.run };
  }
  prototypes.forEach((prototype, index) => {
    for (const name of ['all', 'runEach', 'exec', 'run'] as const) {
      const original = originals[index]![name];
      prototype[name] = function (this: unknown, sql: string, ...rest: unknown[]) {
        statements.add(sql);
        return original.call(this, sql, ...rest);
      };
    }
  });
  try {
    box = sandbox();
    await importCsv(box, { customers: CUSTOMERS, items: ITEMS });
    for (const [kind, text] of [['payments', PAYMENTS], ['plans', PLANS]] as const) {
      const file = join(box.dir, `${kind}.csv`);
      writeFileSync(file, text);
      expect((await box.run(['import', kind, file])).code).toBe(0);
    }
    const sent = await box.run(['--send-due', '--json']);
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout).counts.sent).toBeGreaterThan(0);
    expect((await box.run(['--send-due', '--dry-run'])).code).toBe(0);
    expect((await box.run(['statement', 'C001', '--out', join(box.dir, 'statements')])).code).toBe(0);
    for (const what of ['history', 'customers', 'items']) expect((await box.run(['export', what])).code).toBe(0);
    expect((await box.run(['db', 'check'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-portable-'));
    kept = { dir, db: join(dir, 'duedesk.sqlite') };
    copyFileSync(box.db, kept.db);
  } finally {
    prototypes.forEach((prototype, index) => Object.assign(prototype, originals[index]));
  }
});

afterAll(() => {
  statements.clear();
  if (kept) rmSync(kept.dir, { recursive: true, force: true });
});

/** Statements of the running program: the migrations run once, on creation. */
function workingStatements(): string[] {
  const migrations = new Set(MIGRATIONS.map((m) => m.sql));
  return [...statements].filter((sql) => !migrations.has(sql));
}

describe('a database created and used by duedesk', () => {
  it('holds a schema with nothing newer than SQLite 3.37', async () => {
    const engine = await loadSqlEngine();
    const db = new engine.Database(readFileSync(kept.db));
    const schema = db.exec("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")[0]?.values ?? [];
    db.close();
    expect(schema.length).toBeGreaterThan(10);
    expect(schema.filter(([, sql]) => newerConstructs(String(sql)).length > 0)).toEqual([]);
    expect(schema.filter(([name]) => String(name).includes('trigger'))).toEqual([]);
  });

  it('was used with statements that need nothing newer than SQLite 3.37', () => {
    const used = workingStatements();
    expect(used.length).toBeGreaterThan(20);
    expect(used.map((sql) => ({ sql, found: newerConstructs(sql) })).filter(({ found }) => found.length > 0)).toEqual([]);
  });

  it('the forbidden list finds what migration 3 used (so it can fail)', () => {
    const old = MIGRATIONS.find((m) => m.version === 3)!.sql;
    expect(newerConstructs(old)).toContain('ORDER BY inside an aggregate (3.44)');
  });
});

const sqlite3 = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
const haveSqlite3 = sqlite3.status === 0;
// Under CI the tool must be there (.ci/run installs it); elsewhere its absence skips, said once.
const skipSystem = !haveSqlite3 && process.env.CI !== 'true';

/** Run `script` through the system sqlite3 on the database file. */
function systemSqlite(script: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('sqlite3', ['-bail', '-readonly', kept.db], { input: script, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(skipSystem)(`the system sqlite3 (${haveSqlite3 ? sqlite3.stdout.split(' ')[0] : 'not installed: skipped'})`, () => {
  it('opens the file, counts its rows and finds it intact', () => {
    const result = systemSqlite(
      'PRAGMA integrity_check;\nSELECT count(*) FROM customers;\nSELECT count(*) FROM items;\nSELECT count(*) > 0 FROM reminder_state;\n',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(['ok', '2', '3', '1']);
  });

  it('compiles every statement duedesk ran on it', () => {
    const refused = workingStatements()
      .map((sql) => ({ sql, result: systemSqlite(`EXPLAIN ${sql.trim().replace(/;\s*$/, '')};\n`) }))
      .filter(({ result }) => result.status !== 0)
      .map(({ sql, result }) => `${result.stderr.trim()}\n  in: ${sql.replace(/\s+/g, ' ').slice(0, 200)}`);
    expect(refused).toEqual([]);
  });
});
