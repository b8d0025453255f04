import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePreviews } from '../../src/delivery/write-previews.js';
import type { CommandContext } from '../../src/runtime/context.js';
import type { Plan } from '../../src/core/plan.js';
import type { Settings } from '../../src/core/settings.js';
import { customer, line, planned, settings } from '../documents/fixtures.js';
import { canMount, mountSmallDisk, unwritable, writableAgain } from '../helpers/file-faults.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-preview-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function context(withSettings: Settings = settings): CommandContext {
  return {
    openLedger: () => Promise.reject(new Error('previews do not open the database')),
    settings: { path: join(dir, 'config.json'), read: () => withSettings },
    env: {},
    stdout: { write: () => true },
    stderr: { write: () => true },
    now: () => new Date('2026-03-20T07:00:00Z'),
    cwd: dir,
  };
}

const plan: Plan = {
  asOf: '2026-03-20',
  messages: [
    planned('el', 'first', [line('Τ-1', 128450)], { bcc: ['archive@acme.test'] }),
    planned('bg', 'statement', [line('Ф-2', 2000)], { customer: customer('bg', { code: '../../etc/passwd' }), key: '../../etc/passwd-EUR-statement' }),
  ],
  skipped: [],
  problems: [],
};

describe('writePreviews', () => {
  it('writes an .eml and a .pdf per planned message into a new folder, with safe names', async () => {
    const out = join(dir, 'out', 'nested');
    const files = await writePreviews(plan, out, context());
    expect(readdirSync(out).sort()).toEqual([
      '__.._etc_passwd-EUR-statement.eml',
      '__.._etc_passwd-EUR-statement.pdf',
      'C-001-EUR-first.eml',
      'C-001-EUR-first.pdf',
    ].sort());
    expect(files).toHaveLength(4);
    for (const file of files) expect(file.startsWith(out)).toBe(true);
    const eml = readFileSync(join(out, 'C-001-EUR-first.eml'), 'utf8');
    expect(eml).toMatch(/^Message-ID: <2026-03-20\.C-001-EUR-first\.[0-9a-f]{12}@acme\.test>$/m);
    expect(eml).not.toContain('archive@acme.test');
    expect(eml).toContain('application/pdf');
    expect(readFileSync(join(out, 'C-001-EUR-first.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the same files when run twice (stable Message-IDs and boundaries)', async () => {
    const first = join(dir, 'a');
    const second = join(dir, 'b');
    await writePreviews(plan, first, context());
    await writePreviews(plan, second, context());
    for (const name of readdirSync(first)) {
      expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name)))).toBe(true);
    }
  });

  it('writes previews private (0600) like every other output, also over an older 0644 file', async () => {
    const out = join(dir, 'private');
    mkdirSync(out);
    writeFileSync(join(out, 'C-001-EUR-first.pdf'), 'old', { mode: 0o644 });
    const files = await writePreviews(plan, out, context());
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('an unwritable --out folder is "cannot write FILE: <reason>" (exit 2) and leaves no temp files', async () => {
    // Root: a tmpfs remounted read-only. Otherwise chmod 0555, which stops everyone but root.
    const disk = canMount ? mountSmallDisk(256) : null;
    const out = disk?.dir ?? join(dir, 'locked');
    if (!disk) mkdirSync(out);
    unwritable(out, disk);
    try {
      const reason = disk ? 'read-only file system' : 'permission denied';
      await expect(writePreviews(plan, out, context())).rejects.toMatchObject({
        message: `cannot write ${join(out, 'C-001-EUR-first.eml')}: ${reason}`,
        exitCode: 2,
      });
      expect(readdirSync(out)).toEqual([]);
    } finally {
      writableAgain(out, disk);
      disk?.remove();
    }
  });

  it('refuses a folder it cannot create, naming it', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    await expect(writePreviews(plan, join(blocker, 'sub'), context())).rejects.toThrow(`--out: cannot create ${join(blocker, 'sub')}`);
  });

  it('reports a broken user template before writing anything', async () => {
    const templates = join(dir, 'tpl');
    const out = join(dir, 'out');
    mkdirSync(join(templates, 'el'), { recursive: true });
    writeFileSync(join(templates, 'el', 'first.text.mustache'), '{{customer.nam}}');
    await expect(writePreviews(plan, out, context({ ...settings, templatesDir: 'tpl' }))).rejects.toThrow('unknown variable {{customer.nam}}');
    expect(() => readdirSync(out)).toThrow();
  });
});
