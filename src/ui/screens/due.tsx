/**
 * Due now, the start screen: what is due today as the operator's inbox. Planned messages with
 * customer, kind/level, currency, item count, total, oldest days overdue and recipients; `x`
 * switches to the skipped customers with their reasons.
 */
import { Box, Text } from 'ink';
import React, { useEffect, useRef, useState } from 'react';
import type { PlannedMessage } from '../../core/plan.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import { errorText, useDesk, useScreenKeys, type Desk, type ScreenProps } from '../desk-context.js';
import { describeFilters } from '../filters.js';
import { clip, formatCount, formatMoney } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { selectedAmong, selectionText, windowTop } from '../hooks/list-state.js';
import { useFilterForm, type FilterForm } from '../dialogs/filter-form.js';
import { useLoad } from '../hooks/use-load.js';
import { useFollowUps, type FollowUps } from '../hooks/use-follow-ups.js';
import { useProposalReview, type ProposalReview } from '../dialogs/proposal-review.js';
import { usePreview, type Preview } from '../dialogs/preview.js';
import { useWriteRun, type WriteRun } from '../dialogs/write-run.js';
import { openSearch, PromptLine, usePrompt, type Prompt } from '../dialogs/prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import { useSend, type SendFlow } from '../dialogs/send.js';
import { footer } from '../chrome.js';
import type { Command } from '../keys.js';
import { messageFacts } from '../message-facts.js';
import { dueReducer, initialDue, MESSAGE_SORTS, messageIndex, planningText, SKIP_SORTS, skippedCodes, visibleMessages, visibleSkips, type DueAction, type DueState, type SkipRow } from './due-model.js';
import { sortText } from '../sorting.js';
import { warmInSteps } from '../fold-index.js';

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

/** What a Due now command sees: the screen's state at the key press, the rows under the cursor and what the screen can do. */
interface DueKeyView {
  state: DueState;
  /** The state now, after the key (for answers that come later). */
  live(): DueState;
  /** The planned messages shown, and the one under the cursor (on the planned list). */
  messages: readonly PlannedMessage[];
  message: PlannedMessage | null;
  /** The skipped row under the cursor (on the skipped list). */
  skip: SkipRow | null;
  desk: Desk;
  dispatch(action: DueAction): void;
  prompt: Prompt;
  preview: Preview;
  writes: WriteRun;
  send: SendFlow;
  filterForm: FilterForm;
  followUps: FollowUps;
  proposals: ProposalReview;
  tableHeight: number;
}

/** Preview the message under the cursor. */
const previewMessage = ({ message, preview }: DueKeyView): void => {
  if (message) preview.open(message);
};

/** The commands of the planned messages list. */
export const PLANNED_COMMANDS: CommandHandlers<DueKeyView> = {
  preview: previewMessage,
  open: previewMessage,
  write: ({ messages, message, state, writes, tableHeight }) => {
    const chosen = messages.filter((m) => state.planned.selected.has(m.key));
    writes.request(chosen.length > 0 ? chosen : message ? [message] : [], tableHeight);
  },
  send: ({ messages, state, send }) => send.request(messages.filter((m) => state.planned.selected.has(m.key))),
};

/** The commands of the skipped customers list. */
export const SKIPPED_COMMANDS: CommandHandlers<DueKeyView> = {
  open: ({ skip, desk }) => {
    if (!skip) return false;
    desk.openCustomer(skip.customer);
  },
};

/** The commands of both lists. */
export const DUE_COMMANDS: CommandHandlers<DueKeyView> = {
  skipped: ({ state, live, desk, dispatch }) => {
    dispatch({ type: 'section', section: state.section === 'planned' ? 'skipped' : 'planned' });
    if (state.section === 'planned' && state.plan && state.names === null) {
      const plan = state.plan;
      desk.services.customerNames(skippedCodes(plan)).then(
        (names) => live().plan === plan && dispatch({ type: 'names', names }),
        (error: unknown) => desk.notify(`customer names: ${errorText(error)}`, 'error'),
      );
    }
  },
  sort: ({ dispatch }) => dispatch({ type: 'sort' }),
  sortReverse: ({ dispatch }) => dispatch({ type: 'sortReverse' }),
  search: ({ prompt, state, dispatch }) => openSearch(prompt, state.query, (query) => dispatch({ type: 'query', query })),
  filters: ({ state, filterForm }) => {
    if (state.section === 'planned') filterForm.open(state.filterText);
  },
  followUpDone: ({ followUps }) => followUps.completeFirst(),
  reviewProposal: ({ proposals }) => proposals.open(),
};

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
    () => [...services.policyOverview().levelIds.map((id) => id.toLowerCase()), 'statement', 'installment'],
  );
  const tableHeight = useRef(10);
  // The bounces and replies waiting for a clerk (docs/reference/tui.md §2.9); none: no line.
  const [inboxOpen, setInboxOpen] = useState(0);
  useLoad(() => services.openInbox().then((mails) => mails.length), setInboxOpen, () => setInboxOpen(0), [services, version]);

  useLoad(
    () => services.loadPlan(asOf, (done, total) => dispatch({ type: 'planning', done, total })),
    (plan) => {
      dispatch({ type: 'loaded', plan });
      warmInSteps(messageIndex, plan.messages);
    },
    (error) => dispatch({ type: 'failed', error }),
    [services, asOf, version],
  );

  const handle = (command: Command | null): boolean => {
    const s = ref.current;
    if (command === null) return false;
    const view: DueKeyView = { state: s, live: () => ref.current, messages: [], message: null, skip: null, desk, dispatch, prompt, preview, writes, send, filterForm, followUps, proposals, tableHeight: tableHeight.current };
    if (s.section === 'skipped') {
      const rows = visibleSkips(s.plan, s.query, s.names, s.skippedSort);
      const current = rows[s.skipped.cursor] ?? null;
      const action = listActionFor(command, () => rows.map((r) => r.key), rows.length, tableHeight.current, current?.key ?? null);
      if (action && command !== 'toggle' && command !== 'selectAll') {
        dispatch({ type: 'list', action });
        return true;
      }
      view.skip = current;
    } else {
      const rows = visibleMessages(s.plan, s.filters, s.query, s.plannedSort);
      const current = rows[s.planned.cursor] ?? null;
      const action = listActionFor(command, () => rows.map((m) => m.key), rows.length, tableHeight.current, current?.key ?? null);
      if (action) {
        dispatch({ type: 'list', action });
        return true;
      }
      view.messages = rows;
      view.message = current;
    }
    const section = s.section === 'planned' ? PLANNED_COMMANDS : SKIPPED_COMMANDS;
    // Keys of this screen that do nothing here (e.g. p on the skipped list) are still taken.
    return runCommand(section, command, view) ?? runCommand(DUE_COMMANDS, command, view) ?? command !== 'open';
  };
  useScreenKeys(handle, () => ['due', 'list']);


  const messages = visibleMessages(state.plan, state.filters, state.query, state.plannedSort);
  const skips = visibleSkips(state.plan, state.query, state.names, state.skippedSort);
  const promptLines = prompt.shown ? 2 : 0;
  const tasks = [...followUps.lines(), ...(inboxOpen > 0 ? [`Inbox: ${formatCount(inboxOpen)} open — bounces and replies to handle (Inbox screen)`] : [])];
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
          empty={!plan ? '' : plan.messages.length > 0 ? 'no match' : 'nothing is due'}
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
          empty={skips.length === 0 && (plan?.skipped.length ?? 0) > 0 ? 'no match' : 'nobody skipped'}
        />
      )}
      {/* Whatever the list holds, the prompt and the footer sit on the bottom rows. */}
      <Box flexGrow={1} />
      <PromptLine prompt={prompt} />
      <Text dimColor wrap="truncate">
        {footer(desk.keys, state.section === 'planned' ? DUE_FOOTER : SKIPPED_FOOTER, desk.review, width)}
      </Text>
    </Box>
  );
}
