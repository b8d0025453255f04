/**
 * A statement of 10,000 entries: every credit matched or listed, in one transaction, with a
 * progress line on a terminal and nothing on a pipe.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStatement } from '../../bench/lib/bank-statement.js';
import { main } from '../../src/cli/main.js';
import { sandbox } from '../cli/io.js';

describe('a 10,000-entry camt.053', () => {
  it('is imported whole: the counts add up, progress on a terminal, then the same file is all duplicates', async () => {
    const box = sandbox('2026-12-08');
    const generated = generateStatement(10_000);
    writeFileSync(join(box.dir, 'customers.csv'), generated.customersCsv);
    writeFileSync(join(box.dir, 'items.csv'), generated.itemsCsv);
    writeFileSync(join(box.dir, 'big.xml'), generated.xml);
    for (const kind of ['customers', 'items']) expect((await box.run(['import', kind, `${kind}.csv`])).code).toBe(0);

    let stdout = '';
    let stderr = '';
    const code = await main(['import', 'bank', 'big.xml'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: true },
      env: box.env,
      cwd: box.dir,
      now: () => new Date('2026-12-08T10:00:00'),
      interactive: false,
    });
    expect(code).toBe(0);
    const { credits, matched, unmatched } = generated.expected;
    expect([credits, matched, unmatched]).toEqual([9000, 7000, 2000]);
    expect(stdout.split('\n').filter((line) => line.startsWith('unmatched ')).length).toBe(unmatched);
    const summary = /big\.xml: 9000 credits: (\d+) credits to items, (\d+) on account, 2000 unmatched, 0 duplicates\n$/.exec(stdout);
    expect(Number(summary?.[1]) + Number(summary?.[2])).toBe(matched);
    expect(Number(summary?.[1])).toBeGreaterThan(2000);
    expect(stderr).toMatch(/^\rimport bank: /);
    expect(stderr).toContain('10,000/10,000 entries (100%)');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);

    const again = await box.run(['import', 'bank', 'big.xml', '--json']);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toEqual({ credits, items: 0, onAccount: 0, unmatched: [], duplicates: credits });
  }, 120_000);
});
