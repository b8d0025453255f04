/**
 * A customer's collection records for the timeline: promises with their state on the
 * as-of date, disputes opened and resolved, and notes, newest first, each as one dated line.
 */
import type { IsoDate } from '../core/domain.js';
import { formatAmount } from '../core/money-text.js';
import { promiseState } from '../core/rules/promises.js';
import { notesOf } from '../storage/customer-notes.js';
import { disputesOf } from '../storage/item-disputes.js';
import type { Ledger } from '../storage/ledger.js';
import { promiseSnapshots } from '../storage/promises.js';

/** One record: when (wall-clock ISO time), what kind, and the line to show. */
export interface CollectionRecord {
  at: string;
  kind: 'promise' | 'dispute' | 'note';
  text: string;
}

/** The customer's records, newest first; promises are judged on `asOf` with `graceDays`. */
export async function collectionRecords(ledger: Ledger, code: string, asOf: IsoDate, graceDays: number): Promise<CollectionRecord[]> {
  const { promises, disputes, notes } = await ledger.read(async (sql) => ({
    promises: (await promiseSnapshots(sql, [code], asOf)).get(code) ?? [],
    disputes: await disputesOf(sql, code),
    notes: await notesOf(sql, code),
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
  return records.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
