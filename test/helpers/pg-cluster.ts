/**
 * vitest globalSetup: one throwaway PostgreSQL cluster for the whole test run. Test files get a
 * database of their own from it (./pg.ts), so they can run in parallel.
 *
 * - `DUEDESK_TEST_PG` (a URL to a role that may create databases) uses that server instead.
 * - Otherwise Debian's `initdb` (any /usr/lib/postgresql/N/bin) initialises a cluster in a temp
 *   directory, listening only on a unix socket in that directory, fsync off: as root it runs
 *   through the `postgres` user, since the server refuses to run as root.
 * - No PostgreSQL: under CI=true that is a failure (CI installs it); elsewhere the PostgreSQL
 *   tests are skipped and one line says why.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server, or null when PostgreSQL tests are skipped. */
    pgAdminUrl: string | null;
  }
}

/** Where Debian installs PostgreSQL servers, one directory per major version. */
const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin directory under `root`, or null. */
function findPgBin(root: string): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : null;
}

/** Run a server binary, as the `postgres` user when we are root. */
function runPg(bin: string, tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Which server the run uses: a given URL, a new cluster from `bin`, or none (with the line to print). */
export type ServerChoice = { url: string } | { bin: string } | { skip: string };

/** Decide from the environment and what is installed; under CI=true no server is an error. */
export function chooseServer(env: NodeJS.ProcessEnv, pgRoot = PG_ROOT): ServerChoice {
  if (env.DUEDESK_TEST_PG) return { url: env.DUEDESK_TEST_PG };
  const bin = findPgBin(pgRoot);
  if (bin !== null) return { bin };
  const why = `no initdb under ${pgRoot} and DUEDESK_TEST_PG unset`;
  if (env.CI === 'true') throw new Error(`PostgreSQL tests: ${why} (install Debian's postgresql, as .ci/run does)`);
  return { skip: `PostgreSQL tests skipped: ${why}` };
}

/** A running throwaway server: its admin URL and how to stop it (and remove its files). */
export interface ThrowawayServer {
  url: string;
  stop(): void;
  /** Stop it at once, as a crash or a power cut would (pg_ctl stop -m immediate), keeping its files. */
  halt(): void;
  /** Start it again after halt(). */
  restart(): void;
}

/**
 * initdb a cluster into a new temp directory and start it on a unix socket there, fsync off
 * unless `durable` (nothing in it outlives the run). Used by the tests and by the PostgreSQL
 * benchmarks.
 */
export function startThrowawayServer(bin: string, { durable = false }: { durable?: boolean } = {}): ThrowawayServer {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const data = join(dir, 'data');
  runPg(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  // `durable`: a commit survives a crash (halt), as on a real server; else speed over safety.
  const speed = durable ? '' : ' -F -c full_page_writes=off -c synchronous_commit=off';
  const options = `-k ${dir} -c listen_addresses=''${speed} -c max_connections=200`;
  let running = false;
  const start = (): void => {
    runPg(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options, 'start']);
    running = true;
  };
  const halt = (): void => {
    if (!running) return;
    runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    running = false;
  };
  start();
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    stop() {
      try {
        halt();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    halt,
    restart: start,
  };
}

/** Start the cluster (or take DUEDESK_TEST_PG) and hand its URL to the test files. */
export default function setup(project: TestProject): (() => void) | undefined {
  const choice = chooseServer(process.env);
  if ('url' in choice || 'skip' in choice) {
    if ('skip' in choice) console.warn(choice.skip);
    project.provide('pgAdminUrl', 'url' in choice ? choice.url : null);
    return undefined;
  }
  const server = startThrowawayServer(choice.bin);
  project.provide('pgAdminUrl', server.url);
  return () => server.stop();
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
