/**
 * History: every message with its status; uncertain and failed stand out. Enter shows the detail
 * (recipients, error, Message-ID); r retries a failed message; d / u record what the operator found
 * out about an uncertain one.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef } from 'react';
import type { MessageRecord } from '../../core/domain.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { errorText, useDesk, useScreenKeys } from '../desk-context.js';
import { clip, fit, formatAmount } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { windowTop } from '../hooks/list-state.js';
import { useLoad } from '../hooks/use-load.js';
import { openSearch, usePrompt } from '../hooks/use-prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { footer } from '../chrome.js';
import { commandFor } from '../keys.js';
import { plainError } from '../plain-errors.js';
import type { ScreenProps } from './due.js';
import { HISTORY_SORTS, historyReducer, initialHistory, recordIndex, visibleRecords } from './history-model.js';
import { sortText } from '../sorting.js';
import { warmInSteps } from '../fold-index.js';

const STATUS_COLORS: Record<MessageRecord['status'], string | undefined> = { sent: undefined, sending: 'yellow', uncertain: 'yellow', failed: 'red' };

const columns: Column<MessageRecord>[] = [
  { title: 'Date', width: 10, drop: 2, cell: (r) => r.asOf },
  { title: 'Customer', width: 10, fitContent: true, cell: (r) => r.customerCode },
  { title: 'Kind/level', width: 11, min: 6, drop: 3, cell: (r) => r.level ?? r.kind },
  { title: 'Total', width: 16, fitContent: true, align: 'right', cell: (r) => formatAmount(r.total + r.fee + r.interest, r.currency) },
  { title: 'Status', width: 12, min: 8, cell: (r) => (r.status === 'sent' ? 'sent' : `!! ${r.status}`) },
  { title: 'To', width: 10, drop: 1, cell: (r) => r.to.join(', ') },
];

/** The lines of a message's detail. */
function detailLines(r: MessageRecord): string[] {
  return [
    `Message ${r.id} · ${r.customerCode} · ${r.level ?? r.kind} · ${r.currency} · as of ${r.asOf}`,
    `Status: ${r.status}${r.error ? ` — ${plainError(r.error) ?? r.error}` : ''}`,
    r.error && plainError(r.error) ? `As reported: ${r.error}` : '',
    `To: ${r.to.join(', ') || '(nobody)'}`,
    `Cc: ${r.cc.join(', ') || '—'}   Bcc: ${r.bcc.join(', ') || '—'}`,
    `Subject: ${r.subject}`,
    `Message-ID: ${r.messageId}`,
    `Total ${formatAmount(r.total, r.currency)} · fee ${formatAmount(r.fee, r.currency)} · interest ${formatAmount(r.interest, r.currency)} · outstanding ${formatAmount(r.outstanding, r.currency)}`,
    `Items: ${r.items.map((i) => `${i.itemNumber}${i.level ? `@${i.level}` : ''}`).join(', ') || '—'}${r.cases.length > 0 ? ` · cases ${r.cases.join(', ')}` : ''}`,
    `Created ${r.createdAt} · updated ${r.updatedAt}${r.operator ? ` · by ${r.operator}` : ''}`,
    r.status === 'failed' ? 'r: retry this message' : r.status === 'uncertain' ? 'd: it was delivered · u: it was not delivered (then it can be sent again)' : '',
  ].filter((line) => line !== '');
}

/** The History screen. */
export function HistoryScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const { services, review, asOf, version, notify, dataChanged } = useDesk();
  const [state, dispatch, ref] = useRefReducer(historyReducer, initialHistory);
  const prompt = usePrompt();
  const tableHeight = useRef(10);

  useLoad(
    () => services.listHistory(),
    (records) => {
      dispatch({ type: 'loaded', records });
      // Build the search index in small steps between keys, as Customers and Due now do.
      warmInSteps(recordIndex, records);
    },
    (error) => dispatch({ type: 'failed', error }),
    [services, version],
  );

  const handle = (input: string, key: Key): boolean => {
    if (prompt.isOpen()) return prompt.handle(input, key);
    const s = ref.current;
    const rows = visibleRecords(s.records, s.query, s.problemsOnly, s.sort);
    const current = s.open !== null ? (s.records?.find((r) => r.id === s.open) ?? null) : (rows[s.list.cursor] ?? null);
    const command = commandFor(input, key, ['history', 'list']);
    if (s.open === null) {
      const action = listActionFor(command, () => rows.map((r) => String(r.id)), rows.length, tableHeight.current, current ? String(current.id) : null);
      if (action) {
        dispatch({ type: 'list', action });
        return true;
      }
    } else if (command === null && key.escape) {
      dispatch({ type: 'open', id: null });
      return true;
    }
    switch (command) {
      case 'open':
        if (current) dispatch({ type: 'open', id: current.id });
        return true;
      case 'problemsOnly':
        dispatch({ type: 'problemsOnly' });
        return true;
      case 'sort':
      case 'sortReverse':
        dispatch({ type: 'sort', reverse: command === 'sortReverse' });
        return true;
      case 'search':
        openSearch(prompt, s.query, (query) => dispatch({ type: 'query', query }));
        return true;
      case 'retry':
        if (!current) return true;
        if (current.status !== 'failed') notify(`message ${current.id} is ${current.status}: only failed messages can be retried`, 'warn');
        else {
          notify(`retrying message ${current.id}…`, 'info');
          services.retryMessage(current.id, asOf).then(
            (outcome) => {
              notify(`retry of ${outcome.key}: ${outcome.status}${outcome.error ? ` — ${outcome.error}` : ''}`, outcome.status === 'sent' ? 'ok' : 'warn');
              dataChanged();
            },
            (error: unknown) => notify(`retry failed: ${errorText(error)}`, 'error'),
          );
        }
        return true;
      case 'markDelivered':
      case 'markNotDelivered': {
        if (!current) return true;
        const delivered = command === 'markDelivered';
        if (current.status !== 'uncertain') notify(`message ${current.id} is ${current.status}: only uncertain messages can be marked`, 'warn');
        else {
          services.markUncertain(current.id, delivered).then(
            () => {
              notify(`message ${current.id} marked as ${delivered ? 'delivered (sent)' : 'not delivered (failed)'}`, 'ok');
              dataChanged();
            },
            (error: unknown) => notify(`could not mark message ${current.id}: ${errorText(error)}`, 'error'),
          );
        }
        return true;
      }
      default:
        return s.open !== null && command !== null && command !== 'back' ? true : false;
    }
  };
  useScreenKeys('history', handle, () => (prompt.isOpen() ? null : ['history', 'list']));

  const records = state.records;
  const rows = visibleRecords(records, state.query, state.problemsOnly, state.sort);
  const opened = state.open !== null ? records?.find((r) => r.id === state.open) : undefined;
  if (opened) {
    return (
      <Box flexDirection="column">
        <Text inverse bold wrap="truncate">
          {fit(' Message — Esc back', width)}
        </Text>
        {detailLines(opened)
          .slice(0, Math.max(1, height - 1))
          .map((line, i) => (
            <Text key={i} color={i === 1 ? STATUS_COLORS[opened.status] : undefined} wrap="truncate">
              {clip(line, width)}
            </Text>
          ))}
      </Box>
    );
  }
  const promptLines = prompt.element ? 2 : 0;
  const bodyHeight = Math.max(1, height - 3 - promptLines);
  tableHeight.current = bodyHeight;
  const top = windowTop(state.list.top, state.list.cursor, bodyHeight, rows.length);
  const attention = records?.filter((r) => r.status === 'uncertain' || r.status === 'failed').length ?? 0;
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
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(r) => String(r.id)}
        top={top}
        cursor={state.list.cursor}
        height={bodyHeight}
        width={width}
        selected={state.list.selected}
        focused={active}
        rowColor={(r) => STATUS_COLORS[r.status]}
        empty={records ? 'nothing sent yet' : ''}
      />
      {/* Whatever the list holds, the prompt and the footer sit on the bottom rows. */}
      <Box flexGrow={1} />
      {prompt.element}
      <Text dimColor wrap="truncate">
        {footer(['open', 'retry', 'retryAll', 'acknowledge', 'markDelivered', 'markNotDelivered', 'problemsOnly', 'search', 'sort'], review, width)}
      </Text>
    </Box>
  );
}
