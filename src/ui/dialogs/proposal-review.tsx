/**
 * The proposal review on Due now (schedule.approval, docs/reference/tui.md §2.3): the lines of the
 * proposal awaiting approval with their totals; space takes the line under the cursor out (or back
 * in), Y approves what is left, Esc closes. The next --send-due sends the approved lines. The
 * review is a window on the desk's dialog stack, drawn by the App; Due now keeps only which
 * proposal is pending.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef, useState } from 'react';
import type { IsoDate, Proposal } from '../../core/domain.js';
import { proposalText } from '../../core/proposal-text.js';
import { errorText, useDesk, type Desk } from '../desk-context.js';
import { createDialogStore, useDialogStore, type DialogStore } from '../dialog-store.js';
import type { Dialog, WindowSize } from '../dialog-stack.js';
import { clip, fit, formatAmount, localTime } from '../format.js';
import { footer } from '../chrome.js';
import type { DeskServices } from '../services.js';

/** The review's controls. */
export interface ProposalReview {
  /** The pending proposal's id, or null (the header invites A when there is one). */
  pending(): number | null;
  /** Open the review (A); says so when no proposal waits. */
  open(): void;
  /** Look for a pending proposal of `asOf` again (after data changed). */
  reload(asOf: IsoDate): void;
}

interface ReviewState {
  proposal: Proposal;
  cursor: number;
  removed: ReadonlySet<string>;
}

type ReviewAction = { type: 'move'; delta: number } | { type: 'toggle' } | { type: 'reset'; proposal: Proposal };

function reducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'move':
      return { ...state, cursor: Math.max(0, Math.min(state.proposal.lines.length - 1, state.cursor + action.delta)) };
    case 'toggle': {
      const line = state.proposal.lines[state.cursor];
      if (line === undefined) return state;
      const removed = new Set(state.removed);
      if (removed.has(line.key)) removed.delete(line.key);
      else removed.add(line.key);
      return { ...state, removed };
    }
    case 'reset':
      return { proposal: action.proposal, cursor: 0, removed: new Set() };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** An open review: its dialog on the stack and its state. */
interface OpenReview {
  dialog: Dialog;
  store: DialogStore<ReviewState, ReviewAction>;
}

/** Open the review of `proposal` on the desk's dialog stack; `approved` runs once it is approved. */
function openReview(desk: Desk, services: DeskServices, review: boolean, proposal: Proposal, approved: () => void): OpenReview {
  const store = createDialogStore(reducer, { proposal, cursor: 0, removed: new Set<string>() });
  const approve = (): void => {
    const { proposal: shown, removed } = store.get();
    services.approveProposal(shown.id, [...removed]).then(
      () => {
        desk.notify(`proposal #${shown.id} approved (${shown.lines.length - removed.size} messages); the next --send-due sends it`, 'ok');
        desk.dialogs.hide(dialog);
        approved();
      },
      (error: unknown) => desk.notify(`proposal #${shown.id}: ${errorText(error)}`, 'error'),
    );
  };
  const handle = (input: string, key: Key): void => {
    const command = desk.keys.commandFor(input, key, ['due', 'list', 'global']);
    if (command === 'up') store.dispatch({ type: 'move', delta: -1 });
    else if (command === 'down') store.dispatch({ type: 'move', delta: 1 });
    else if (command === 'toggle') store.dispatch({ type: 'toggle' });
    else if (command === 'approve') {
      // A dialog's keys bypass the router's review-mode and role checks, so they are made here too.
      const binding = desk.keys.footerBinding('approve');
      const byRole = binding === undefined ? null : desk.roleRefusal(binding);
      if (review) desk.notify('review mode: Y (approve) is refused', 'warn');
      else if (byRole !== null) desk.notify(byRole, 'warn');
      else approve();
    }
  };
  const dialog: Dialog = {
    handle,
    escape: () => desk.dialogs.hide(dialog),
    window: (size) => <ProposalWindow store={store} keys={desk.keys} review={review} refused={desk.roleRefusal} {...size} />,
  };
  desk.dialogs.show(dialog);
  return { dialog, store };
}

/** The review of today's pending proposal, approving through `services`. */
export function useProposalReview(services: DeskServices, review: boolean, notify: (text: string, tone: 'ok' | 'warn' | 'error') => void, changed: () => void): ProposalReview {
  const desk = useDesk();
  // Kept in state too, so Due now's header is drawn again when it changes.
  const [, setProposal] = useState<Proposal | null>(null);
  const pending = useRef<Proposal | null>(null);
  const opened = useRef<OpenReview | null>(null);
  const setPending = (next: Proposal | null): void => {
    pending.current = next;
    setProposal(next);
  };
  return {
    pending: () => pending.current?.id ?? null,
    reload: (asOf) => {
      services.pendingProposal(asOf).then(
        (next) => {
          setPending(next);
          // An open review shows the proposal found now, from its first line, or closes when there is none.
          if (opened.current !== null && desk.dialogs.isOpen(opened.current.dialog)) {
            if (next === null) desk.dialogs.hide(opened.current.dialog);
            else opened.current.store.dispatch({ type: 'reset', proposal: next });
          }
        },
        (error: unknown) => notify(`proposal: ${errorText(error)}`, 'error'),
      );
    },
    open: () => {
      const current = pending.current;
      if (current === null) notify('no proposal awaits approval today', 'warn');
      else
        opened.current = openReview(desk, services, review, current, () => {
          setPending(null);
          changed();
        });
    },
  };
}

/** Props of ProposalWindow. */
interface ProposalWindowProps extends WindowSize {
  store: DialogStore<ReviewState, ReviewAction>;
  keys: Desk['keys'];
  review: boolean;
  refused: Desk['roleRefusal'];
}

/** The proposal's lines (the removed ones dimmed), its total and its keys. */
function ProposalWindow({ store, keys, review, refused, height, width }: ProposalWindowProps): React.JSX.Element {
  const { proposal, cursor, removed } = useDialogStore(store);
  const shown = { ...proposal, lines: proposal.lines.map((line) => ({ ...line, removed: removed.has(line.key) })) };
  // On screen: amounts as everywhere on the desk, instants in local time.
  const [title = '', ...rest] = proposalText(shown, { amount: formatAmount, time: localTime }).trimEnd().split('\n');
  const body = rest.slice(0, -1);
  const total = rest.at(-1) ?? '';
  const room = Math.max(1, height - 4);
  const top = Math.max(0, Math.min(cursor - room + 1, body.length - room));
  return (
    <Box flexDirection="column" height={height}>
      <Text inverse bold wrap="truncate">
        {fit(` ${title}`, width)}
      </Text>
      {body.slice(top, top + room).map((line, i) => (
        <Text key={`${top + i}`} inverse={top + i === cursor} dimColor={shown.lines[top + i]?.removed} wrap="truncate">
          {clip(line, width)}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text bold wrap="truncate">
        {clip(total, width)}
      </Text>
      <Text dimColor wrap="truncate">
        {clip(`space takes the line out / back in · ${footer(keys, ['approve'], review, width, refused)} · Esc close`, width)}
      </Text>
    </Box>
  );
}
