/**
 * What Enter on a message offers (docs/reference/tui.md §2.6): write the archived copy, show the
 * text as sent, send a copy. The menu's choice and the text window are History's state; this file
 * holds their shape and their pure steps.
 */

/** One entry of the message's menu: the command it runs and its words. */
export interface MenuEntry {
  command: 'writeCopy' | 'showText' | 'sendCopy';
  label: string;
}

/** The menu, in the order it is shown. */
export const MESSAGE_MENU: readonly MenuEntry[] = [
  { command: 'writeCopy', label: 'write the copy (.eml as sent, and its PDF)' },
  { command: 'showText', label: 'show the text as sent' },
  { command: 'sendCopy', label: 'send a copy (to the same or another address)' },
];

/** The text of a message as sent, scrolled to `top`. */
export interface TextView {
  id: number;
  lines: string[];
  top: number;
}

/** The menu's choice moved by `step`, kept on the menu. */
export function stepMenu(choice: number, step: number): number {
  return Math.min(MESSAGE_MENU.length - 1, Math.max(0, choice + step));
}

/** The text scrolled by `delta` lines (or to an end), never past its last page of `height` lines. */
export function scrollText(view: TextView, delta: number, height: number): TextView {
  const last = Math.max(0, view.lines.length - height);
  return { ...view, top: Math.min(last, Math.max(0, view.top + delta)) };
}
