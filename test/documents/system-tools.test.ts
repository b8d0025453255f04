import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseTool } from '../helpers/system-tools.js';

describe('chooseTool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-tools-'));
  const program = join(dir, 'chromium-browser');
  writeFileSync(program, '#!/bin/sh\n');
  chmodSync(program, 0o755);

  it('finds a program by any of its names on the PATH', () => {
    expect(chooseTool('Browser rendering', ['chromium', 'chromium-browser'], 'chromium', { PATH: dir })).toEqual({ path: program });
  });

  it('says the tests are skipped when it is missing', () => {
    expect(chooseTool('Browser rendering', ['chromium'], 'chromium', { PATH: dir })).toEqual({ skip: 'Browser rendering tests skipped: no chromium on the PATH' });
  });

  it('fails under CI=true when it is missing', () => {
    expect(() => chooseTool('Browser rendering', ['chromium'], 'chromium', { PATH: dir, CI: 'true' }))
      .toThrow("Browser rendering tests: no chromium on the PATH (install Debian's chromium, as .ci/run does)");
  });
});
