/** Filling a CLI sandbox the way a user does: CSV files through `duedesk import`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Sandbox } from './io.js';

/** CSV text (header row first) per import kind. */
export interface CsvSeed {
  customers: string;
  items: string;
}

/** Import the customers and items of `seed` into the sandbox's database; fails the test if refused. */
export async function importCsv(box: Sandbox, seed: CsvSeed): Promise<void> {
  for (const kind of ['customers', 'items'] as const) {
    const file = join(box.dir, `${kind}.csv`);
    writeFileSync(file, seed[kind]);
    const result = await box.run(['import', kind, file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
}

/** `duedesk config set KEY VALUE`; fails the test if refused. */
export async function configSet(box: Sandbox, key: string, value: string): Promise<void> {
  const result = await box.run(['config', 'set', key, value]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}
