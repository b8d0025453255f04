/** A fresh temp folder per test, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder, deleted after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-storage-'));
  made.push(dir);
  return dir;
}
