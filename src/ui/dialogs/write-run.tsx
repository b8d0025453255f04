/**
 * Writing previews (`w`) as an operation: more than a screenful asks first, then a progress bar
 * with Esc to stop after the file being written; the status line says what was written and where.
 * The question and the progress are a window on the desk's dialog stack, drawn by the App.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { onAnswer } from '../confirm-keys.js';
import { errorText, useDesk, type Desk } from '../desk-context.js';
import { createDialogStore, useDialogStore, type DialogStore } from '../dialog-store.js';
import type { Dialog } from '../dialog-stack.js';
import { bar, clip, fit, formatCount } from '../format.js';

type WriteState =
  | { phase: 'idle' }
  | { phase: 'confirm'; messages: PlannedMessage[] }
  | { phase: 'writing'; messages: PlannedMessage[]; done: number; stopping: boolean };

type WriteAction =
  | { type: 'confirm'; messages: PlannedMessage[] }
  | { type: 'start'; messages: PlannedMessage[] }
  | { type: 'progress'; done: number }
  | { type: 'stop' }
  | { type: 'close' };

function reducer(state: WriteState, action: WriteAction): WriteState {
  switch (action.type) {
    case 'confirm':
      return { phase: 'confirm', messages: action.messages };
    case 'start':
      return { phase: 'writing', messages: action.messages, done: 0, stopping: false };
    case 'progress':
      return state.phase === 'writing' ? { ...state, done: action.done } : state;
    case 'stop':
      return state.phase === 'writing' ? { ...state, stopping: true } : state;
    case 'close':
      return { phase: 'idle' };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The write run's controls, for the screen that starts it. */
export interface WriteRun {
  /** Write the .eml and .pdf of `messages`; asks first when they are more than `screenful`. */
  request(messages: readonly PlannedMessage[], screenful: number): void;
}

/**
 * Write the .eml and .pdf of `messages`, asking first when they are more than `screenful`; the
 * question and the progress are a window on the desk's dialog stack until the run ends.
 */
export function requestWrite(desk: Desk, messages: readonly PlannedMessage[], screenful: number): void {
  if (messages.length === 0) return;
  const { services, notify } = desk;
  const store = createDialogStore(reducer, { phase: 'idle' } as WriteState);
  let stopRequested = false;
  const close = (): void => {
    store.dispatch({ type: 'close' });
    desk.dialogs.hide(dialog);
  };

  const run = async (chosen: PlannedMessage[]): Promise<void> => {
    stopRequested = false;
    store.dispatch({ type: 'start', messages: chosen });
    let files = 0;
    let done = 0;
    try {
      for (const message of chosen) {
        if (stopRequested) break;
        const written = await services.writePreview(message);
        files += written.length;
        done += 1;
        store.dispatch({ type: 'progress', done });
        if (chosen.length === 1) notify(`wrote ${written.join(', ')}`, 'ok');
      }
      if (chosen.length > 1) {
        const where = `${formatCount(files)} files to ${services.previewDir()}`;
        notify(done < chosen.length ? `stopped: wrote ${formatCount(done)} of ${formatCount(chosen.length)} (${where})` : `wrote ${where}`, done < chosen.length ? 'warn' : 'ok');
      }
    } catch (error) {
      const failed = chosen[done];
      notify(`could not write ${failed?.key ?? 'the preview'}: ${errorText(error)}${done > 0 ? ` (${formatCount(done)} written before)` : ''}`, 'error');
    } finally {
      close();
    }
  };

  const handle = (input: string, key: Key): void => {
    const current = store.get();
    if (current.phase === 'confirm') onAnswer(input, key, () => void run(current.messages), cancel);
  };
  /** Esc: no to the question, or stop after the file being written. */
  const escape = (): void => {
    const current = store.get();
    if (current.phase === 'confirm') cancel();
    else if (current.phase === 'writing' && !current.stopping) {
      stopRequested = true;
      store.dispatch({ type: 'stop' });
    }
  };
  const cancel = (): void => {
    close();
    notify('writing cancelled', 'info');
  };
  const dialog: Dialog = { handle, escape, window: ({ width }) => <WriteRunWindow store={store} previewDir={services.previewDir()} width={width} /> };
  desk.dialogs.show(dialog);
  if (messages.length > screenful) store.dispatch({ type: 'confirm', messages: [...messages] });
  else void run([...messages]);
}

/** Props of WriteRunWindow. */
interface WriteRunWindowProps {
  store: DialogStore<WriteState, WriteAction>;
  previewDir: string;
  width: number;
}

/** The question before a long write run, then its progress. */
function WriteRunWindow({ store, previewDir, width }: WriteRunWindowProps): React.JSX.Element | null {
  const state = useDialogStore(store);
  if (state.phase === 'idle') return null;
  const n = state.messages.length;
  if (state.phase === 'confirm') {
    return (
      <Box flexDirection="column">
        <Text inverse bold wrap="truncate">
          {fit(` Write ${formatCount(n)} previews (${formatCount(2 * n)} files, .eml and .pdf) to ${previewDir}?`, width)}
        </Text>
        <Text wrap="truncate">{fit('Enter or y = write · Esc or n = cancel', width)}</Text>
      </Box>
    );
  }
  const barWidth = Math.max(10, Math.min(50, width - 30));
  return (
    <Box flexDirection="column">
      <Text inverse bold wrap="truncate">
        {fit(state.stopping ? ' Stopping after the file being written…' : ' Writing previews — Esc stops', width)}
      </Text>
      <Text wrap="truncate">{clip(`[${bar(state.done, n, barWidth).padEnd(barWidth, '░')}] ${formatCount(state.done)}/${formatCount(n)}`, width)}</Text>
    </Box>
  );
}

/** The write run starter of the current desk (see requestWrite). */
export function useWriteRun(): WriteRun {
  const desk = useDesk();
  return { request: (messages, screenful) => requestWrite(desk, messages, screenful) };
}
