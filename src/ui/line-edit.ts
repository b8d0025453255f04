/** Editing a one-line text field from key presses (pure), used by every text field of the desk. */
import type { Key } from 'ink';

/** What a key did to a line being edited. */
export type LineEditResult =
  | { type: 'change'; value: string }
  | { type: 'submit'; value: string }
  | { type: 'cancel' }
  | { type: 'ignore' };

/** Apply one key press to `value` (the cursor is always at the end). */
export function editLine(value: string, input: string, key: Key): LineEditResult {
  if (key.escape) return { type: 'cancel' };
  if (key.return) return { type: 'submit', value };
  if (key.backspace || key.delete) return { type: 'change', value: [...value].slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { type: 'change', value: '' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) {
    return { type: 'ignore' };
  }
  if (key.pageUp || key.pageDown) return { type: 'ignore' };
  const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return printable === '' ? { type: 'ignore' } : { type: 'change', value: value + printable };
}
