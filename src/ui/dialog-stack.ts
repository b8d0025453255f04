/**
 * The one stack of open dialogs (confirmations, the filter form, line prompts, the preview, the
 * send and write windows, help and the status detail). Only the topmost one receives keys, the
 * way Ink's `useInput(…, { isActive })` lets only the focused component listen; Esc goes to the top
 * one, which closes (or cancels, or stops) it. Opening and closing change the stack at once, not
 * at the next render, so the next key of the same chunk (`/bg0`, `j\r`) already reaches the right one.
 * A dialog that is a window (the preview) brings its own component; the App draws it over the
 * screen's body, so the screen that opened it does not draw it.
 */
import type { Key } from 'ink';
import type { ReactNode } from 'react';

/** An open dialog: while it is on top, every key goes to it and nothing reaches the screen below. */
export interface Dialog {
  /** A key other than Esc. */
  handle(input: string, key: Key): void;
  /** Esc: close the dialog, or cancel or stop what it does. */
  escape(): void;
  /** A window drawn in place of the screen's body while this dialog is open. */
  window?(size: WindowSize): ReactNode;
}

/** The room a dialog's window has: the screen's body. */
export interface WindowSize {
  height: number;
  width: number;
}

/** The open dialogs, topmost last. */
export class DialogStack {
  private readonly open: Dialog[] = [];
  private readonly listeners = new Set<() => void>();

  /** Put `dialog` on top, unless it is open already (then it stays where it is). */
  show(dialog: Dialog): void {
    if (this.open.includes(dialog)) return;
    this.open.push(dialog);
    this.changed();
  }

  /** Take `dialog` off the stack wherever it is. */
  hide(dialog: Dialog): void {
    const at = this.open.indexOf(dialog);
    if (at < 0) return;
    this.open.splice(at, 1);
    this.changed();
  }

  /** Call `listener` whenever a dialog is shown or hidden; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Whether `dialog` is on the stack. */
  isOpen(dialog: Dialog): boolean {
    return this.open.includes(dialog);
  }

  /** The topmost open dialog that is a window, if any. */
  topWindow(): Dialog | undefined {
    return this.open.findLast((dialog) => dialog.window !== undefined);
  }

  /** The dialog that receives keys, if any is open. */
  top(): Dialog | undefined {
    return this.open.at(-1);
  }

  /** Give the key to the top dialog (Esc to its `escape`); false when none is open. */
  route(input: string, key: Key): boolean {
    const top = this.top();
    if (top === undefined) return false;
    if (key.escape) top.escape();
    else top.handle(input, key);
    return true;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
