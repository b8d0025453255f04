/**
 * Keys typed while the desk is still loading (a big database takes seconds to open) are not
 * echoed by the terminal over the screen: the TUI takes the terminal into raw mode first thing.
 * Runs the real TUI in a pseudo-terminal (util-linux `script`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./fixtures/slow-open-tui.ts', import.meta.url));
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves when `predicate` holds for the output so far. */
function outputUntil(read: () => string, predicate: (text: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const text = read();
      if (predicate(text)) resolve(text);
      else if (Date.now() - start > timeoutMs) reject(new Error(`output never matched; got:\n${JSON.stringify(text)}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe('typing before the first frame', () => {
  it('is not echoed while the database opens, and the keys reach the desk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duedesk-pty-'));
    const release = join(dir, 'release');
    const command = [process.execPath, '--import', 'tsx', CHILD, release].map((part) => `'${part}'`).join(' ');
    // Ink draws only the last frame when it sees CI or CONTINUOUS_INTEGRATION (as under CI=true),
    // so the child gets the environment of a clerk's terminal.
    const { CI: _ci, CONTINUOUS_INTEGRATION: _ciAlso, ...clerkEnv } = process.env;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...clerkEnv, NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await outputUntil(() => output, (text) => text.includes('OPENING'));
      child.stdin.write('/zq');
      // The database opens only now; anything echoed would already be in the output.
      writeFileSync(release, '');
      // The keys were kept for the desk: they opened the search and typed into it.
      const framed = await outputUntil(() => output, (text) => text.includes('search: zq'));
      const beforeFrame = framed.slice(framed.indexOf('OPENING'), framed.indexOf('duedesk'));
      expect(beforeFrame).not.toContain('zq');
      child.stdin.write('\u001b');
      // The last frame drawn (each starts with the tab bar) no longer shows the search line.
      await outputUntil(() => output, (text) => text.lastIndexOf('Enter keep') < text.lastIndexOf('duedesk  ['));
      child.stdin.write('q');
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  }, 45_000);
});
