/** Any terminal size, any script: amounts are never cut, columns give way by priority, the footer stays at the bottom. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { formatAmount } from '../../src/ui/format.js';
import { renderDesk, rowOf } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

/** Terminal cells from the start of `line` to the end of the first `text` in it. */
function cellsThrough(line: string, text: string): number {
  const at = line.indexOf(text);
  expect(at, `${text} in ${line}`).toBeGreaterThanOrEqual(0);
  return stringWidth(line.slice(0, at + text.length));
}

describe('the desk at any size and in any script', () => {
  it.each([
    [60, 20],
    [80, 24],
  ])('Customers at %ix%i shows every amount with its currency whole', async (columns, rows) => {
    const services = await realDesk({
      shape: (data) => {
        const big = data.items.get(data.customers[0]!.code)!;
        big[0]!.openAmount += 934_567_890;
      },
    });
    const desk = renderDesk(services, { columns, rows });
    await desk.waitFor('planned');
    desk.press('2');
    const frame = await desk.waitFor('Customers —');
    const list = await services.listCustomers('2026-11-22');
    const shown = list.rows.filter((r) => rowOf(frame, r.code));
    expect(shown.length).toBeGreaterThan(3);
    for (const row of shown) {
      for (const open of row.open) expect(rowOf(frame, row.code)).toContain(formatAmount(open.amount, open.currency));
    }
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    if (columns >= 80) {
      expect(frame).toContain('Flags');
      expect(frame).toContain('E-mail');
    }
  });

  it('lines up the columns after CJK, decomposed Greek and emoji names', async () => {
    const services = await realDesk({
      shape: (data) => {
        const [cjk, greek, emoji] = data.customers;
        cjk!.name = '東京商事株式会社';
        greek!.name = 'Αθήνα Εμπορική'.normalize('NFD');
        emoji!.name = 'Café 👍 Shop';
      },
    });
    const [cjk, greek, emoji, plain] = services.data.customers;
    const desk = renderDesk(services, { columns: 100 });
    await desk.waitFor('planned');
    desk.press('2');
    const frame = await desk.waitFor('Customers —');
    const list = await services.listCustomers('2026-11-22');
    const ends = [cjk, greek, emoji, plain].map((c) => {
      const row = list.rows.find((r) => r.code === c!.code)!;
      return cellsThrough(rowOf(frame, c!.code)!, formatAmount(row.open[0]!.amount, row.open[0]!.currency));
    });
    expect(new Set(ends).size).toBe(1);
  });

  it('keeps the footer on the bottom row however few rows there are, and the top bar readable', async () => {
    const services = await realDesk();
    const desk = renderDesk(services, { columns: 60, rows: 20 });
    await desk.waitFor('planned');
    desk.press('/', 'zzzz');
    // An emptied search says so ("no match"), not that nothing is due (docs/reference/tui.md §4).
    const frame = await desk.waitFor('no match');
    const lines = frame.split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[18]).toMatch(/select .*\? help$/);
    expect(lines[0]).toContain('[1 Due now]');
    expect(lines[0]).not.toContain('…');
  });
});
