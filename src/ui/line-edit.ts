/**
 * Editing a one-line text field from key presses (pure), used by every text field of the desk:
 * ←/→ move, Home/End (and Ctrl-A/Ctrl-E) jump, Backspace/Delete remove, Ctrl-U clears before the
 * cursor, Ctrl-W removes the word before it. Positions count characters (code points).
 */
import type { Key } from 'ink';

/** A line being edited: its text and the cursor position (0 … length, in characters). */
export interface Line {
  value: string;
  cursor: number;
}

/** What a key did to a line being edited. */
export type LineEditResult =
  | { type: 'change'; line: Line }
  | { type: 'submit'; value: string }
  | { type: 'cancel' }
  | { type: 'ignore' };

/** A line with the cursor at its end. */
export function lineOf(value: string): Line {
  return { value, cursor: [...value].length };
}

function change(chars: string[], cursor: number): LineEditResult {
  return { type: 'change', line: { value: chars.join(''), cursor: Math.max(0, Math.min(cursor, chars.length)) } };
}

/** Apply one key press to `line`. */
export function editLine(line: Line, input: string, key: Key): LineEditResult {
  const chars = [...line.value];
  const at = Math.max(0, Math.min(line.cursor, chars.length));
  if (key.escape) return { type: 'cancel' };
  if (key.return) return { type: 'submit', value: line.value };
  if (key.leftArrow) return change(chars, at - 1);
  if (key.rightArrow) return change(chars, at + 1);
  if (key.home || (key.ctrl && input === 'a')) return change(chars, 0);
  if (key.end || (key.ctrl && input === 'e')) return change(chars, chars.length);
  // Terminals send Backspace as DEL (Ink's `delete`); both remove the character before the cursor.
  if (key.backspace || key.delete) return at === 0 ? { type: 'ignore' } : change([...chars.slice(0, at - 1), ...chars.slice(at)], at - 1);
  if (key.ctrl && input === 'u') return change(chars.slice(at), 0);
  if (key.ctrl && input === 'w') {
    let start = at;
    while (start > 0 && chars[start - 1] === ' ') start -= 1;
    while (start > 0 && chars[start - 1] !== ' ') start -= 1;
    return change([...chars.slice(0, start), ...chars.slice(at)], start);
  }
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return { type: 'ignore' };
  const typed = [...input.replace(/[\u0000-\u001f\u007f]/g, '')];
  return typed.length === 0 ? { type: 'ignore' } : change([...chars.slice(0, at), ...typed, ...chars.slice(at)], at + typed.length);
}
