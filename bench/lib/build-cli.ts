/**
 * The compiled command line, as an installed package runs it: whole-process benchmarks time that,
 * not the TypeScript sources through a loader. Built with tsconfig.build.json into bench/data/build/
 * (git-ignored), laid out like the package (dist/ beside templates/ and package.json) so the paths
 * duedesk resolves from its modules work; the dependencies resolve from the checkout's node_modules.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH_DATA_DIR } from './dataset.js';

const ROOT = join(import.meta.dirname, '..', '..');
let built: string | undefined;

/** Compile src/ once per benchmark run and return the path of the compiled cli.js. */
export function compiledCli(): string {
  if (built !== undefined) return built;
  const dir = join(BENCH_DATA_DIR, 'build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(dir, 'dist'), '--sourceMap', 'false'], { stdio: 'inherit' });
  symlinkSync(join(ROOT, 'templates'), join(dir, 'templates'), 'dir');
  symlinkSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  built = join(dir, 'dist', 'cli.js');
  return built;
}
