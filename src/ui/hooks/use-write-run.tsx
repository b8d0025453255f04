/**
 * Writing previews (`w`) as an operation: more than a screenful asks first, then a progress bar
 * with Esc to stop after the file being written; the status line says what was written and where.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef } from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { onAnswer } from '../confirm-keys.js';
import { errorText, useDesk } from '../desk-context.js';
import { bar, clip, fit, formatCount } from '../format.js';
import { useDialogReducer } from './use-dialog.js';

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

/** The write run's controls. */
export interface WriteRun {
  /** Write the .eml and .pdf of `messages`; asks first when they are more than `screenful`. */
  request(messages: readonly PlannedMessage[], screenful: number): void;
  render(width: number): React.JSX.Element | null;
}

const writeIsOpen = (state: WriteState): boolean => state.phase !== 'idle';

/** A write run owned by one screen: its question and its progress are a dialog of the desk's stack. */
export function useWriteRun(): WriteRun {
  const { services, notify } = useDesk();
  const stopRequested = useRef(false);

  const run = async (messages: PlannedMessage[]): Promise<void> => {
    stopRequested.current = false;
    dispatch({ type: 'start', messages });
    let files = 0;
    let done = 0;
    try {
      for (const message of messages) {
        if (stopRequested.current) break;
        const written = await services.writePreview(message);
        files += written.length;
        done += 1;
        dispatch({ type: 'progress', done });
        if (messages.length === 1) notify(`wrote ${written.join(', ')}`, 'ok');
      }
      if (messages.length > 1) {
        const where = `${formatCount(files)} files to ${services.previewDir()}`;
        notify(done < messages.length ? `stopped: wrote ${formatCount(done)} of ${formatCount(messages.length)} (${where})` : `wrote ${where}`, done < messages.length ? 'warn' : 'ok');
      }
    } catch (error) {
      const failed = messages[done];
      notify(`could not write ${failed?.key ?? 'the preview'}: ${errorText(error)}${done > 0 ? ` (${formatCount(done)} written before)` : ''}`, 'error');
    } finally {
      dispatch({ type: 'close' });
    }
  };

  const request = (messages: readonly PlannedMessage[], screenful: number): void => {
    if (messages.length === 0) return;
    if (messages.length > screenful) dispatch({ type: 'confirm', messages: [...messages] });
    else void run([...messages]);
  };

  const handle = (input: string, key: Key): void => {
    const current = ref.current;
    if (current.phase === 'confirm') onAnswer(input, key, () => void run(current.messages), cancel);
  };
  /** Esc: no to the question, or stop after the file being written. */
  const escape = (): void => {
    const current = ref.current;
    if (current.phase === 'confirm') cancel();
    else if (current.phase === 'writing' && !current.stopping) {
      stopRequested.current = true;
      dispatch({ type: 'stop' });
    }
  };
  const cancel = (): void => {
    dispatch({ type: 'close' });
    notify('writing cancelled', 'info');
  };
  const [state, dispatch, ref] = useDialogReducer(reducer, { phase: 'idle' } as WriteState, writeIsOpen, { handle, escape });

  const render = (width: number): React.JSX.Element | null => {
    if (state.phase === 'idle') return null;
    const n = state.messages.length;
    if (state.phase === 'confirm') {
      return (
        <Box flexDirection="column">
          <Text inverse bold wrap="truncate">
            {fit(` Write ${formatCount(n)} previews (${formatCount(2 * n)} files, .eml and .pdf) to ${services.previewDir()}?`, width)}
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
  };

  return { request, render };
}
