/**
 * Wrapping text into a width on the statement PDF, never cutting it within a line, at a cost bounded
 * for any input. A name, an amount, a reference or a sentence cut with "…" is a letter that no longer
 * says whom it is for or what it asks; so every field wraps onto as many lines as it needs, up to a
 * cap per kind of field that holds the longest value duedesk accepts (import and settings limits).
 * Names, codes and labels can still come from older databases, other tools or users' template
 * files a megabyte long: text beyond what the cap's lines could show is dropped before splitting,
 * so the work per field is bounded by its lines, and the last line ends in "…" so the reader sees
 * that something was left out.
 */

/** Width of `text` at the current font, in the document's unit (jsPDF getTextWidth). */
export type Measure = (text: string) => number;

/** Split text into lines of a width (jsPDF splitTextToSize at the current font). */
export type Split = (text: string) => string[];

/**
 * The most characters one line can show: the widest line (174 mm) at the smallest size used (7.5 pt)
 * holds about 500 of the narrowest glyphs, so a line never needs more than this.
 */
export const MAX_LINE_CHARS = 1000;

/**
 * How many lines each kind of text may take. Each cap holds the longest value duedesk accepts in
 * the narrowest place it is printed, in the widest glyphs: a customer name (200 characters) in
 * 11 pt bold over 120 mm needs at most 7 lines; an item number, reference or case (64) in the
 * narrowest table cell (24 mm at 8.5 pt) at most 8. Free text (introductions, label sentences) gets a page of lines.
 */
export const lineCaps = {
  /** Customer and company names. */
  name: 8,
  /** A table cell: item numbers, references, cases, dates, amounts, labels. */
  cell: 10,
  /** A label or heading of a few words (titles, column headings, field names). */
  label: 6,
  /** Running text: the introduction, a sentence of the template's labels. */
  text: 60,
} as const;

const ELLIPSIS = '…';

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be half a character.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
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
 * `line` followed by "…", shortened from its end until that fits `width`: the longest prefix is
 * found by bisection (about ten measurements of at most a line each).
 */
function markCut(measure: Measure, line: string, width: number): string {
  const chars = Array.from(capLength(line, MAX_LINE_CHARS));
  const prefix = (count: number): string => `${chars.slice(0, count).join('')}${ELLIPSIS}`;
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(prefix(middle)) <= width) low = middle;
    else high = middle - 1;
  }
  return prefix(low);
}

/**
 * Wrap `text` into lines of `width` with `split`: every line as the splitter made it, at most
 * `maxLines` of them. Only text longer than that many lines could hold is shortened, and then
 * visibly: its last kept line ends in "…".
 */
export function wrapText(split: Split, measure: Measure, text: string, width: number, maxLines: number = lineCaps.text): string[] {
  // Most cells and labels fit their line: one measurement instead of a split.
  if (text.length <= MAX_LINE_CHARS && !text.includes('\n') && measure(text) <= width) return [text];
  const capped = capLength(firstParagraphs(text, maxLines), maxLines * MAX_LINE_CHARS);
  const lines = split(capped);
  if (lines.length <= maxLines && capped === text) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  if (last < 0) return kept;
  kept[last] = markCut(measure, kept[last] ?? '', width);
  return kept;
}
