import { describe, expect, it } from 'vitest';
import { capLength, fitText, MAX_LINE_CHARS, wrapText, type Measure } from '../../src/documents/pdf/fit-text.js';

/** A measure of one unit per character that counts its calls and the characters it looked at. */
function countingMeasure(): Measure & { calls: number; chars: number } {
  const measure = Object.assign(
    (text: string): number => {
      measure.calls += 1;
      measure.chars += text.length;
      return Array.from(text).length;
    },
    { calls: 0, chars: 0 },
  );
  return measure;
}

describe('fitText', () => {
  it('keeps text that fits, measuring it once', () => {
    const measure = countingMeasure();
    expect(fitText(measure, 'Customer Ltd', 20)).toBe('Customer Ltd');
    expect(measure.calls).toBe(1);
  });

  it('cuts to the longest prefix that fits with an ellipsis', () => {
    expect(fitText(countingMeasure(), 'abcdefghij', 5)).toBe('abcd…');
    expect(fitText(countingMeasure(), 'abcdefghij', 9)).toBe('abcdefgh…');
    // At least one character stays, as before, even when nothing fits.
    expect(fitText(countingMeasure(), 'abcdefghij', 0)).toBe('a…');
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    expect(fitText(countingMeasure(), '𝔸𝔹ℂ𝔻𝔼𝔽', 3)).toBe('𝔸𝔹…');
    expect(capLength(`${'a'.repeat(9)}𝔸`, 10)).toBe('a'.repeat(9));
  });

  it('a 1 MB name costs a dozen measurements of at most a line each, not one per character', () => {
    const measure = countingMeasure();
    const name = 'N'.repeat(1024 * 1024);
    const fitted = fitText(measure, name, 120);
    expect(fitted).toBe(`${'N'.repeat(119)}…`);
    expect(measure.calls).toBeLessThanOrEqual(12);
    expect(measure.chars).toBeLessThanOrEqual(12 * (MAX_LINE_CHARS + 1));
  });

  it('text longer than a line can show is cut even if every character is zero-width', () => {
    const fitted = fitText(() => 0, '\u200b'.repeat(5000), 100);
    expect(fitted).toBe(`${'\u200b'.repeat(MAX_LINE_CHARS)}…`);
  });
});

describe('wrapText', () => {
  const splitEvery = (size: number) => (text: string): string[] =>
    text.split('\n').flatMap((part) => part.match(new RegExp(`.{1,${size}}`, 'gsu')) ?? ['']);

  it('keeps a short paragraph as the splitter wraps it', () => {
    expect(wrapText(splitEvery(4), countingMeasure(), 'abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('stops after maxLines and marks the cut on the last line', () => {
    expect(wrapText(splitEvery(4), countingMeasure(), 'abcdefghij', 4, 2)).toEqual(['abcd', 'efg…']);
  });

  it('hands the splitter no more than maxLines paragraphs and what they could hold', () => {
    let seen = 0;
    const split = (text: string): string[] => {
      seen = text.length;
      return splitEvery(80)(text);
    };
    const lines = wrapText(split, countingMeasure(), 'line\n'.repeat(200_000), 80, 3);
    expect(lines).toEqual(['line', 'line', 'line…']);
    expect(seen).toBeLessThan(20);
    wrapText(split, countingMeasure(), 'x'.repeat(5_000_000), 80, 3);
    expect(seen).toBeLessThanOrEqual(3 * MAX_LINE_CHARS);
  });
});
