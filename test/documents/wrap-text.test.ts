import { describe, expect, it } from 'vitest';
import { capLength, MAX_LINE_CHARS, wrapText, type Measure } from '../../src/documents/pdf/wrap-text.js';

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

const splitEvery = (size: number) => (text: string): string[] =>
  text.split('\n').flatMap((part) => part.match(new RegExp(`.{1,${size}}`, 'gsu')) ?? ['']);

describe('wrapText', () => {
  it('keeps every character of text that fits its lines', () => {
    expect(wrapText(splitEvery(4), countingMeasure(), 'abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('takes text that fits one line as it is, with one measurement and no split', () => {
    const measure = countingMeasure();
    const split = (): string[] => {
      throw new Error('split called');
    };
    expect(wrapText(split, measure, 'Customer Ltd', 20, 1)).toEqual(['Customer Ltd']);
    expect(measure.calls).toBe(1);
  });

  it('never cuts text within a line: a long name takes the lines it needs', () => {
    const name = 'Ελληνική Εταιρεία Εισαγωγών και Εξαγωγών Βιομηχανικών Προϊόντων Ανώνυμη Εταιρεία';
    const lines = wrapText(splitEvery(30), countingMeasure(), name, 30, 6);
    expect(lines.join('')).toBe(name);
    expect(lines.every((line) => !line.includes('…'))).toBe(true);
  });

  it('marks text beyond its lines with "…" on the last line, which still fits the width', () => {
    expect(wrapText(splitEvery(4), countingMeasure(), 'abcdefghij', 4, 2)).toEqual(['abcd', 'efg…']);
    expect(wrapText(splitEvery(4), countingMeasure(), 'abcdefgh\nij', 4, 2)).toEqual(['abcd', 'efg…']);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    expect(wrapText(splitEvery(3), countingMeasure(), '𝔸𝔹ℂ𝔻𝔼𝔽𝔾', 3, 2)).toEqual(['𝔸𝔹ℂ', '𝔻𝔼…']);
    expect(capLength(`${'a'.repeat(9)}𝔸`, 10)).toBe('a'.repeat(9));
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
    const measure = countingMeasure();
    const long = wrapText(split, measure, 'x'.repeat(5_000_000), 80, 3);
    expect(seen).toBeLessThanOrEqual(3 * MAX_LINE_CHARS);
    expect(long).toEqual(['x'.repeat(80), 'x'.repeat(80), `${'x'.repeat(79)}…`]);
    // The mark costs a bisection over one line, not a measurement per character.
    expect(measure.calls).toBeLessThanOrEqual(12);
    expect(measure.chars).toBeLessThanOrEqual(12 * (MAX_LINE_CHARS + 1));
  });
});
