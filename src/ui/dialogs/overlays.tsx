/**
 * The windows over every screen: the `?` help and the status line in full (`e`). Both scroll with
 * ↑/↓ and close with Esc, q, or the key of either one.
 */
import type { Key } from 'ink';
import React from 'react';
import { Help, helpLines } from '../components/help.js';
import { StatusDetail, statusDetailLines, type StatusText } from '../components/status-detail.js';
import type { Desk } from '../desk-context.js';
import { createDialogStore, useDialogStore, type DialogStore } from '../dialog-store.js';
import type { Dialog, WindowSize } from '../dialog-stack.js';

/** What an overlay needs of the desk. */
type OverlayDesk = Pick<Desk, 'dialogs' | 'keys' | 'roleRefusal'>;

/** The first line shown. */
type ScrollAction = { type: 'scroll'; to: number };

const scrollReducer = (scroll: number, action: ScrollAction): number => action.to;

/** How to draw a scrolling window at a size, from a line. */
type Draw = (size: WindowSize, scroll: number) => React.JSX.Element;

/** Open a window of `lineCount(width)` lines drawn by `draw` at `size`, on the desk's dialog stack. */
function openScrollWindow({ dialogs, keys }: OverlayDesk, size: WindowSize, lineCount: (width: number) => number, draw: Draw): void {
  const store = createDialogStore(scrollReducer, 0);
  const shown: WindowSize = { ...size };
  const close = (): void => dialogs.hide(dialog);
  const handle = (input: string, key: Key): void => {
    const command = keys.commandFor(input, key, ['list', 'global']);
    const max = Math.max(0, lineCount(shown.width) - (shown.height - 1));
    const scroll = store.get();
    if (command === 'down') store.dispatch({ type: 'scroll', to: Math.min(max, scroll + 1) });
    else if (command === 'up') store.dispatch({ type: 'scroll', to: Math.max(0, scroll - 1) });
    else if (command === 'help' || command === 'statusDetail' || command === 'quit') close();
  };
  const dialog: Dialog = { handle, escape: close, window: (size) => <ScrollWindow store={store} shown={shown} size={size} draw={draw} /> };
  dialogs.show(dialog);
}

/** Props of ScrollWindow. */
interface ScrollWindowProps {
  store: DialogStore<number, ScrollAction>;
  /** Told the size it draws at: scrolling stops at the last line. */
  shown: WindowSize;
  size: WindowSize;
  draw: Draw;
}

/** A scrolling window at its scroll position. */
function ScrollWindow({ store, shown, size, draw }: ScrollWindowProps): React.JSX.Element {
  const scroll = useDialogStore(store);
  shown.height = size.height;
  shown.width = size.width;
  return draw(size, scroll);
}

/** Open the `?` help over the screen's body of `size`. */
export function openHelp(desk: OverlayDesk, size: WindowSize): void {
  openScrollWindow(desk, size, () => helpLines(desk.keys).length, ({ height, width }, scroll) => <Help height={height} width={width} scroll={scroll} keys={desk.keys} refused={desk.roleRefusal} />);
}

/** Open the status line in full over the screen's body of `size`; `status` is what the status line says now. */
export function openStatusDetail(desk: OverlayDesk, size: WindowSize, status: () => StatusText): void {
  openScrollWindow(
    desk,
    size,
    (width) => statusDetailLines(status(), width).length,
    ({ height, width }, scroll) => <StatusDetail status={status()} height={height} width={width} scroll={scroll} />,
  );
}
