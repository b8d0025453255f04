import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlainAmount } from '../../src/core/csv/plain-amount.js';
import { parseAmount } from '../../src/core/money.js';

describe('parsePlainAmount (the fast path) agrees with parseAmount wherever it answers', () => {
  it.each([
    ['1234.50', 2, false, 123450],
    ['-12', 2, false, -1200],
    ['+7.5', 2, false, 750],
    ['1234,50', 2, true, 123450],
    ['100', 0, false, 100],
    ['-0.00', 2, false, 0],
  ] as const)('%s (%i digits, decimal comma %s) → %i', (text, digits, comma, minor) => {
    expect(parsePlainAmount(text, digits, comma)).toBe(minor);
  });

  it.each([
    ['1,234.50', 2, false],
    ['1234,50', 2, false],
    ['1234.50', 2, true],
    ['10.123', 2, false],
    ['100.5', 0, false],
    ['12abc', 2, false],
    ['99999999999999', 2, false],
  ] as const)('leaves %s (%i digits, decimal comma %s) to parseAmount', (text, digits, comma) => {
    expect(parsePlainAmount(text, digits, comma)).toBeUndefined();
  });

  it('property: same value as parseAmount, or no answer', () => {
    const text = fc.stringMatching(/^[+-]?\d{0,15}([.,]\d{0,4})?$/);
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 3 }), fc.boolean(), (t, digits, comma) => {
        const fast = parsePlainAmount(t, digits, comma);
        if (fast === undefined) return;
        const slow = parseAmount(t, digits, { decimalComma: comma });
        expect(slow).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 2000 },
    );
  });
});
