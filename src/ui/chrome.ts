/**
 * The desk's top bar and footers as text that gives way at any width: whole parts are left out
 * (least useful first) instead of a line cut mid-word, so a small terminal still reads.
 */
import { cellWidth, clip } from './format.js';
import type { Command, KeyBinding, KeyTable } from './keys.js';

/** Join the `parts` that fit in `width` cells with `sep`, in order; the first part is always kept (clipped). */
function joinFitting(parts: readonly string[], width: number, sep = ' · '): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    const next = out === '' ? part : `${out}${sep}${part}`;
    if (cellWidth(next) <= width) out = next;
    else if (out === '') return clip(part, width);
  }
  return out;
}

/**
 * The tab bar: all titles when they fit, then the other screens by number only, then without
 * the date and the key reminder.
 */
export function topBar(titles: readonly string[], active: number, asOf: string, width: number): string {
  const full = titles.map((t, i) => (i === active ? `[${i + 1} ${t}]` : ` ${i + 1} ${t} `)).join(' ');
  const short = titles.map((t, i) => (i === active ? `[${i + 1} ${t}]` : `${i + 1}`)).join(' ');
  for (const line of [
    `duedesk  ${full}   as of ${asOf}   ? help  q quit`,
    `duedesk  ${short}   as of ${asOf}   ? help  q quit`,
    `duedesk  ${short}   as of ${asOf}`,
    `${short}  ${asOf}`,
  ]) {
    if (cellWidth(line) <= width) return line;
  }
  return clip(`[${active + 1} ${titles[active] ?? ''}]`, width);
}

/**
 * A footer from the key table `keys`: each command's key and short label, in the order given, leaving
 * out what review mode refuses (its hint would only invite a refusal), what the session's role may
 * not do (`refused`, docs/reference/roles.md §3.1) and what does not fit; `? help` stays last.
 */
export function footer(keys: KeyTable, commands: readonly Command[], review: boolean, width: number, refused?: (binding: KeyBinding) => string | null): string {
  const parts: string[] = [];
  for (const command of commands) {
    const binding = keys.footerBinding(command);
    if (!binding || (review && binding.changes) || refused?.(binding)) continue;
    parts.push(`${binding.keys.at(-1)} ${binding.short}`);
  }
  const help = '? help';
  const body = joinFitting(parts, Math.max(0, width - help.length - 3));
  return body === '' ? clip(help, width) : `${body} · ${help}`;
}
