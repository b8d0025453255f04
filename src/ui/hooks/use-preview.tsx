/**
 * The preview window (`p`): the e-mail exactly as it will be sent and a summary of the statement;
 * `w` writes .eml and .pdf and shows where. Works in review mode (it sends and changes nothing).
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { errorText, useDesk } from '../desk-context.js';
import { clip, fit, wrapLine } from '../format.js';
import type { PreviewView } from '../services.js';
import { useDialogReducer } from './use-dialog.js';

interface PreviewState {
  message: PlannedMessage | null;
  view: PreviewView | null;
  error: string | null;
  scroll: number;
  written: string[] | null;
}

type PreviewAction =
  | { type: 'open'; message: PlannedMessage }
  | { type: 'loaded'; message: PlannedMessage; view: PreviewView }
  | { type: 'failed'; message: PlannedMessage; error: string }
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'written'; files: string[] }
  | { type: 'close' };

const closed: PreviewState = { message: null, view: null, error: null, scroll: 0, written: null };

function reducer(state: PreviewState, action: PreviewAction): PreviewState {
  switch (action.type) {
    case 'open':
      return { ...closed, message: action.message };
    case 'loaded':
      return state.message === action.message ? { ...state, view: action.view } : state;
    case 'failed':
      return state.message === action.message ? { ...state, error: action.error } : state;
    case 'scroll':
      return { ...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.delta)) };
    case 'written':
      return { ...state, written: action.files };
    case 'close':
      return closed;
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
    '── Statement ──',
    ...view.statementSummary,
    '── E-mail text ──',
    ...view.text.split(/\r?\n/),
  ].flatMap((line) => wrapLine(line, width));
}

/** The preview window's controls. */
export interface Preview {
  open(message: PlannedMessage): void;
  render(height: number, width: number): React.JSX.Element | null;
}

const previewIsOpen = (state: PreviewState): boolean => state.message !== null;

/** Write the .eml and .pdf of `message` and report where (the preview's `w`; the lists use useWriteRun). */
function useWriteFiles(): (message: PlannedMessage) => Promise<string[] | null> {
  const { services, notify } = useDesk();
  return async (message) => {
    try {
      const files = await services.writePreview(message);
      notify(`wrote ${files.join(', ')}`, 'ok');
      return files;
    } catch (error) {
      notify(`could not write ${message.key}: ${errorText(error)}`, 'error');
      return null;
    }
  };
}

/** A preview window owned by one screen: a dialog of the desk's stack while open. */
export function usePreview(): Preview {
  const { services, keys } = useDesk();
  const write = useWriteFiles();
  const heightRef = React.useRef(10);
  const widthRef = React.useRef(80);

  const open = (message: PlannedMessage): void => {
    dispatch({ type: 'open', message });
    services.preview(message).then(
      (view) => dispatch({ type: 'loaded', message, view }),
      (error: unknown) => dispatch({ type: 'failed', message, error: errorText(error) }),
    );
  };

  // Every key is the preview's while it is open: it is modal.
  const handle = (input: string, key: Key): void => {
    const current = ref.current;
    if (!current.message) return;
    const command = keys.commandFor(input, key, ['due', 'list', 'global']);
    const max = current.view ? Math.max(0, previewLines(current.view, widthRef.current).length - heightRef.current) : 0;
    const page = Math.max(1, heightRef.current - 1);
    if (command === 'preview' || command === 'quit') dispatch({ type: 'close' });
    else if (command === 'down') dispatch({ type: 'scroll', delta: 1, max });
    else if (command === 'up') dispatch({ type: 'scroll', delta: -1, max });
    else if (command === 'pageDown') dispatch({ type: 'scroll', delta: page, max });
    else if (command === 'pageUp') dispatch({ type: 'scroll', delta: -page, max });
    else if (command === 'write') {
      const message = current.message;
      void write(message).then((files) => {
        if (files && ref.current.message === message) dispatch({ type: 'written', files });
      });
    }
  };
  const [state, dispatch, ref] = useDialogReducer(reducer, closed, previewIsOpen, { handle, escape: () => dispatch({ type: 'close' }) });

  const render = (height: number, width: number): React.JSX.Element | null => {
    if (!state.message) return null;
    const bodyHeight = Math.max(1, height - 2 - (state.written ? 1 : 0));
    heightRef.current = bodyHeight;
    widthRef.current = width;
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
  };

  return { open, render };
}
