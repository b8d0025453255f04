/**
 * The package a user installs: `npm pack` (which builds dist/ on prepack), `npm install -g` of the
 * tarball into a temporary prefix, then the installed `duedesk` run from there, away from the
 * checkout and its node_modules — where it was once found failing with "Cannot find module
 * …/src/cli.tsx". Packing and installing happen once for the whole file (~30 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { DEMO_AS_OF, DEMO_TABLES } from '../../scripts/demo-dates.js';
import { CHECKOUT, cleanEnv, packAndInstall, type Installed } from './pack-install.js';

const work = mkdtempSync(join(tmpdir(), 'duedesk-pack-'));
const home = join(work, 'home');
const db = join(home, 'demo.sqlite');
const configDir = join(home, 'config');
let installed: Installed;

beforeAll(() => {
  installed = packAndInstall(work);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the installed command as a user would, from a folder outside the checkout. */
function duedesk(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(installed.bin, args, {
    cwd: work,
    encoding: 'utf8',
    env: cleanEnv({ DUEDESK_DB: db, DUEDESK_CONFIG_DIR: configDir, HOME: home }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same command through the sources, in-process, for comparison. */
async function fromSources(args: string[]): Promise<string> {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
    env: { DUEDESK_DB: db, DUEDESK_CONFIG_DIR: configDir },
    cwd: work,
    now: () => new Date(`${DEMO_AS_OF}T10:00:00`),
    interactive: false,
  };
  expect(await main(args, io)).toBe(0);
  return stdout;
}

describe('the installed package', () => {
  it('ships the compiled command, templates, fonts, colour profile and demo data, and neither the sources nor tsx', () => {
    const shipped = readdirSync(installed.packageDir);
    expect(shipped).toEqual(expect.arrayContaining(['bin', 'dist', 'templates', 'data', 'package.json']));
    expect(shipped).not.toContain('src');
    expect(existsSync(join(installed.packageDir, 'dist', 'cli.js'))).toBe(true);
    expect(readdirSync(join(installed.packageDir, 'templates', 'fonts'))).toEqual(expect.arrayContaining(['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf']));
    // The PDFs' output intent embeds this profile (docs/reference/messages.md §2.5); its licence travels with it.
    expect(readdirSync(join(installed.packageDir, 'templates', 'color')).sort()).toEqual(['sRGB-LICENSE.txt', 'sRGB.icc']);
    expect(readdirSync(join(installed.packageDir, 'data', 'demo')).sort()).toEqual(DEMO_TABLES.map((table) => `${table}.csv`).sort());
    // tsx is for development: the installed command must not need it, so it is not installed.
    expect(existsSync(join(installed.packageDir, 'node_modules', 'tsx'))).toBe(false);
  });

  it('duedesk --version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(CHECKOUT, 'package.json'), 'utf8')) as { version: string };
    const run = duedesk(['--version']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The first line is the version; the second names the engine a file ledger runs on (cli.md §16).
    expect(run.stdout.split('\n')[0]).toBe(version);
    expect(run.stdout.split('\n')[1]).toMatch(/^engine: (sqljs|native) \(/);
  });

  it('duedesk --help prints the usage', () => {
    const run = duedesk(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('duedesk --send-due');
    expect(run.stdout).toContain('duedesk import customers|items|payments|plans FILE');
  });

  it('imports the shipped demo data and plans the same dry run as the sources, writing the PDFs with the shipped fonts', async () => {
    for (const table of DEMO_TABLES) {
      const run = duedesk(['import', table, join(installed.packageDir, 'data', 'demo', `${table}.csv`)]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    const dryRun = ['--send-due', '--dry-run', '--as-of', DEMO_AS_OF, '--json'];
    const run = duedesk(dryRun);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as { counts: { planned: number } };
    expect(plan.counts.planned).toBeGreaterThan(10);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(await fromSources(dryRun)));

    const out = join(home, 'previews');
    const previews = duedesk(['--send-due', '--dry-run', '--as-of', DEMO_AS_OF, '--out', out]);
    expect(previews.status).toBe(0);
    const pdfs = readdirSync(out).filter((file) => file.endsWith('.pdf'));
    expect(pdfs).toHaveLength(plan.counts.planned);
    const pdf = readFileSync(join(out, pdfs[0]!), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('DejaVuSans');
    // The installed command finds the shipped colour profile: the PDF carries its archival output intent.
    expect(pdf).toContain('/S /GTS_PDFA1');
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
  });
});
