/**
 * The database engine stays behind the ledger port: nothing outside src/storage imports sql.js,
 * the sql.js store or the file adapter's modules, so features reach data only through a Ledger and
 * the named queries, and another adapter (PostgreSQL) replaces one folder. Fails naming file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/**
 * An import of the engine, or of the sql.js adapter's room (storage/sqljs/), as a line of code
 * writes it. The room's tools on a database file itself (`db check`, `db backup` and its send
 * lock) are the command line's to call.
 */
const ENGINE_IMPORT = /from\s+['"](sql\.js|better-sqlite3|[./]*\/?storage\/sqljs\/(?!database-backup\.js|send-lock\.js)[\w-]+(\.js)?)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line` of every line of `files` that imports the engine. */
function engineImports(files: readonly string[]): string[] {
  return files.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, index) => (ENGINE_IMPORT.test(line) ? [`${relative(SRC, path)}:${index + 1}`] : [])),
  );
}

describe('where the database engine lives', () => {
  it('no source file outside src/storage imports sql.js or the sql.js store', () => {
    const outside = sourceFiles(SRC).filter((path) => !relative(SRC, path).startsWith('storage'));
    expect(outside.length).toBeGreaterThan(50);
    expect(engineImports(outside)).toEqual([]);
  });

  it('the pattern finds the imports the file adapter makes', () => {
    const found = engineImports(sourceFiles(join(SRC, 'storage')));
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^storage\/sqljs\/sql-engine\.ts:\d+$/), expect.stringMatching(/^storage\/sqljs\/sqljs-engine\.ts:\d+$/)]));
  });
});
