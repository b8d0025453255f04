/**
 * The preview window (`p`): the e-mail exactly as it will be sent and a summary of the statement;
 * `w` writes .eml and .pdf and shows where. Works in review mode (it sends and changes nothing).
 * It is a window on the desk's dialog stack: the App draws it over the screen's body.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { createDialogStore, useDialogStore, type DialogStore } from '../dialog-store.js';
import type { Dialog, WindowSize } from '../dialog-stack.js';
import { errorText, useDesk, type Desk } from '../desk-context.js';
import { clip, fit, wrapLine } from '../format.js';
import type { PreviewView } from '../services.js';

interface PreviewState {
  message: PlannedMessage;
  view: PreviewView | null;
  error: string | null;
  scroll: number;
  written: string[] | null;
}

type PreviewAction =
  | { type: 'loaded'; view: PreviewView }
  | { type: 'failed'; error: string }
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'written'; files: string[] };

function reducer(state: PreviewState, action: PreviewAction): PreviewState {
  switch (action.type) {
    case 'loaded':
      return { ...state, view: action.view };
    case 'failed':
      return { ...state, error: action.error };
    case 'scroll':
      return { ...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.delta)) };
    case 'written':
      return { ...state, written: action.files };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Every line of the preview body, long lines wrapped at `width` so the whole text can be read. */
function previewLines(view: PreviewView, width: number): string[] {
  return [
    `To: ${view.to.join(', ') || '(nobody)'}${view.cc.length > 0 ? `   Cc: ${view.cc.join(', ')}` : ''}`,
    `Subject: ${view.subject}`,
    ...(view.letter ? ['── Letter ──', ...view.letter] : []),
    '── Statement ──',
    ...view.statementSummary,
    '── E-mail text ──',
    ...view.text.split(/\r?\n/),
  ].flatMap((line) => wrapLine(line, width));
}

/** The preview window's controls, for the screen that opens it. */
export interface Preview {
  open(message: PlannedMessage): void;
}

/** Write the .eml and .pdf of `message` and report where (the preview's `w`; the lists use useWriteRun). */
async function writeFiles(desk: Desk, message: PlannedMessage): Promise<string[] | null> {
  try {
    const files = await desk.services.writePreview(message);
    desk.notify(`wrote ${files.join(', ')}`, 'ok');
    return files;
  } catch (error) {
    desk.notify(`could not write ${message.key}: ${errorText(error)}`, 'error');
    return null;
  }
}

/** Open the preview of `message` as a window on the desk's dialog stack; Esc, q or p closes it. */
export function openPreview(desk: Desk, message: PlannedMessage): void {
  const store = createDialogStore(reducer, { message, view: null, error: null, scroll: 0, written: null } as PreviewState);
  const shown: WindowSize = { height: 10, width: 80 };
  const close = (): void => desk.dialogs.hide(dialog);
  // Every key is the preview's while it is open: it is modal.
  const handle = (input: string, key: Key): void => {
    const current = store.get();
    const command = desk.keys.commandFor(input, key, ['due', 'list', 'global']);
    const max = current.view ? Math.max(0, previewLines(current.view, shown.width).length - shown.height) : 0;
    const page = Math.max(1, shown.height - 1);
    if (command === 'preview' || command === 'quit') close();
    else if (command === 'down') store.dispatch({ type: 'scroll', delta: 1, max });
    else if (command === 'up') store.dispatch({ type: 'scroll', delta: -1, max });
    else if (command === 'pageDown') store.dispatch({ type: 'scroll', delta: page, max });
    else if (command === 'pageUp') store.dispatch({ type: 'scroll', delta: -page, max });
    else if (command === 'write') {
      void writeFiles(desk, message).then((files) => {
        if (files) store.dispatch({ type: 'written', files });
      });
    }
  };
  const dialog: Dialog = { handle, escape: close, window: (size) => <PreviewWindow store={store} shown={shown} {...size} /> };
  desk.dialogs.show(dialog);
  desk.services.preview(message).then(
    (view) => store.dispatch({ type: 'loaded', view }),
    (error: unknown) => store.dispatch({ type: 'failed', error: errorText(error) }),
  );
}

/** Props of PreviewWindow. */
interface PreviewWindowProps extends WindowSize {
  store: DialogStore<PreviewState, PreviewAction>;
  /** Told the body rows and width it draws. */
  shown: WindowSize;
}

/** The preview window: the message's lines from the scroll position, what was written, and where it is. */
function PreviewWindow({ store, shown, height, width }: PreviewWindowProps): React.JSX.Element {
  const state = useDialogStore(store);
  const bodyHeight = Math.max(1, height - 2 - (state.written ? 1 : 0));
  shown.height = bodyHeight;
  shown.width = width;
  const lines = state.view ? previewLines(state.view, width) : [state.error ? `Error: ${state.error}` : 'rendering…'];
  const top = Math.min(state.scroll, Math.max(0, lines.length - bodyHeight));
  return (
    <Box flexDirection="column">
      <Text inverse bold wrap="truncate">
        {fit(` Preview ${state.message.key} — Esc or q close · w write .eml + .pdf · ↑/↓ PgUp/PgDn scroll`, width)}
      </Text>
      {lines.slice(top, top + bodyHeight).map((line, i) => (
        <Text key={`${top + i}`} color={state.error ? 'red' : undefined} wrap="truncate">
          {clip(line, width) || ' '}
        </Text>
      ))}
      {state.written ? (
        <Text color="green" wrap="truncate">
          {clip(`Written: ${state.written.join(', ')}`, width)}
        </Text>
      ) : null}
      <Text dimColor wrap="truncate">
        {clip(`lines ${top + 1}–${Math.min(lines.length, top + bodyHeight)} of ${lines.length}`, width)}
      </Text>
    </Box>
  );
}

/** The preview opener of the current desk. */
export function usePreview(): Preview {
  const desk = useDesk();
  return { open: (message) => openPreview(desk, message) };
}
