/**
 * Fitting text into a width on the statement PDF at a cost bounded for any input. Names, codes and
 * labels come from imports, older databases and users' template files, so a field can be a
 * megabyte long; cutting one character at a time and re-measuring the whole string each time took
 * hours for such a field while the send lock was held. Here text is first capped at what any line
 * could show, then cut by binary search: at most ~12 measurements of at most MAX_LINE_CHARS each.
 */

/** Width of `text` at the current font, in the document's unit (jsPDF getTextWidth). */
export type Measure = (text: string) => number;

/**
 * The most characters one line can show: the widest line (174 mm) at the smallest size used (7.5 pt)
 * holds about 500 of the narrowest glyphs, so text beyond this is never visible anyway.
 */
export const MAX_LINE_CHARS = 1000;

/** The most lines a wrapped text may take: a full page of the smallest text. */
export const MAX_WRAPPED_LINES = 60;

const ELLIPSIS = '…';

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be half a character.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** `text` unchanged when it fits `width`, else its longest prefix (at least one character) plus "…" that does. */
export function fitText(measure: Measure, text: string, width: number): string {
  const capped = capLength(text, MAX_LINE_CHARS);
  if (capped === text && measure(text) <= width) return text;
  const chars = Array.from(capped);
  const prefix = (count: number): string => `${chars.slice(0, count).join('')}${ELLIPSIS}`;
  // Widths grow with the prefix, so the longest prefix that fits is found by bisection. The whole
  // (uncapped) text did not fit, so its full length with an ellipsis cannot fit either.
  let low = 1;
  let high = capped === text ? chars.length - 1 : chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(prefix(middle)) <= width) low = middle;
    else high = middle - 1;
  }
  return prefix(Math.max(1, low));
}

/** `text` up to its `count`-th line break: each paragraph takes at least one line. */
function firstParagraphs(text: string, count: number): string {
  let end = -1;
  for (let found = 0; found < count; found += 1) {
    end = text.indexOf('\n', end + 1);
    if (end === -1) return text;
  }
  return text.slice(0, end);
}

/**
 * Wrap `text` into lines of `width` with `split` (jsPDF splitTextToSize), at most `maxLines` of
 * them; text beyond what that many lines could hold is dropped before splitting, and a cut shows
 * as "…" at the end of the last line.
 */
export function wrapText(
  split: (text: string) => string[],
  measure: Measure,
  text: string,
  width: number,
  maxLines: number = MAX_WRAPPED_LINES,
): string[] {
  const capped = capLength(firstParagraphs(text, maxLines), maxLines * MAX_LINE_CHARS);
  const lines = split(capped);
  if (lines.length <= maxLines && capped === text) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  if (last < 0) return kept;
  kept[last] = fitText(measure, `${kept[last]}${ELLIPSIS}`, width);
  return kept;
}
