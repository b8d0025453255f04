/**
 * Sending from the desk: a confirmation naming the count and the transport, then a progress bar
 * with the live status of each message; Esc stops after the message in flight; a summary at the end.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef } from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { errorText, useDesk } from '../desk-context.js';
import { bar, clip, fit } from '../format.js';
import { plainError } from '../plain-errors.js';
import { confirmationLines } from '../send-summary.js';
import type { SendOutcome, SendResult } from '../services.js';
import { useRefReducer } from './use-ref-reducer.js';

type SendState =
  | { phase: 'idle' }
  | { phase: 'confirm'; messages: PlannedMessage[]; transport: string }
  | { phase: 'sending'; messages: PlannedMessage[]; outcomes: SendOutcome[]; stopping: boolean }
  | { phase: 'done'; messages: PlannedMessage[]; outcomes: SendOutcome[]; stopped: boolean; error: string | null };

type SendAction =
  | { type: 'confirm'; messages: PlannedMessage[]; transport: string }
  | { type: 'start' }
  | { type: 'progress'; outcome: SendOutcome }
  | { type: 'stop' }
  | { type: 'done'; result: SendResult | null; error: string | null }
  | { type: 'close' };

function reducer(state: SendState, action: SendAction): SendState {
  switch (action.type) {
    case 'confirm':
      return { phase: 'confirm', messages: action.messages, transport: action.transport };
    case 'start':
      return state.phase === 'confirm' ? { phase: 'sending', messages: state.messages, outcomes: [], stopping: false } : state;
    case 'progress':
      return state.phase === 'sending' ? { ...state, outcomes: [...state.outcomes, action.outcome] } : state;
    case 'stop':
      return state.phase === 'sending' ? { ...state, stopping: true } : state;
    case 'done':
      if (state.phase !== 'sending') return state;
      return {
        phase: 'done',
        messages: state.messages,
        outcomes: action.result?.outcomes ?? state.outcomes,
        stopped: action.result?.stopped ?? state.stopping,
        error: action.error,
      };
    case 'close':
      return { phase: 'idle' };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Counts of outcomes by status. */
export function countOutcomes(outcomes: readonly SendOutcome[]): Record<SendOutcome['status'], number> {
  const counts = { sent: 0, failed: 0, uncertain: 0, skipped: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}

const STATUS_COLOR: Record<SendOutcome['status'], string> = { sent: 'green', failed: 'red', uncertain: 'yellow', skipped: 'gray' };

/** The send flow's controls. */
export interface SendFlow {
  isOpen(): boolean;
  /** Ask to send `messages` (refused when empty; review mode is refused by the key router). */
  request(messages: PlannedMessage[]): void;
  handle(input: string, key: Key): boolean;
  render(height: number, width: number): React.JSX.Element | null;
}

/**
 * A send flow owned by one screen; `onSent` gets the keys of the messages sent as soon as the run
 * ends (so they leave the selection), `onFinished` runs when the summary is closed.
 */
export function useSend(onSent?: (sent: PlannedMessage[]) => void, onFinished?: () => void): SendFlow {
  const { services, notify, dataChanged } = useDesk();
  const [state, dispatch, ref] = useRefReducer<SendState, SendAction>(reducer, { phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const request = (messages: PlannedMessage[]): void => {
    if (messages.length === 0) {
      notify('nothing selected: select messages with space or a, then press s', 'warn');
      return;
    }
    dispatch({ type: 'confirm', messages, transport: services.transportLabel() });
  };

  const start = (messages: PlannedMessage[]): void => {
    dispatch({ type: 'start' });
    const controller = new AbortController();
    abort.current = controller;
    services.send(messages, (outcome) => dispatch({ type: 'progress', outcome }), controller.signal).then(
      (result) => {
        dispatch({ type: 'done', result, error: null });
        const sent = new Set(result.outcomes.filter((o) => o.status === 'sent').map((o) => o.key));
        onSent?.(messages.filter((m) => sent.has(m.key)));
        dataChanged();
      },
      (error: unknown) => {
        dispatch({ type: 'done', result: null, error: errorText(error) });
        dataChanged();
      },
    );
  };

  const handle = (input: string, key: Key): boolean => {
    const current = ref.current;
    switch (current.phase) {
      case 'idle':
        return false;
      case 'confirm':
        if (key.return || input === 'y' || input === 'Y') start(current.messages);
        else if (key.escape || input === 'n' || input === 'N') {
          dispatch({ type: 'close' });
          notify('sending cancelled', 'info');
        }
        return true;
      case 'sending':
        if (key.escape && !current.stopping) {
          dispatch({ type: 'stop' });
          abort.current?.abort();
        }
        return true;
      case 'done':
        if (key.escape || key.return) {
          dispatch({ type: 'close' });
          const c = countOutcomes(current.outcomes);
          notify(`sent ${c.sent}, failed ${c.failed}, uncertain ${c.uncertain}`, c.failed + c.uncertain > 0 ? 'warn' : 'ok');
          onFinished?.();
        }
        return true;
      default: {
        const never: never = current;
        return never;
      }
    }
  };

  const render = (height: number, width: number): React.JSX.Element | null => {
    if (state.phase === 'idle') return null;
    if (state.phase === 'confirm') {
      const [question = '', ...facts] = confirmationLines(state.messages, state.transport);
      return (
        <Box flexDirection="column">
          <Text inverse bold wrap="truncate">
            {fit(` ${question}`, width)}
          </Text>
          {facts.map((line) => (
            <Text key={line} wrap="truncate">
              {clip(line, width)}
            </Text>
          ))}
          <Text wrap="truncate">{fit('Enter or y = send now · Esc or n = cancel', width)}</Text>
        </Box>
      );
    }
    const { messages, outcomes } = state;
    const total = messages.length;
    const done = outcomes.length;
    const barWidth = Math.max(10, Math.min(50, width - 30));
    const filled = bar(done, total, barWidth);
    const title =
      state.phase === 'sending'
        ? state.stopping
          ? ' Stopping after the message in flight…'
          : ' Sending — Esc stops after the message in flight'
        : ` Finished${state.stopped ? ' (stopped)' : ''} — Enter or Esc closes`;
    const c = countOutcomes(outcomes);
    const summary =
      state.phase === 'done'
        ? `sent ${c.sent} · failed ${c.failed} · uncertain ${c.uncertain} · not sent ${total - c.sent - c.failed - c.uncertain}` +
          (state.error ? ` · error: ${state.error}` : '')
        : `${done} of ${total}`;
    const listHeight = Math.max(1, height - 4);
    const rows = messages.map((m, i) => ({ key: m.key, outcome: outcomes[i] ?? null, inFlight: state.phase === 'sending' && i === done }));
    const first = Math.max(0, Math.min(done - Math.floor(listHeight / 2), rows.length - listHeight));
    return (
      <Box flexDirection="column">
        <Text inverse bold wrap="truncate">
          {fit(title, width)}
        </Text>
        <Text wrap="truncate">
          {clip(`[${filled.padEnd(barWidth, '░')}] ${done}/${total}`, width)}
        </Text>
        <Text color={state.phase === 'done' && c.failed + c.uncertain > 0 ? 'yellow' : undefined} wrap="truncate">
          {clip(summary, width)}
        </Text>
        {rows.slice(first, first + listHeight).map((row) => (
          <Text key={row.key} color={row.outcome ? STATUS_COLOR[row.outcome.status] : undefined} wrap="truncate">
            {clip(
              `${fit(row.outcome ? row.outcome.status : row.inFlight ? 'sending…' : 'waiting', 10)} ${row.key}` +
                (row.outcome?.error ? `  ${plainError(row.outcome.error) ?? row.outcome.error}` : ''),
              width,
            )}
          </Text>
        ))}
      </Box>
    );
  };

  return { isOpen: () => ref.current.phase !== 'idle', request, handle, render };
}
