/** Text formatting for the screens: money with grouping, fixed-width cells, short lists. */
import stringWidth from 'string-width';

export { formatAmount, formatMoney } from '../core/money-text.js';
export { localTime } from '../core/local-time.js';

/** A count with thousands separators: `12345` → `12,345`. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Printable ASCII only: one cell per character, no need to measure. */
const ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal cells `text` takes: CJK and most emoji 2, combining marks 0, everything else 1. */
export function cellWidth(text: string): number {
  return ASCII.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` that fits in `cells` terminal cells, whole characters only. */
function cutToCells(text: string, cells: number): { text: string; width: number } {
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > cells) break;
    out += segment;
    used += w;
  }
  return { text: out, width: used };
}

/** Cut or pad `text` to exactly `width` terminal cells (… marks a cut). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  let shown = flat;
  let used = cellWidth(flat);
  if (used > width) {
    const cut = cutToCells(flat, width - 1);
    shown = `${cut.text}…`;
    used = cut.width + 1;
  }
  const pad = ' '.repeat(Math.max(0, width - used));
  return align === 'right' ? pad + shown : shown + pad;
}

/** Cut `text` to at most `width` terminal cells without padding. */
export function clip(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  return width <= 0 ? '' : `${cutToCells(text, width - 1).text}…`;
}

/** A horizontal bar of `value` out of `max`, `width` cells wide. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0 || width <= 0) return '';
  const cells = Math.max(1, Math.round((value / max) * width));
  return '█'.repeat(Math.min(width, cells));
}

/** Break `text` into lines of at most `width` characters, at spaces where possible. */
export function wrapLine(text: string, width: number): string[] {
  const chars = [...text];
  if (width <= 0 || chars.length <= width) return [text];
  // One index into one array (no re-slicing of the rest, no search past the current line), so a
  // megabyte-long line — a name from an old database in a preview — wraps in linear time.
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > width) {
    let cut = width;
    for (let at = start + width; at - start > width / 3; at -= 1) {
      if (chars[at] === ' ') {
        cut = at - start;
        break;
      }
    }
    lines.push(chars.slice(start, start + cut).join('').trimEnd());
    start += cut;
    while (chars[start] === ' ') start += 1;
  }
  if (start < chars.length) lines.push(chars.slice(start).join(''));
  return lines;
}

