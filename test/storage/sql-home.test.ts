/**
 * All SQL of the project lives under src/storage: a feature that needs data calls a named query or
 * write there, so the next database adapter replaces one folder. This reads every source file
 * outside it and fails naming the file and line of any SQL statement written in a string (keywords in capitals, as all of it is).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** The start of an SQL statement as code writes it in a string. */
const STATEMENT = /['"`]\s*(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX)\s|PRAGMA\s)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('where SQL lives', () => {
  it('no source file outside src/storage writes an SQL statement', () => {
    const outside = sourceFiles(SRC).filter((path) => !relative(SRC, path).startsWith('storage'));
    expect(outside.length).toBeGreaterThan(50);
    const found = outside.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => (STATEMENT.test(line) ? [`${relative(SRC, path)}:${index + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('the pattern finds the statements storage writes', () => {
    const storage = sourceFiles(join(SRC, 'storage')).filter((path) => STATEMENT.test(readFileSync(path, 'utf8')));
    expect(storage.map((path) => relative(SRC, path))).toEqual(expect.arrayContaining(['storage/customer-list.ts', 'storage/items.ts', 'storage/delivery-history.ts']));
  });
});
