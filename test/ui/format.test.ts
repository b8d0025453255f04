import { describe, expect, it } from 'vitest';
import { agingOf, bucketOf } from '../../src/core/aging.js';
import { compileFilters, NO_FILTERS } from '../../src/ui/filters.js';
import { fit, formatMoney, wrapLine } from '../../src/ui/format.js';
import { foldText } from '../../src/ui/text-fold.js';
import { anItem } from '../helpers/store.js';

describe('desk text helpers', () => {
  it.each([
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['Αθήνα', 'αθηνα'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['οδός', 'οδοσ'],
    ['СОФИЯ', 'софия'],
    ['Caffè Città', 'caffe citta'],
    ['São João', 'sao joao'],
    ['ABC-12@x.example', 'abc-12@x.example'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it.each([
    [123456789, 'EUR', '1,234,567.89'],
    [-5, 'EUR', '-0.05'],
    [1000, 'JPY', '1,000'],
    [1234567, 'BHD', '1,234.567'],
  ])('formats %i %s as %s', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });

  it('fits cells to a width and wraps long lines at spaces', () => {
    expect(fit('Αθήνα Εμπορική', 8)).toBe('Αθήνα Ε…');
    expect(fit('12', 5, 'right')).toBe('   12');
    expect(wrapLine('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
    expect(wrapLine('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapLine('ab   cdefgh', 4)).toEqual(['ab', 'cdef', 'gh']);
  });

  it('wraps a megabyte-long preview line (a long name from an old database) in one pass', () => {
    const lines = wrapLine(`Dear ${'n'.repeat(1024 * 1024)} ${'w '.repeat(100_000)}`, 80);
    expect(lines[0]).toBe(`Dear ${'n'.repeat(75)}`);
    expect(lines[1]).toBe('n'.repeat(80));
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`Dear${'n'.repeat(1024 * 1024)}${'w'.repeat(100_000)}`);
  });

  it('puts open amounts into aging buckets per currency', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual(['notDue', 'd1to30', 'd1to30', 'd31to60', 'd31to60', 'd61to90', 'd61to90', 'over90']);
    const aging = agingOf(
      [
        anItem({ number: 'A', dueDate: '2026-03-01', openAmount: 100 }),
        anItem({ number: 'B', dueDate: '2025-12-01', openAmount: 200 }),
        anItem({ number: 'C', dueDate: '2025-12-01', openAmount: -50, kind: 'credit_note' }),
        anItem({ number: 'D', dueDate: '2026-02-01', openAmount: 70, currency: 'USD' }),
        anItem({ number: 'E', dueDate: '2026-02-01', openAmount: 0 }),
      ],
      '2026-03-01',
    );
    expect(aging).toEqual([
      { currency: 'EUR', buckets: { notDue: 100, d1to30: 0, d31to60: 0, d61to90: 150, over90: 0 } },
      { currency: 'USD', buckets: { notDue: 0, d1to30: 70, d31to60: 0, d61to90: 0, over90: 0 } },
    ]);
  });

  it('names every filter field it cannot read and changes nothing', () => {
    const result = compileFilters({ ...NO_FILTERS, dueFrom: '2026-02-30', minTotal: 'ten', hasEmail: 'maybe' });
    expect(result).toEqual({
      ok: false,
      errors: ['Due from: "2026-02-30" is not a date (YYYY-MM-DD)', 'Minimum total: "ten" is not a number', 'Has e-mail: "maybe" is not yes or no'],
    });
  });
});
