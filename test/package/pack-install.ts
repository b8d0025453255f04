/**
 * Packs duedesk as `npm publish` would and installs the tarball into a temporary global prefix, so a
 * test can run the command a user gets. The checkout is copied first: `npm pack` builds dist/ on
 * prepack, and building in the checkout would leave a dist/ that bin/duedesk.js then prefers over
 * the sources being edited (and would race with another run of this test).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The checkout this test runs from. */
export const CHECKOUT = join(import.meta.dirname, '..', '..');

/** Paths of the checkout that are never part of a build (git-ignored output and local state). */
const LOCAL_ONLY = ['node_modules', '.git', 'dist', 'coverage', join('bench', 'data'), join('data', 'demo-state')];

/** Whether a path under the checkout is local state rather than source. */
function localOnly(path: string): boolean {
  const rel = relative(CHECKOUT, path);
  if (LOCAL_ONLY.some((dir) => rel === dir || rel.startsWith(dir + sep))) return true;
  return /\.sqlite|demo\.db/.test(rel);
}

/** The environment for npm: npm's own variables from an outer `npm test` would change what it does. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

/** Where the package was installed. */
export interface Installed {
  /** The installed `duedesk` executable. */
  bin: string;
  /** The installed package folder (…/lib/node_modules/duedesk). */
  packageDir: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
}

/** Copy the checkout into `work/src`, pack it into `work/out` and install the tarball under `work/prefix`. */
export function packAndInstall(work: string): Installed {
  const source = join(work, 'src');
  cpSync(CHECKOUT, source, { recursive: true, filter: (path) => !localOnly(path) });
  // The build needs the development dependencies (typescript, types) the checkout already has.
  symlinkSync(join(CHECKOUT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const out = join(work, 'out');
  mkdirSync(out);
  execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], { cwd: source, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  const name = readdirSync(out).find((file) => file.endsWith('.tgz'));
  if (name === undefined) throw new Error(`npm pack wrote no tarball into ${out}`);
  const tarball = join(out, name);
  const prefix = join(work, 'prefix');
  // --prefer-offline: the npm cache when it has the dependencies, else the registry (CI).
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {
    cwd: work,
    env: cleanEnv(),
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`npm install -g ${tarball} failed:\n${install.stderr}`);
  return { bin: join(prefix, 'bin', 'duedesk'), packageDir: join(prefix, 'lib', 'node_modules', 'duedesk'), tarball };
}
