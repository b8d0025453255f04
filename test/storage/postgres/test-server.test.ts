/** The test run's PostgreSQL: a given URL wins, a missing server fails under CI and is one clear line elsewhere. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseServer } from '../../helpers/pg-cluster.js';

describe('the test server', () => {
  const empty = mkdtempSync(join(tmpdir(), 'duedesk-nopg-'));

  it('uses DUEDESK_TEST_PG when set', () => {
    expect(chooseServer({ DUEDESK_TEST_PG: 'postgres://ci@db/postgres', CI: 'true' }, empty)).toEqual({ url: 'postgres://ci@db/postgres' });
  });

  it('starts the newest installed server', () => {
    const root = mkdtempSync(join(tmpdir(), 'duedesk-pgroot-'));
    for (const version of ['9', '15', '13']) {
      mkdirSync(join(root, version, 'bin'), { recursive: true });
      writeFileSync(join(root, version, 'bin', 'initdb'), '');
    }
    expect(chooseServer({}, root)).toEqual({ bin: join(root, '15', 'bin') });
  });

  it('fails under CI=true when there is no server, rather than skipping silently', () => {
    expect(() => chooseServer({ CI: 'true' }, empty)).toThrow(`PostgreSQL tests: no initdb under ${empty} and DUEDESK_TEST_PG unset`);
  });

  it('elsewhere skips with one line saying why', () => {
    expect(chooseServer({}, empty)).toEqual({ skip: `PostgreSQL tests skipped: no initdb under ${empty} and DUEDESK_TEST_PG unset` });
  });
});
