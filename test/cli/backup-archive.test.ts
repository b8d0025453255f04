/**
 * A refused `db backup` leaves no archived copies beside its target (docs/reference/cli.md §8.2):
 * refused up front when the target exists, and a backup that fails midway (the database file
 * refused by the kernel's file-size limit after the copies went in) takes back the copies it
 * wrote, and the archive folder it made, but nothing that was there before.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliWithFileSizeLimit, sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

/** A file ledger with two reminders sent through the outbox, so its archive holds two copies. */
async function sent(): Promise<Sandbox> {
  const clerk = sandbox('2026-11-22');
  await configSet(clerk, 'smtp.from', 'AR <ar@company.test>');
  await importCsv(clerk, {
    customers: 'code,name,email\nC1,Alpha Ltd,alpha@x.test\nC2,Beta GmbH,beta@x.test\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-10-01,2026-11-01,120.00\nC2,INV-2,2026-10-02,2026-11-02,80.00\n',
  });
  expect((await clerk.run(['--send-due'])).code).toBe(0);
  expect(readdirSync(join(clerk.dir, 'archive'))).toHaveLength(2);
  return clerk;
}

describe('a refused db backup leaves no copies behind', () => {
  it('a target that exists is refused before any copy is written', async () => {
    const clerk = await sent();
    const backups = join(clerk.dir, 'backups');
    mkdirSync(backups);
    writeFileSync(join(backups, 'b.sqlite'), 'an older backup');
    const refused = await clerk.run(['db', 'backup', join(backups, 'b.sqlite')]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain(`backup: ${join(backups, 'b.sqlite')} already exists; name another file or add --replace`);
    expect(readdirSync(backups)).toEqual(['b.sqlite']);
    const folder = await clerk.run(['db', 'backup', backups, '--replace']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`backup: ${backups} is a folder; name the backup file`);
    expect(readdirSync(backups)).toEqual(['b.sqlite']);
  });

  it('a backup that fails after its copies were written takes them back, and only them', async () => {
    const clerk = await sent();
    const copies = readdirSync(join(clerk.dir, 'archive')).map((name) => statSync(join(clerk.dir, 'archive', name)).size);
    // Room for each copy, not for the database file: the kernel refuses the backup midway
    // (the shell's ulimit -f counts 512-byte blocks).
    const blocks = Math.ceil(Math.max(...copies) / 512) + 1;
    expect(statSync(clerk.db).size).toBeGreaterThan(blocks * 512);
    for (const [target, before] of [
      [join(clerk.dir, 'fresh', 'b.sqlite'), []],
      [join(clerk.dir, 'kept', 'b.sqlite'), ['notes.txt']],
    ] as const) {
      const folder = join(target, '..');
      mkdirSync(folder);
      if (before.length > 0) {
        mkdirSync(join(folder, 'archive'));
        writeFileSync(join(folder, 'archive', 'notes.txt'), 'the clerk’s own file');
      }
      const failed = runCliWithFileSizeLimit(blocks, ['db', 'backup', target], clerk.env);
      expect(failed.status).toBe(2);
      expect(failed.stderr).toContain(`cannot write ${target}: file too large`);
      expect(existsSync(target)).toBe(false);
      if (before.length === 0) expect(existsSync(join(folder, 'archive'))).toBe(false);
      else expect(readdirSync(join(folder, 'archive'))).toEqual(before);
    }
    // The ledger's own archive is as it was.
    expect(readdirSync(join(clerk.dir, 'archive'))).toHaveLength(2);
    expect((await clerk.run(['db', 'check'])).code).toBe(0);
  });
});
