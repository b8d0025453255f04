/**
 * The proposal review on Due now (issue 16, schedule.approval): the lines of the proposal awaiting
 * approval with their totals; space takes the line under the cursor out (or back in), Y approves
 * what is left, Esc closes. The next --send-due sends the approved lines.
 */
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef, useState } from 'react';
import type { IsoDate, Proposal } from '../../core/domain.js';
import { proposalText } from '../../core/proposal-text.js';
import { errorText, useDesk } from '../desk-context.js';
import { clip, fit } from '../format.js';
import { footer } from '../chrome.js';
import { useDialog } from './use-dialog.js';
import type { DeskServices } from '../services.js';

/** The review's controls. */
export interface ProposalReview {
  /** The pending proposal's id, or null (the header invites A when there is one). */
  pending(): number | null;
  /** Open the review (A); says so when no proposal waits. */
  open(): void;
  render(height: number, width: number): React.JSX.Element | null;
  /** Look for a pending proposal of `asOf` again (after data changed). */
  reload(asOf: IsoDate): void;
}

interface ReviewState {
  proposal: Proposal | null;
  open: boolean;
  cursor: number;
  removed: ReadonlySet<string>;
}

/** The review of today's pending proposal, approving through `services`. */
export function useProposalReview(services: DeskServices, review: boolean, notify: (text: string, tone: 'ok' | 'warn' | 'error') => void, changed: () => void): ProposalReview {
  const { keys } = useDesk();
  const [state, setState] = useState<ReviewState>({ proposal: null, open: false, cursor: 0, removed: new Set() });
  const ref = useRef(state);
  ref.current = state;
  // On the desk's dialog stack while open: every key comes here, Esc closes.
  const place = useDialog({ handle: (input, key) => void handle(input, key), escape: () => update({ open: false }) });
  const update = (next: Partial<ReviewState>): void => {
    ref.current = { ...ref.current, ...next };
    setState(ref.current);
    place.sync(ref.current.open);
  };
  const approve = (): void => {
    const { proposal, removed } = ref.current;
    if (proposal === null) return;
    services.approveProposal(proposal.id, [...removed]).then(
      () => {
        notify(`proposal #${proposal.id} approved (${proposal.lines.length - removed.size} messages); the next --send-due sends it`, 'ok');
        update({ open: false, proposal: null, removed: new Set() });
        changed();
      },
      (error: unknown) => notify(`proposal #${proposal.id}: ${errorText(error)}`, 'error'),
    );
  };
  const handle = (input: string, key: Key): boolean => {
    const s = ref.current;
    const command = keys.commandFor(input, key, ['due', 'list', 'global']);
    const lines = s.proposal?.lines ?? [];
    switch (command) {
      case 'up':
        update({ cursor: Math.max(0, s.cursor - 1) });
        return true;
      case 'down':
        update({ cursor: Math.min(lines.length - 1, s.cursor + 1) });
        return true;
      case 'toggle': {
        const line = lines[s.cursor];
        if (line === undefined) return true;
        const removed = new Set(s.removed);
        if (removed.has(line.key)) removed.delete(line.key);
        else removed.add(line.key);
        update({ removed });
        return true;
      }
      case 'approve':
        // A dialog's keys bypass the router's review-mode check, so it is made here too.
        if (review) notify('review mode: Y (approve) is refused', 'warn');
        else approve();
        return true;
      default:
        return false;
    }
  };
  return {
    pending: () => ref.current.proposal?.id ?? null,
    reload: (asOf) => {
      services.pendingProposal(asOf).then(
        (proposal) => update({ proposal, open: ref.current.open && proposal !== null, cursor: 0, removed: new Set() }),
        (error: unknown) => notify(`proposal: ${errorText(error)}`, 'error'),
      );
    },
    open: () => {
      if (ref.current.proposal === null) notify('no proposal awaits approval today', 'warn');
      else update({ open: true });
    },
    render: (height, width) => {
      const { proposal, open, cursor, removed } = state;
      if (!open || proposal === null) return null;
      const shown = { ...proposal, lines: proposal.lines.map((line) => ({ ...line, removed: removed.has(line.key) })) };
      const [title = '', ...rest] = proposalText(shown).trimEnd().split('\n');
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
            {clip(`${footer(keys, ['toggle', 'approve'], review, width)} · Esc close`, width)}
          </Text>
        </Box>
      );
    },
  };
}
