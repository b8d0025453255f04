/**
 * Due now, the start screen: what is due today as the operator's inbox. Planned messages with
 * customer, kind/level, currency, item count, total, oldest days overdue and recipients; `x`
 * switches to the skipped customers with their reasons.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useEffect, useRef } from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { errorText, useDesk, useScreenKeys } from '../desk-context.js';
import { describeFilters } from '../filters.js';
import { clip, formatCount, formatMoney } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { selectedAmong, selectionText, windowTop } from '../hooks/list-state.js';
import { useFilterForm } from '../hooks/use-filter-form.js';
import { useLoad } from '../hooks/use-load.js';
import { useFollowUps } from '../hooks/use-follow-ups.js';
import { useProposalReview } from '../hooks/use-proposal-review.js';
import { usePreview } from '../hooks/use-preview.js';
import { useWriteRun } from '../hooks/use-write-run.js';
import { openSearch, usePrompt } from '../hooks/use-prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { useSend } from '../hooks/use-send.js';
import { footer } from '../chrome.js';
import { commandFor, type Command } from '../keys.js';
import { messageFacts } from '../message-facts.js';
import { dueReducer, initialDue, MESSAGE_SORTS, messageIndex, planningText, SKIP_SORTS, skippedCodes, visibleMessages, visibleSkips, type SkipRow } from './due-model.js';
import { sortText } from '../sorting.js';
import { warmInSteps } from '../fold-index.js';

/** Props every screen gets. */
export interface ScreenProps {
  height: number;
  width: number;
  active: boolean;
}

const messageColumns: Column<PlannedMessage>[] = [
  { title: 'Customer', width: 24, min: 10, cell: (m) => `${m.customer.code} ${m.customer.name}` },
  { title: 'Kind/level', width: 12, drop: 3, cell: (m) => messageFacts(m).kindLabel },
  { title: 'Cur', width: 3, fitContent: true, cell: (m) => m.currency },
  { title: 'Items', width: 5, drop: 2, align: 'right', cell: (m) => String(messageFacts(m).itemCount) },
  { title: 'Total', width: 13, fitContent: true, align: 'right', cell: (m) => formatMoney(m.total + m.fee + m.interest, m.currency) },
  { title: 'Days', width: 5, drop: 4, align: 'right', cell: (m) => String(messageFacts(m).oldestDaysOverdue ?? '') },
  { title: 'Recipients', width: 20, drop: 1, cell: (m) => (m.to.length > 0 ? m.to.join(', ') : m.letter ? '(letter)' : '(none)') },
];

const skipColumns: Column<SkipRow>[] = [
  { title: 'Customer', width: 30, min: 8, cell: (r) => (r.name ? `${r.customer} ${r.name}` : r.customer) },
  { title: 'Reason', width: 22, min: 10, cell: (r) => r.reason },
  { title: 'Detail', width: 20, drop: 1, cell: (r) => r.detail },
];

const DUE_FOOTER: Command[] = ['toggle', 'selectAll', 'selectNone', 'preview', 'write', 'send', 'skipped', 'followUpDone', 'reviewProposal', 'filters', 'search', 'sort'];
const SKIPPED_FOOTER: Command[] = ['open', 'skipped', 'search', 'sort'];

/** The Due now screen. */
export function DueScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const desk = useDesk();
  const { services, asOf, version, notify } = desk;
  const followUps = useFollowUps(services, asOf, version, notify, desk.dataChanged);
  const proposals = useProposalReview(services, desk.review, notify, desk.dataChanged);
  useEffect(() => proposals.reload(asOf), [services, asOf, version]);
  const [state, dispatch, ref] = useRefReducer(dueReducer, initialDue);
  const prompt = usePrompt();
  const preview = usePreview();
  const writes = useWriteRun();
  const send = useSend((sent) => dispatch({ type: 'list', action: { type: 'deselect', keys: sent.map((m) => m.key) } }));
  const filterForm = useFilterForm(
    (text, filters) => dispatch({ type: 'filters', text, filters }),
    () => [...services.policyOverview().levels.map((l) => l.id.toLowerCase()), 'statement', 'installment'],
  );
  const tableHeight = useRef(10);

  useLoad(
    () => services.loadPlan(asOf, (done, total) => dispatch({ type: 'planning', done, total })),
    (plan) => {
      dispatch({ type: 'loaded', plan });
      warmInSteps(messageIndex, plan.messages);
    },
    (error) => dispatch({ type: 'failed', error }),
    [services, asOf, version],
  );

  const handle = (input: string, key: Key): boolean => {
    const s = ref.current;
    const command = commandFor(input, key, ['due', 'list']);
    if (command === null) return false;
    if (s.section === 'skipped') {
      const rows = visibleSkips(s.plan, s.query, s.names, s.skippedSort);
      const current = rows[s.skipped.cursor] ?? null;
      const action = listActionFor(command, () => rows.map((r) => r.key), rows.length, tableHeight.current, current?.key ?? null);
      if (action && command !== 'toggle' && command !== 'selectAll') {
        dispatch({ type: 'list', action });
        return true;
      }
      if (command === 'open' && current) {
        desk.openCustomer(current.customer);
        return true;
      }
    } else {
      const rows = visibleMessages(s.plan, s.filters, s.query, s.plannedSort);
      const current = rows[s.planned.cursor] ?? null;
      const action = listActionFor(command, () => rows.map((m) => m.key), rows.length, tableHeight.current, current?.key ?? null);
      if (action) {
        dispatch({ type: 'list', action });
        return true;
      }
      const selected = (): PlannedMessage[] => rows.filter((m) => s.planned.selected.has(m.key));
      switch (command) {
        case 'preview':
        case 'open':
          if (current) preview.open(current);
          return true;
        case 'write': {
          const chosen = selected();
          const targets = chosen.length > 0 ? chosen : current ? [current] : [];
          writes.request(targets, tableHeight.current);
          return true;
        }
        case 'send':
          send.request(selected());
          return true;
        default:
          break;
      }
    }
    switch (command) {
      case 'skipped':
        dispatch({ type: 'section', section: s.section === 'planned' ? 'skipped' : 'planned' });
        if (s.section === 'planned' && s.plan && s.names === null) {
          const plan = s.plan;
          services.customerNames(skippedCodes(plan)).then(
            (names) => ref.current.plan === plan && dispatch({ type: 'names', names }),
            (error: unknown) => notify(`customer names: ${errorText(error)}`, 'error'),
          );
        }
        return true;
      case 'sort':
      case 'sortReverse':
        dispatch({ type: command });
        return true;
      case 'search':
        openSearch(prompt, s.query, (query) => dispatch({ type: 'query', query }));
        return true;
      case 'filters':
        if (s.section === 'planned') filterForm.open(s.filterText);
        return true;
      case 'followUpDone':
        followUps.completeFirst();
        return true;
      case 'reviewProposal':
        proposals.open();
        return true;
      default:
        // Keys of this screen that do nothing here (e.g. p on the skipped list) are still taken.
        return command !== 'open';
    }
  };
  useScreenKeys('due', handle, () => ['due', 'list']);

  const modal = proposals.render(height, width) ?? writes.render(width) ?? send.render(height, width) ?? preview.render(height, width) ?? filterForm.render(width);
  if (modal) return modal;

  const messages = visibleMessages(state.plan, state.filters, state.query, state.plannedSort);
  const skips = visibleSkips(state.plan, state.query, state.names, state.skippedSort);
  const promptLines = prompt.element ? 2 : 0;
  const tasks = followUps.lines();
  const bodyHeight = Math.max(1, height - 3 - promptLines - tasks.length);
  tableHeight.current = bodyHeight;
  const list = state.section === 'planned' ? state.planned : state.skipped;
  const count = state.section === 'planned' ? messages.length : skips.length;
  const top = windowTop(list.top, list.cursor, bodyHeight, count);
  const filterText = describeFilters(state.filterText);
  const plan = state.plan;
  const header = !plan
    ? state.error
      ? `Could not plan: ${state.error}`
      : planningText(state.planning)
    : state.section === 'planned'
      ? `Due now — ${formatCount(messages.length)} of ${formatCount(plan.messages.length)} planned · ${selectionText(selectedAmong(messages, plan.messages.length, state.planned.selected, (m) => m.key), state.planned.selected.size)} · ${formatCount(plan.skipped.length)} skipped (x)` +
        (filterText ? ` · filter: ${filterText}` : '') +
        (state.query ? ` · search: ${state.query}` : '') +
        sortText(MESSAGE_SORTS, state.plannedSort) +
        (proposals.pending() !== null ? ` · proposal #${proposals.pending()} awaits approval (A)` : '')
      : `Skipped — ${formatCount(skips.length)} customers and problems (x: back to planned · Enter opens the customer)` +
        (state.query ? ` · search: ${state.query}` : '') +
        sortText(SKIP_SORTS, state.skippedSort);
  return (
    <Box flexDirection="column" height={height}>
      {tasks.map((line) => (
        <Text key={line} color="magenta" wrap="truncate">
          {clip(line, width)}
        </Text>
      ))}
      <Text bold color={state.error ? 'red' : undefined} wrap="truncate">
        {clip(header, width)}
      </Text>
      {state.section === 'planned' ? (
        <VirtualTable
          rows={messages}
          columns={messageColumns}
          rowKey={(m) => m.key}
          top={top}
          cursor={state.planned.cursor}
          height={bodyHeight}
          width={width}
          selected={state.planned.selected}
          focused={active}
          empty={plan ? 'nothing is due' : ''}
        />
      ) : (
        <VirtualTable
          rows={skips}
          columns={skipColumns}
          rowKey={(r) => r.key}
          top={top}
          cursor={state.skipped.cursor}
          height={bodyHeight}
          width={width}
          focused={active}
          rowColor={(r) => (r.reason.startsWith('problem') ? 'red' : 'yellow')}
          empty="nobody skipped"
        />
      )}
      {/* Whatever the list holds, the prompt and the footer sit on the bottom rows. */}
      <Box flexGrow={1} />
      {prompt.element}
      <Text dimColor wrap="truncate">
        {footer(state.section === 'planned' ? DUE_FOOTER : SKIPPED_FOOTER, desk.review, width)}
      </Text>
    </Box>
  );
}
