/**
 * One input chunk into the keypresses it holds. Ink hands over a chunk of printable characters as
 * one event ("jjjp", "/bg0", "j\r", a paste): terminals, SSH and fast typists deliver keys that
 * way, and a handler comparing `input` with one key would drop them all. Escape sequences (arrows,
 * PgUp…) already arrive alone, so only plain text and control characters need splitting here.
 */
import type { Key } from 'ink';

/** A key with no flag set (the base of every synthesised keypress). */
const PLAIN: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One keypress: what Ink would have passed for that key alone. */
export type Keypress = readonly [input: string, key: Key];

/** The keypress of one character as Ink reports it when the character arrives alone. */
function keyOf(char: string): Keypress | null {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\r' || char === '\n') return ['', { ...PLAIN, return: true }];
  if (char === '\t') return ['', { ...PLAIN, tab: true }];
  if (char === '\b') return ['', { ...PLAIN, backspace: true }];
  if (char === '\u007f') return ['', { ...PLAIN, delete: true }];
  if (char === '\u001b') return ['', { ...PLAIN, escape: true, meta: true }];
  // Ctrl+A … Ctrl+Z arrive as 1 … 26; Ink names them by the letter with ctrl set.
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...PLAIN, ctrl: true }];
  if (code < 32) return null;
  return [char, { ...PLAIN, shift: /^[A-Z]$/.test(char) }];
}

/** The keypresses of one input event, in order (a single key is passed through untouched). */
export function keypresses(input: string, key: Key): Keypress[] {
  const chars = [...input];
  if (chars.length <= 1 || key.meta || key.escape) return [[input, key]];
  const out: Keypress[] = [];
  for (const char of chars) {
    const press = keyOf(char);
    if (press) out.push(press);
  }
  return out;
}

/** The keypress of Esc alone. */
export const ESCAPE_KEY: Keypress = ['', { ...PLAIN, escape: true, meta: true }];

/**
 * The characters after a leading Esc when `data` (one input event, raw) is Esc followed at once by
 * printable text, else null. Terminals send Alt-key that way, but so does a clerk pressing Esc and
 * then a key in one burst (or while the desk is busy); the desk binds no Alt-key, so it is Esc and
 * then the keys (docs/reference/tui.md §2.1). Ink reports such an event as a bare Alt with the
 * character lost, so it is read here from the raw event.
 */
export function escapeBurst(data: string): string | null {
  if (data.length < 2 || data[0] !== '\u001b') return null;
  const rest = data.slice(1);
  const first = rest.codePointAt(0) ?? 0;
  if (first < 32 || rest[0] === '[' || rest[0] === 'O' || first === 0x7f) return null;
  return rest;
}
