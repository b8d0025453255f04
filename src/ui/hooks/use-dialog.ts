/**
 * A dialog's place in the desk's one dialog stack (dialog-stack.ts): it is put on the stack when
 * its state opens it and taken off when that closes it, in the same call, so keys follow at once.
 */
import { useCallback, useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { useDesk } from '../desk-context.js';
import type { Dialog } from '../dialog-stack.js';
import { useRefReducer } from './use-ref-reducer.js';

/** A dialog's hold on the stack. */
export interface DialogPlace {
  /** Put the dialog on top when `open` (unless it is there already), else take it off. */
  sync(open: boolean): void;
}

/** Register `handlers` (the latest ones are used) as one dialog of the desk's stack. */
export function useDialog(handlers: Dialog): DialogPlace {
  const { dialogs } = useDesk();
  const latest = useRef(handlers);
  latest.current = handlers;
  const entry = useMemo<Dialog>(() => ({ handle: (input, key) => latest.current.handle(input, key), escape: () => latest.current.escape() }), []);
  // A screen that goes away takes its dialogs with it.
  useEffect(() => () => dialogs.hide(entry), [dialogs, entry]);
  return useMemo(() => ({ sync: (open) => (open ? dialogs.show(entry) : dialogs.hide(entry)) }), [dialogs, entry]);
}

/**
 * useRefReducer for a dialog's state: after every action the dialog is on the stack exactly when
 * `isOpen` says its state is open.
 */
export function useDialogReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
  isOpen: (state: S) => boolean,
  handlers: Dialog,
): [S, (action: A) => void, MutableRefObject<S>] {
  const [state, dispatchState, ref] = useRefReducer(reducer, initial);
  const place = useDialog(handlers);
  const dispatch = useCallback(
    (action: A) => {
      dispatchState(action);
      place.sync(isOpen(ref.current));
    },
    // isOpen is a module-level function of each dialog.
    [dispatchState, place, ref],
  );
  return [state, dispatch, ref];
}
