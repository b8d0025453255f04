/**
 * Whole-process sides: run a Node child (preloading ./cpu-report.mjs) and report its wall time, its
 * CPU time and peak memory, so a figure includes start-up, module loading and reading the file —
 * what a user waits for from cron or a shell.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What one child run took. */
export interface ChildRun {
  ms: number;
  cpuMs: number;
  maxRssKiB: number;
  stdout: string;
}

const REPORTER = pathToFileURL(join(import.meta.dirname, 'cpu-report.mjs')).href;
let runs = 0;

/** Run `node ARGS` to completion; throws with its stderr when it exits non-zero. */
export function runNode(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  runs += 1;
  const cpuFile = join(tmpdir(), `duedesk-bench-cpu-${process.pid}-${runs}.json`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', REPORTER, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env, BENCH_CPU_FILE: cpuFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`));
        return;
      }
      try {
        const usage = JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number; maxRssKiB: number };
        resolve({ ms, cpuMs: usage.cpuMs, maxRssKiB: usage.maxRssKiB, stdout });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(cpuFile, { force: true });
      }
    });
  });
}
