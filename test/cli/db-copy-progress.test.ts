/**
 * `db copy` of a large ledger shows one progress line on a terminal (rows copied of all, rate,
 * time left), redrawn in place and cleared at the end; on a pipe or in a cron log it prints nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { sandbox } from './io.js';

const DEMO = join(import.meta.dirname, '..', '..', 'data', 'demo');

/** Run `db copy` with stderr as a terminal or a pipe; what the two streams received. */
async function copy(argv: string[], env: NodeJS.ProcessEnv, cwd: string, tty: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    env,
    cwd,
    now: () => new Date('2026-11-22T10:00:00'),
    interactive: false,
  });
  return { code, stdout, stderr };
}

describe('db copy progress', () => {
  it('draws rows copied of all on a terminal, clears the line, and prints nothing on a pipe', async () => {
    const box = sandbox();
    for (const kind of ['customers', 'items', 'payments', 'plans']) {
      expect((await box.run(['import', kind, join(DEMO, `${kind}.csv`)])).code).toBe(0);
    }
    const onTerminal = await copy(['db', 'copy', box.db, join(box.dir, 'a.sqlite')], box.env, box.dir, true);
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stdout).toContain('customers 60, items 180, payments 39');
    // The four imports' audit entries travel with the ledger (docs/reference/roles.md §4).
    expect(onTerminal.stdout).toContain('audit_log 4');
    const total = 60 + 180 + 39 + 4 + 4;
    expect(onTerminal.stderr).toMatch(new RegExp(`^\\rdb copy: 0/${total} rows`));
    expect(onTerminal.stderr).toContain(`${total}/${total} rows (100%)`);
    expect(onTerminal.stderr.endsWith('\r\x1b[K')).toBe(true);

    const onPipe = await copy(['db', 'copy', box.db, join(box.dir, 'b.sqlite')], box.env, box.dir, false);
    expect(onPipe.code).toBe(0);
    expect(onPipe.stderr).toBe('');
    // The second copy also carries the record of the first.
    expect(onPipe.stdout.replace('b.sqlite', 'a.sqlite').replace('audit_log 5', 'audit_log 4')).toBe(onTerminal.stdout);
  });
});
