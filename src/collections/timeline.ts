/**
 * A customer's collection records for the timeline: promises with their state on the
 * as-of date, disputes opened and resolved, notes, the mail that came back from the customer
 * (bounces, replies, automatic answers), and the audit trail's other changes about the customer
 * (holds, switches, profile, …: docs/reference/roles.md §4), newest first, each as one dated line.
 */
import type { IsoDate } from '../core/domain.js';
import { formatAmount } from '../core/money-text.js';
import { promiseState } from '../core/rules/promises.js';
import { listAudit } from '../storage/audit-log.js';
import { notesOf } from '../storage/customer-notes.js';
import { inboxMailOf } from '../storage/inbox.js';
import { disputesOf } from '../storage/item-disputes.js';
import type { Ledger } from '../storage/ledger.js';
import { promiseSnapshots } from '../storage/promises.js';

/** Audit entries the timeline already shows as the records themselves. */
const SHOWN_AS_RECORDS = new Set(['record promise', 'mark disputed', 'resolve dispute', 'add note']);

/** One record: when (wall-clock ISO time), what kind, and the line to show. */
export interface CollectionRecord {
  at: string;
  kind: 'promise' | 'dispute' | 'note' | 'change' | 'mail';
  text: string;
}

/** The customer's records, newest first; promises are judged on `asOf` with `graceDays`. */
export async function collectionRecords(ledger: Ledger, code: string, asOf: IsoDate, graceDays: number): Promise<CollectionRecord[]> {
  const { promises, disputes, notes, changes, mail } = await ledger.read(async (sql) => ({
    promises: (await promiseSnapshots(sql, [code], asOf)).get(code) ?? [],
    disputes: await disputesOf(sql, code),
    notes: await notesOf(sql, code),
    changes: await listAudit(sql, { customer: code }),
    mail: await inboxMailOf(sql, code),
  }));
  const records: CollectionRecord[] = [];
  for (const snapshot of promises) {
    const { promise } = snapshot;
    // Grouped, with the currency's decimals, as every amount a person reads (docs/reference/tui.md §2.4).
    const amount = formatAmount(promise.amount, promise.currency);
    const state = promiseState(snapshot, asOf, graceDays).state;
    records.push({ at: promise.createdAt, kind: 'promise', text: `promise ${amount} by ${promise.promisedDate} (${promise.items.join(', ')}): ${state} · ${promise.operator}` });
  }
  for (const dispute of disputes) {
    records.push({ at: dispute.openedAt, kind: 'dispute', text: `dispute ${dispute.itemNumber}: ${dispute.reason} · ${dispute.openedBy}` });
    if (dispute.resolvedAt !== null) {
      const how = dispute.resolution ? `: ${dispute.resolution}` : '';
      records.push({ at: dispute.resolvedAt, kind: 'dispute', text: `resolved ${dispute.itemNumber}${how} · ${dispute.resolvedBy ?? ''}` });
    }
  }
  for (const note of notes) {
    const follow = note.followUp === null ? '' : ` (follow up ${note.followUp}${note.doneAt === null ? '' : ', done'})`;
    records.push({ at: note.createdAt, kind: 'note', text: `note #${note.id}: ${note.body.replace(/\s+/g, ' ')}${follow} · ${note.operator}` });
  }
  for (const change of changes) {
    if (SHOWN_AS_RECORDS.has(change.action)) continue;
    const about = change.subject === null ? '' : ` ${change.subject}`;
    const what = change.oldValue === null && change.newValue === null ? '' : `: ${change.oldValue ?? '—'} → ${change.newValue ?? '—'}`;
    records.push({ at: change.at, kind: 'change', text: `${change.action}${about}${what} · ${change.operator}` });
  }
  // What came back from the customer (docs/reference/inbox.md §3): bounces, replies and automatic answers.
  for (const filed of mail) {
    const about = filed.messageId === null ? '' : ` to message ${filed.messageId}`;
    const handled = filed.kind === 'auto-reply' ? '' : filed.handledAt === null ? ' (open)' : ` (handled: ${filed.handledAs ?? 'handled'} · ${filed.handledBy ?? ''})`;
    const what = filed.kind === 'bounce' ? `${filed.permanent ? 'bounced' : 'delayed'} ${filed.address} ${filed.status}: ${filed.detail}` : `${filed.kind} from ${filed.from}: ${filed.detail}`;
    const attachments = (JSON.parse(filed.attachments) as string[]).length;
    records.push({ at: filed.receivedAt, kind: 'mail', text: `${what.replace(/\s+/g, ' ')}${about}${attachments > 0 ? ` [${attachments} attachment${attachments === 1 ? '' : 's'}]` : ''}${handled}` });
  }
  return records.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
