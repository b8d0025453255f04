/**
 * History: every message with its status; uncertain and failed stand out. Enter shows the detail
 * (recipients, error, Message-ID) with a menu: write the copy, show the text as sent, send a copy
 * (docs/reference/tui.md §2.6); r retries a failed message; d / u record what the operator found
 * out about an uncertain one; c acknowledges a failed or uncertain one (it then needs no attention).
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef } from 'react';
import { VirtualTable } from '../components/virtual-table.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import { errorText, useDesk, useScreenKeys, type Desk, type ScreenProps, type Tone } from '../desk-context.js';
import { clip, fit, formatCount, localTime } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { windowTop } from '../hooks/list-state.js';
import { useLoad } from '../hooks/use-load.js';
import { openSearch, PromptLine, usePrompt } from '../dialogs/prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { useDialog } from '../hooks/use-dialog.js';
import { footer } from '../chrome.js';
import { confirmAnswer } from '../confirm-keys.js';
import type { Command } from '../keys.js';
import type { MessageRecord } from '../../core/domain.js';
import { failedAwaitingRetry, HISTORY_SORTS, historyReducer, initialHistory, needsAttention, recordIndex, retriesOf, visibleRecords, type HistoryAction } from './history-model.js';
import { detailLines, historyColumns, STATUS_COLORS } from './history-rows.js';
import { basename, join } from 'node:path';
import { sortText } from '../sorting.js';
import { MESSAGE_MENU, scrollText } from './history-menu.js';
import { sendMessageCopy, showMessageText, type HistoryKeyView } from './history-message.js';
import { warmInSteps } from '../fold-index.js';

/** The History screen's commands. */
export const HISTORY_COMMANDS: CommandHandlers<HistoryKeyView> = {
  open: ({ current, dispatch }) => {
    if (current) dispatch({ type: 'open', id: current.id });
  },
  problemsOnly: ({ dispatch }) => dispatch({ type: 'problemsOnly' }),
  sort: ({ dispatch }) => dispatch({ type: 'sort', reverse: false }),
  sortReverse: ({ dispatch }) => dispatch({ type: 'sort', reverse: true }),
  search: ({ prompt, state, dispatch }) => openSearch(prompt, state.query, (query) => dispatch({ type: 'query', query })),
  retry: ({ current, state, desk, retry }) => {
    if (!current) return;
    const retried = retriesOf(state.records).get(current.id);
    if (retried) desk.notify(`message ${current.id} was sent again as message ${retried.id}`, 'info');
    else if (current.status !== 'failed') desk.notify(`message ${current.id} is ${current.status}: only failed messages can be retried`, 'warn');
    else retry([current.id]);
  },
  retryAll: ({ state, desk, dispatch }) => {
    const failed = failedAwaitingRetry(state.records);
    if (failed.length === 0) desk.notify('no failed message waits for a retry', 'info');
    else dispatch({ type: 'confirmRetry', ids: failed.map((r) => r.id) });
  },
  // Writing the copy changes nothing, so a review desk may do it (docs/reference/cli.md §11.3).
  writeCopy: ({ current, desk }) => {
    if (!current) return;
    const { services, notify } = desk;
    const out = join(services.previewDir(), 'copies');
    services.writeMessageCopy(current.id, out).then(
      (written) => notify(`message ${current.id}: wrote ${[written.eml, ...written.attachments].map((file) => basename(file)).join(', ')} to ${out}`, 'ok'),
      (error: unknown) => notify(`could not write the copy of message ${current.id}: ${errorText(error)}`, 'error'),
    );
  },
  showText: showMessageText,
  sendCopy: sendMessageCopy,
  markDelivered: (view) => markUncertain(view, true),
  markNotDelivered: (view) => markUncertain(view, false),
  acknowledge: ({ current, state, desk, changed }) => {
    if (!current) return;
    const { services, notify } = desk;
    if (current.status !== 'failed' && current.status !== 'uncertain') notify(`message ${current.id} is ${current.status}: only failed or uncertain messages are acknowledged`, 'warn');
    else if (current.acknowledged) notify(`message ${current.id} was acknowledged by ${current.acknowledged.operator} at ${localTime(current.acknowledged.at)}`, 'info');
    else if (retriesOf(state.records).has(current.id)) notify(`message ${current.id} was sent again by a retry: nothing to acknowledge`, 'info');
    else {
      services.acknowledge(current.id).then(
        () => changed(`message ${current.id} acknowledged: it needs no more attention`, 'ok'),
        (error: unknown) => notify(`could not acknowledge message ${current.id}: ${errorText(error)}`, 'error'),
      );
    }
  },
};

/** Record what the operator found out about the uncertain message under the cursor. */
function markUncertain({ current, desk, changed }: HistoryKeyView, delivered: boolean): void {
  if (!current) return;
  const { services, notify } = desk;
  if (current.status !== 'uncertain') {
    notify(`message ${current.id} is ${current.status}: only uncertain messages can be marked`, 'warn');
    return;
  }
  services.markUncertain(current.id, delivered).then(
    () => changed(`message ${current.id} marked as ${delivered ? 'delivered (sent)' : 'not delivered (failed)'}`, 'ok'),
    (error: unknown) => notify(`could not mark message ${current.id}: ${errorText(error)}`, 'error'),
  );
}

/** The History screen. */
export function HistoryScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const desk = useDesk();
  const { services, review, asOf, version, notify, dataChanged } = desk;
  const [state, dispatchState, ref] = useRefReducer(historyReducer, initialHistory);
  // "Retry all failed?" is a dialog of the desk's stack while it waits for an answer.
  const confirmation = useDialog({
    handle: (input, key) => {
      const ids = ref.current.confirmRetry;
      const answer = confirmAnswer(input, key);
      if (answer === null || ids === null) return;
      if (answer === 'yes') retry(ids);
      dispatch({ type: 'confirmRetry', ids: null });
    },
    escape: () => dispatch({ type: 'confirmRetry', ids: null }),
  });
  const dispatch = (action: HistoryAction): void => {
    dispatchState(action);
    confirmation.sync(ref.current.confirmRetry !== null);
  };
  const prompt = usePrompt();
  const tableHeight = useRef(10);

  useLoad(
    () => services.listHistory(),
    (records) => {
      dispatch({ type: 'loaded', records });
      services.customerNames([...new Set(records.map((r) => r.customerCode))]).then(
        (names) => dispatch({ type: 'names', names }),
        (error: unknown) => notify(`customer names: ${errorText(error)}`, 'error'),
      );
      // Build the search index in small steps between keys, as Customers and Due now do.
      warmInSteps(recordIndex, records);
    },
    (error) => dispatch({ type: 'failed', error }),
    [services, version],
  );

  /** Load the history as it now stands, then say `text`: no frame shows the status beside rows as they were. */
  const changed = (text: string, tone: Tone): void => {
    void services
      .listHistory()
      // A failed load is reported by the reload of the version change that follows.
      .then((records) => dispatch({ type: 'loaded', records }), () => undefined)
      .then(() => {
        notify(text, tone);
        dataChanged();
      });
  };

  /** Send these failed messages again in one run and say how it went. */
  const retry = (ids: number[]): void => {
    notify(`retrying ${ids.length === 1 ? `message ${ids[0]}` : `${formatCount(ids.length)} messages`}…`, 'info');
    services.retryMessages(ids, asOf).then(
      (outcomes) => {
        const sent = outcomes.filter((o) => o.status === 'sent').length;
        const text =
          ids.length === 1 && outcomes[0]
            ? `retry of ${outcomes[0].key}: ${outcomes[0].status}${outcomes[0].error ? ` — ${outcomes[0].error}` : ''}`
            : `retried ${formatCount(outcomes.length)} of ${formatCount(ids.length)}: ${formatCount(sent)} sent` +
              (outcomes.length < ids.length ? ` · ${formatCount(ids.length - outcomes.length)} no longer due (paid, on hold or already sent)` : '');
        changed(text, sent === ids.length ? 'ok' : 'warn');
      },
      (error: unknown) => notify(`retry failed: ${errorText(error)}`, 'error'),
    );
  };

  const handle = (command: Command | null, _input: string, key: Key): boolean => {
    const s = ref.current;
    const rows = visibleRecords(s.records, s.query, s.problemsOnly, s.sort);
    const current = s.open !== null ? (s.records?.find((r) => r.id === s.open) ?? null) : (rows[s.list.cursor] ?? null);
    if (s.text !== null) {
      // The text window: it scrolls, Esc goes back to the message.
      const page = Math.max(1, height - 1);
      const steps: Partial<Record<Command, number>> = { up: -1, down: 1, pageUp: -page, pageDown: page, home: -Infinity, end: Infinity };
      const step = command !== null ? steps[command] : undefined;
      if (step !== undefined) dispatch({ type: 'text', text: scrollText(s.text, Number.isFinite(step) ? step : Math.sign(step) * s.text.lines.length, page) });
      else if (command === null && key.escape) dispatch({ type: 'text', text: null });
      else return command !== null && command !== 'back';
      return true;
    }
    if (s.open === null) {
      const action = listActionFor(command, () => rows.map((r) => String(r.id)), rows.length, tableHeight.current, current ? String(current.id) : null);
      if (action) {
        dispatch({ type: 'list', action });
        return true;
      }
    } else if (command === null && key.escape) {
      dispatch({ type: 'open', id: null });
      return true;
    } else if (command === 'up' || command === 'down') {
      dispatch({ type: 'menu', step: command === 'up' ? -1 : 1 });
      return true;
    } else if (command === 'open') {
      // Enter on the open message does what its menu's choice says.
      return runCommand(HISTORY_COMMANDS, MESSAGE_MENU[s.menu]!.command, { state: s, current, desk, prompt, dispatch, retry, changed }) ?? true;
    }
    // The message's detail takes every other command of the screen's scopes.
    return runCommand(HISTORY_COMMANDS, command, { state: s, current, desk, prompt, dispatch, retry, changed }) ?? (s.open !== null && command !== null && command !== 'back');
  };
  useScreenKeys(handle, () => ['history', 'list']);

  const records = state.records;
  const rows = visibleRecords(records, state.query, state.problemsOnly, state.sort);
  const opened = state.open !== null ? records?.find((r) => r.id === state.open) : undefined;
  const retries = retriesOf(records);
  if (opened && state.text !== null) {
    const page = Math.max(1, height - 1);
    const shown = state.text.lines.slice(state.text.top, state.text.top + page);
    const last = Math.min(state.text.lines.length, state.text.top + page);
    return (
      <Box flexDirection="column">
        <Text inverse bold wrap="truncate">
          {fit(` Message ${state.text.id} — the text as sent · lines ${state.text.top + 1}–${last} of ${state.text.lines.length} · ↑/↓ PgUp/PgDn scroll · Esc back`, width)}
        </Text>
        {shown.map((line, i) => (
          <Text key={i} wrap="truncate">
            {clip(line, width) || ' '}
          </Text>
        ))}
      </Box>
    );
  }
  if (opened) {
    const menuLines = MESSAGE_MENU.length + 1;
    const promptLines = prompt.shown ? 2 : 0;
    return (
      <Box flexDirection="column" height={height}>
        <Text inverse bold wrap="truncate">
          {fit(' Message — Esc back', width)}
        </Text>
        {detailLines(opened, retries.get(opened.id), localTime)
          .slice(0, Math.max(1, height - 1 - menuLines - promptLines))
          .map((line, i) => (
            <Text key={i} color={i === 1 && !retries.has(opened.id) && !opened.acknowledged ? STATUS_COLORS[opened.status] : undefined} wrap="truncate">
              {clip(line, width)}
            </Text>
          ))}
        <Box flexGrow={1} />
        <Text bold wrap="truncate">
          {clip('↑/↓ choose · Enter do it:', width)}
        </Text>
        {MESSAGE_MENU.map((entry, i) => (
          <Text key={entry.command} inverse={i === state.menu} dimColor={review && entry.command === 'sendCopy'} wrap="truncate">
            {clip(`${i === state.menu ? '▸' : ' '} ${entry.label}`, width)}
          </Text>
        ))}
        <PromptLine prompt={prompt} />
      </Box>
    );
  }
  const promptLines = prompt.shown ? 2 : 0;
  const bodyHeight = Math.max(1, height - 3 - promptLines - (state.confirmRetry !== null ? 1 : 0));
  tableHeight.current = bodyHeight;
  const top = windowTop(state.list.top, state.list.cursor, bodyHeight, rows.length);
  const attention = records?.filter((r) => needsAttention(r, retries)).length ?? 0;
  const header = !records
    ? (state.error ? `Could not load the history: ${state.error}` : 'Loading history…')
    : `History — ${rows.length} of ${records.length} messages · ${attention} need attention (uncertain or failed)` +
      (state.problemsOnly ? ' · showing only those (x)' : '') +
      (state.query ? ` · search: ${state.query}` : '') +
      sortText(HISTORY_SORTS, state.sort);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={attention > 0 ? 'yellow' : undefined} wrap="truncate">
        {clip(header, width)}
      </Text>
      {state.confirmRetry !== null ? (
        <Text inverse bold wrap="truncate">
          {fit(` Retry ${formatCount(state.confirmRetry.length)} failed message${state.confirmRetry.length === 1 ? '' : 's'} via ${services.transportLabel()}? Enter or y = retry now · Esc or n = cancel`, width)}
        </Text>
      ) : null}
      <VirtualTable
        rows={rows}
        columns={historyColumns(retries, state.names)}
        rowKey={(r) => String(r.id)}
        top={top}
        cursor={state.list.cursor}
        height={bodyHeight}
        width={width}
        selected={state.list.selected}
        focused={active}
        rowColor={(r) => (retries.has(r.id) || r.acknowledged ? undefined : STATUS_COLORS[r.status])}
        empty={!records ? '' : records.length > 0 ? 'no match' : 'nothing sent yet'}
      />
      {/* Whatever the list holds, the prompt and the footer sit on the bottom rows. */}
      <Box flexGrow={1} />
      <PromptLine prompt={prompt} />
      <Text dimColor wrap="truncate">
        {footer(desk.keys, ['open', 'retry', 'retryAll', 'markDelivered', 'markNotDelivered', 'acknowledge', 'problemsOnly', 'search', 'sort'], review, width)}
      </Text>
    </Box>
  );
}
