import { describe, expect, it } from 'vitest';
import { progressText } from '../../src/core/progress-text.js';

describe('progressText', () => {
  it.each([
    [{ done: 0, total: 1_000_000, elapsedMs: 0 }, 'import items: 0/1,000,000 rows (0%)'],
    [{ done: 250_000, total: 1_000_000, elapsedMs: 5_000 }, 'import items: 250,000/1,000,000 rows (25%) · 50,000 rows/s · 0:15 left'],
    [{ done: 1_000, total: 1_000_000, elapsedMs: 1_000 }, 'import items: 1,000/1,000,000 rows (0%) · 1,000 rows/s · 16:39 left'],
    [{ done: 1_000, total: 10_000_000, elapsedMs: 1_000 }, 'import items: 1,000/10,000,000 rows (0%) · 1,000 rows/s · 2:46:39 left'],
    [{ done: 1_200, total: 1_000, elapsedMs: 2_000 }, 'import items: 1,200/1,000 rows (100%) · 600 rows/s · 0:00 left'],
  ])('%o reads %s', (state, text) => {
    expect(progressText({ label: 'import items', unit: 'rows', ...state })).toBe(text);
  });
});
