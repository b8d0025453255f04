/** Test helpers for running the CLI in-process: temp directories and captured streams. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli/main.js';
import { tempDir } from '../storage/temp-dir.js';

export { tempDir };

/** What one CLI run produced. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A sandbox: its own config dir, database and cwd, never the user's real ones. */
export interface Sandbox {
  dir: string;
  configDir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** The local date the CLI takes for today (10:00 that day); a real send's --as-of stays near it. */
  today: string;
  run(argv: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
}

/** A sandbox whose env points DUEDESK_CONFIG_DIR and DUEDESK_DB into a temp directory; its clock reads `today`. */
export function sandbox(today = '2026-11-22'): Sandbox {
  const dir = tempDir();
  const configDir = join(dir, 'config');
  const db = join(dir, 'test.sqlite');
  const env: NodeJS.ProcessEnv = { DUEDESK_CONFIG_DIR: configDir, DUEDESK_DB: db };
  const box: Sandbox = {
    dir,
    configDir,
    db,
    env,
    today,
    async run(argv, extraEnv = {}) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env: { ...env, ...extraEnv },
        cwd: dir,
        now: () => new Date(`${box.today}T10:00:00`),
        interactive: false,
      };
      const code = await main(argv, io);
      return { code, stdout, stderr };
    },
  };
  return box;
}

/**
 * Run the real CLI in a child process whose file-size limit is `blocks` (ulimit -f): the kernel
 * refuses writes past it (EFBIG), a real file-system refusal that needs no privileges.
 */
export function runCliWithFileSizeLimit(blocks: number, argv: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const root = join(import.meta.dirname, '..', '..');
  const run = spawnSync(
    'sh',
    ['-c', `ulimit -f ${blocks} && exec "$@"`, 'sh', process.execPath, '--import', 'tsx', join(root, 'src', 'cli.tsx'), ...argv],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
