/** How History shows a message: its row in the list and the lines of its detail. */
import type { MessageRecord } from '../../core/domain.js';
import type { Column } from '../components/virtual-table.js';
import { formatAmount } from '../format.js';
import { memoLast } from '../hooks/list-keys.js';
import { plainError } from '../plain-errors.js';

/** Colours of the message statuses, in History and the customer's timeline; History no longer colours a message settled by a retry. */
export const STATUS_COLORS: Record<MessageRecord['status'], string | undefined> = { sent: undefined, sending: 'yellow', uncertain: 'yellow', failed: 'red', stopped: 'gray' };

/** The status as the list shows it: problems marked `!!`, a problem settled by a retry names it, one acknowledged is ticked. */
function statusCell(r: MessageRecord, retry: MessageRecord | undefined): string {
  // A stopped message needs nobody: it stays due and goes with a later run.
  if (r.status === 'sent' || r.status === 'stopped') return r.status;
  if (retry) return `${r.status} → #${retry.id} sent`;
  return r.acknowledged ? `✓ ${r.status}` : `!! ${r.status}`;
}

/** The columns of the list, given which messages a later retry sent and the customers' names. */
export const historyColumns = memoLast((retries: ReadonlyMap<number, MessageRecord>, names: ReadonlyMap<string, string> = new Map()): Column<MessageRecord>[] => [
  { title: 'Date', width: 10, drop: 2, cell: (r) => r.asOf },
  { title: 'Customer', width: 10, fitContent: true, cell: (r) => r.customerCode },
  { title: 'Name', width: 16, min: 6, drop: 4, cell: (r) => names.get(r.customerCode) ?? '' },
  { title: 'Kind/level', width: 11, min: 6, drop: 3, cell: (r) => r.level ?? r.kind },
  { title: 'Total', width: 16, fitContent: true, align: 'right', cell: (r) => formatAmount(r.total + r.fee + r.interest, r.currency) },
  { title: 'Status', width: 16, fitContent: true, cell: (r) => statusCell(r, retries.get(r.id)) },
  { title: 'To', width: 10, drop: 1, cell: (r) => r.to.join(', ') },
]);

/** The lines of a message's detail; `retry` is the later message that sent it, if any. */
export function detailLines(r: MessageRecord, retry: MessageRecord | undefined, time: (iso: string) => string = (iso) => iso): string[] {
  return [...detailFacts(r, retry, time), keysOnly(r, retry) ? detailNext(r, retry) : ''].filter((line) => line !== '');
}

/** True when what comes next is only the desk's keys (a failed or uncertain message no retry settled). */
function keysOnly(r: MessageRecord, retry: MessageRecord | undefined): boolean {
  return retry === undefined && (r.status === 'failed' || r.status === 'uncertain');
}

/** What to do next about a message (the desk's keys), or what a retry settled. */
function detailNext(r: MessageRecord, retry: MessageRecord | undefined): string {
  return retry
    ? `Retried: sent again as message ${retry.id} on ${retry.asOf} (${retry.messageId}); no attention needed`
    : r.status === 'failed'
      ? `r: retry this message · A: retry all failed${r.acknowledged ? '' : ' · c: acknowledge'}`
      : r.status === 'uncertain'
        ? `d: it was delivered · u: it was not delivered (then it can be sent again)${r.acknowledged ? '' : ' · c: acknowledge'}`
        : r.status === 'stopped'
          ? 'Not sent: the run stopped before the server took it; it stays due and goes with a later run'
          : '';
}

/** The facts of a message's detail, without the desk's keys (`duedesk history show` prints them too); `time` writes an instant. */
export function detailFacts(r: MessageRecord, retry: MessageRecord | undefined, time: (iso: string) => string = (iso) => iso): string[] {
  const acknowledged = r.acknowledged ? `Acknowledged by ${r.acknowledged.operator || 'someone'} at ${time(r.acknowledged.at)}; no attention needed` : '';
  return [
    `Message ${r.id} · ${r.customerCode} · ${r.level ?? r.kind} · ${r.currency} · as of ${r.asOf}`,
    `Status: ${r.status}${r.error ? ` — ${plainError(r.error) ?? r.error}` : ''}`,
    r.error && plainError(r.error) ? `As reported: ${r.error}` : '',
    `To: ${r.to.join(', ') || '(nobody)'}`,
    `Cc: ${r.cc.join(', ') || '—'}   Bcc: ${r.bcc.join(', ') || '—'}`,
    `Subject: ${r.subject}`,
    `Message-ID: ${r.messageId}`,
    r.copyOf !== undefined ? `A copy of message ${r.copyOf}, sent again with its body unchanged` : '',
    `Total ${formatAmount(r.total, r.currency)} · fee ${formatAmount(r.fee, r.currency)} · interest ${formatAmount(r.interest, r.currency)} · outstanding ${formatAmount(r.outstanding, r.currency)}`,
    `Items: ${r.items.map((i) => `${i.itemNumber}${i.level ? `@${i.level}` : ''}`).join(', ') || '—'}${r.cases.length > 0 ? ` · cases ${r.cases.join(', ')}` : ''}`,
    `Created ${time(r.createdAt)} · updated ${time(r.updatedAt)}${r.operator ? ` · by ${r.operator}` : ''}`,
    acknowledged,
    keysOnly(r, retry) ? '' : detailNext(r, retry),
  ].filter((line) => line !== '');
}
