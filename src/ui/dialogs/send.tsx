/**
 * Sending from the desk: a confirmation stating messages, customers, totals and transport, then a
 * progress bar with every message in flight and the live status of each; Esc (or Ctrl-C / q,
 * which then quit) stops after the messages in flight; a finished list that scrolls.
 * It is a window on the desk's dialog stack, drawn by the App.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { errorText, useDesk, type Desk } from '../desk-context.js';
import { createDialogStore, useDialogStore, type DialogStore } from '../dialog-store.js';
import type { Dialog, WindowSize } from '../dialog-stack.js';
import { bar, clip, fit, formatCount } from '../format.js';
import { onAnswer } from '../confirm-keys.js';
import { plainError } from '../plain-errors.js';
import { confirmationLines } from '../send-summary.js';
import type { SendOutcome } from '../services.js';
import { attemptedCount, inFlight, sendReducer, type SendAction, type SendState } from './send-state.js';

/** Counts of outcomes by status. */
function countOutcomes(outcomes: Iterable<SendOutcome>): Record<SendOutcome['status'], number> {
  const counts = { sent: 0, failed: 0, uncertain: 0, skipped: 0, stopped: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}

const STATUS_COLOR: Record<SendOutcome['status'], string> = { sent: 'green', failed: 'red', uncertain: 'yellow', skipped: 'gray', stopped: 'gray' };

/** The send flow's controls, for the screen that starts it. */
export interface SendFlow {
  /** Ask to send `messages` (refused when empty; review mode is refused by the key router). */
  request(messages: PlannedMessage[]): void;
}

/** What the screen that asked is told: the messages sent as soon as the run ends, and when the summary is closed. */
export interface SendListeners {
  onSent?(sent: PlannedMessage[]): void;
  onFinished?(): void;
}

/**
 * Ask to send `messages`: a window on the desk's dialog stack from the question to the closed
 * summary; `onSent` gets the messages sent as soon as the run ends (so they leave the
 * selection), `onFinished` runs when the summary is closed.
 */
export function requestSend(desk: Desk, messages: PlannedMessage[], { onSent, onFinished }: SendListeners = {}): void {
  const { services, notify, dataChanged, runningSend, keys } = desk;
  if (messages.length === 0) {
    notify('nothing selected: select messages with space or a, then press s', 'warn');
    return;
  }
  const store = createDialogStore(sendReducer, { phase: 'idle' } as SendState);
  let abort: AbortController | null = null;
  const shown: Shown = { listHeight: 10 };
  const close = (): void => {
    store.dispatch({ type: 'close' });
    desk.dialogs.hide(dialog);
  };

  const cancel = (text: string): void => {
    close();
    notify(text, 'info');
  };

  const stop = (): void => {
    store.dispatch({ type: 'stop' });
    abort?.abort();
  };

  const start = (chosen: PlannedMessage[]): void => {
    store.dispatch({ type: 'start', width: services.sendWidth() });
    const controller = new AbortController();
    abort = controller;
    const ended = services.send(chosen, (outcome) => store.dispatch({ type: 'progress', outcome }), controller.signal).then(
      (result) => {
        store.dispatch({ type: 'done', result, error: null });
        const sent = new Set(result.outcomes.filter((o) => o.status === 'sent').map((o) => o.key));
        onSent?.(chosen.filter((m) => sent.has(m.key)));
      },
      (error: unknown) => store.dispatch({ type: 'done', result: null, error: errorText(error) }),
    );
    // The App waits for this run before quitting, so what was sent is folded into the history.
    const run = { stop, ended };
    runningSend.current = run;
    void ended.finally(() => {
      if (runningSend.current === run) runningSend.current = null;
      dataChanged();
    });
  };

  const handle = (input: string, key: Key): void => {
    const current = store.get();
    switch (current.phase) {
      case 'idle':
      case 'sending':
        return;
      case 'confirm':
        onAnswer(input, key, () => start(current.messages), () => cancel('sending cancelled'));
        return;
      case 'done': {
        const command = keys.commandFor(input, key, ['list']);
        const page = Math.max(1, shown.listHeight - 1);
        const delta = { up: -1, down: 1, pageUp: -page, pageDown: page } as Record<string, number>;
        if (command !== null && delta[command] !== undefined) store.dispatch({ type: 'scroll', delta: delta[command]!, rows: shown.listHeight });
        else if (key.return) finish(current);
        return;
      }
      default: {
        const never: never = current;
        return never;
      }
    }
  };
  /** Esc: no to the question, stop after the messages in flight, or close the finished list. */
  const escape = (): void => {
    const current = store.get();
    if (current.phase === 'confirm') cancel('sending cancelled');
    else if (current.phase === 'sending' && current.stoppedWith === null) stop();
    else if (current.phase === 'done') finish(current);
  };
  const finish = (current: Extract<SendState, { phase: 'done' }>): void => {
    close();
    const c = countOutcomes(current.outcomes.values());
    notify(`sent ${c.sent}, failed ${c.failed}, uncertain ${c.uncertain}`, c.failed + c.uncertain > 0 ? 'warn' : 'ok');
    onFinished?.();
  };
  const dialog: Dialog = { handle, escape, window: (size) => <SendWindow store={store} shown={shown} {...size} /> };
  desk.dialogs.show(dialog);
  // The clerk at the desk is the one who approves: schedule.approval holds back scheduled runs only
  // (docs/reference/tui.md §4), and the question says so rather than leaving it to be guessed.
  const note = services.policyOverview().approval ? 'schedule.approval applies to scheduled --send-due runs; what you send here goes now' : undefined;
  store.dispatch({ type: 'confirm', messages, transport: services.transportLabel(), ...(note === undefined ? {} : { note }) });
}

/** The rows the finished list last showed: paging moves by it. */
interface Shown {
  listHeight: number;
}

/** Props of SendWindow. */
interface SendWindowProps extends WindowSize {
  store: DialogStore<SendState, SendAction>;
  /** Told how many rows the list shows. */
  shown: Shown;
}

/** The send window: the question, then the run with every message's status, then the finished list. */
function SendWindow({ store, shown, height, width }: SendWindowProps): React.JSX.Element | null {
  const state = useDialogStore(store);
  if (state.phase === 'idle') return null;
  if (state.phase === 'confirm') {
    const [question = '', ...facts] = [...confirmationLines(state.messages, state.transport), ...(state.note === undefined ? [] : [state.note])];
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
  const attempted = attemptedCount(outcomes);
  const flying = state.phase === 'sending' ? inFlight(state) : [];
  const barWidth = Math.max(10, Math.min(50, width - 30));
  const title =
    state.phase === 'sending'
      ? state.stoppedWith !== null
        ? ` Stopping after the messages in flight (${flying.length})…`
        : ` Sending — Esc stops after the messages in flight (${flying.length})`
      : ` Finished${state.stopped ? ' (stopped)' : ''} — Enter or Esc closes${total > shown.listHeight ? ' · ↑/↓ PgUp/PgDn scroll' : ''}`;
  const c = countOutcomes(outcomes.values());
  const summary =
    state.phase === 'done'
      ? `sent ${c.sent} · failed ${c.failed} · uncertain ${c.uncertain} · not sent ${total - c.sent - c.failed - c.uncertain}` +
        (state.error ? ` · error: ${state.error}` : '')
      : `${formatCount(attempted)} of ${formatCount(total)} attempted`;
  const rowsHeight = Math.max(1, height - 4);
  shown.listHeight = rowsHeight;
  const firstFlying = flying[0] === undefined ? -1 : messages.findIndex((m) => m.key === flying[0]);
  const first =
    state.phase === 'done'
      ? Math.min(state.scroll, Math.max(0, total - rowsHeight))
      : Math.max(0, Math.min(firstFlying - Math.floor(rowsHeight / 3), total - rowsHeight));
  return (
    <Box flexDirection="column">
      <Text inverse bold wrap="truncate">
        {fit(title, width)}
      </Text>
      <Text wrap="truncate">{clip(`[${bar(attempted, total, barWidth).padEnd(barWidth, '░')}] ${formatCount(attempted)}/${formatCount(total)}`, width)}</Text>
      <Text color={state.phase === 'done' && c.failed + c.uncertain > 0 ? 'yellow' : undefined} wrap="truncate">
        {clip(summary, width)}
      </Text>
      {messages.slice(first, first + rowsHeight).map((m) => {
        const outcome = outcomes.get(m.key);
        const label = outcome ? outcome.status : flying.includes(m.key) ? 'sending…' : 'waiting';
        const error = outcome?.error ? `  ${plainError(outcome.error) ?? outcome.error}` : '';
        return (
          <Text key={m.key} color={outcome ? STATUS_COLOR[outcome.status] : undefined} wrap="truncate">
            {clip(`${fit(label, 10)} ${m.key}${error}`, width)}
          </Text>
        );
      })}
    </Box>
  );
}

/** The send flow of the current desk (see requestSend). */
export function useSend(onSent?: (sent: PlannedMessage[]) => void, onFinished?: () => void): SendFlow {
  const desk = useDesk();
  return { request: (messages) => requestSend(desk, messages, { onSent, onFinished }) };
}
