import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagedSandbox } from './damaged-db.js';

describe('a database with a damaged page', () => {
  it.each(['items-root', 'middle'] as const)('an import that does not touch the damaged page (%s) is refused: exit 2, the file stays as it was', async (where) => {
    const box = await damagedSandbox(where);
    writeFileSync(join(box.dir, 'customers.csv'), 'code,name\nC2,Beta Ltd\n');
    const { code, stdout, stderr } = await box.run(['import', 'customers', 'customers.csv']);
    expect(stderr).toMatch(new RegExp(`^duedesk: the database ${box.db.replace(/[.]/g, '\\.')} is damaged: `));
    expect(stderr).toContain('duedesk db check');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(readFileSync(box.db).equals(box.damaged)).toBe(true);
    expect(readdirSync(box.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('a read that meets the damaged page says the same instead of "internal error"', async () => {
    const box = await damagedSandbox();
    const { code, stderr } = await box.run(['export', 'items']);
    expect(stderr).toBe(
      `duedesk: the database ${box.db} is damaged: database disk image is malformed; ` +
        'run "duedesk db check" for details and restore a backup\n',
    );
    expect(code).toBe(2);
    expect(readFileSync(box.db).equals(box.damaged)).toBe(true);
  });
});
