/**
 * Keeps the history of a sending run: every state change goes to the fsynced journal first, and
 * the accumulated changes are folded into the database in batches (one ledger write each), so the
 * per-message cost is an appended line, not a whole-database save.
 */
import type { Ledger } from '../storage/ledger.js';
import { ledgerFile } from '../storage/ledger-location.js';
import type { RecipientResult } from '../mail/transports/types.js';
import { markSendingUncertain, hasSendingMessages } from '../storage/messages.js';
import { applyMessageStates, type GuardKey } from '../storage/delivery-history.js';
import { changeCountOf } from '../storage/customers.js';
import { HISTORY_TABLES, refreshStatistics } from '../storage/statistics.js';
import {
  foldJournal,
  readJournal,
  removeJournal,
  SendJournal,
  type HistoryRecord,
  type JournalState,
  type JournalStatus,
} from './journal.js';
import type { OpenWritable } from '../files/write-all.js';
import { journalPath } from '../settings/paths.js';

/** When to fold the journal into the database during a run. */
export interface FoldPolicy {
  /** Fold after this many changed messages (default 200). */
  every: number;
  /** ... or when this long has passed since the last fold (default 2000 ms). */
  intervalMs: number;
}

/**
 * What `begin` found: `begun` (recorded as being sent: send it), `taken` (another sender has
 * it), `changed` (its customer's change count moved since the plan was made). Only `begun` is sent.
 */
export type BeginResult = 'begun' | 'taken' | 'changed';

/** What a sending run records its messages through (the file's journal, or a shared ledger itself). */
export interface MessageRecorder {
  /**
   * Durably mark a message as being sent before it goes to the transport, after checking that
   * its customer's change count is still `planned` (null: no check). Anything but `begun` means
   * it must not be sent.
   */
  begin(record: HistoryRecord, at: string, guard: GuardKey, planned: number | null): Promise<BeginResult>;
  /** Durably record the outcome of a message begun with `begin`. */
  finish(messageId: string, status: JournalStatus, error: string | null, recipients: RecipientResult[], at: string): Promise<void>;
  /** Record what is left; null when everything is in the ledger, else why not. */
  close(): Promise<unknown>;
}

/** Records a run's messages: journal now, database in batches. */
export class DeliveryRecorder implements MessageRecorder {
  private readonly states = new Map<string, JournalState>();
  private readonly dirty = new Set<string>();
  private folding: Promise<void> | null = null;
  private lastFold = Date.now();
  /** Why the last fold failed (the changes stay queued), for close() to report. */
  private foldError: unknown = null;

  private constructor(
    private readonly ledger: Ledger,
    private readonly journal: SendJournal,
    private readonly policy: FoldPolicy,
    private readonly warn: (text: string) => void,
  ) {}

  /** Open the journal beside the ledger's file (memory only for a ledger without one); `openFile` is a test seam. */
  static async open(ledger: Ledger, policy: FoldPolicy, warn: (text: string) => void, openFile?: OpenWritable): Promise<DeliveryRecorder> {
    const file = ledgerFile(ledger);
    const journal = await SendJournal.open(file === null ? null : journalPath(file), openFile);
    return new DeliveryRecorder(ledger, journal, policy, warn);
  }

  /**
   * Durably mark a message as being sent; resolves once the mark is on disk. This run holds the
   * send lock, so no other sender takes it; but another process may have committed a change to
   * its customer (an import) since the plan: the read sees the file as last saved.
   */
  async begin(record: HistoryRecord, at: string, _guard: GuardKey, planned: number | null): Promise<BeginResult> {
    if (planned !== null && (await this.ledger.read((sql) => changeCountOf(sql, record.customerCode))) !== planned) return 'changed';
    await this.journal.append({ type: 'sending', messageId: record.messageId, at, record });
    this.states.set(record.messageId, { record, status: 'sending', error: null, recipients: [], createdAt: at, updatedAt: at });
    this.dirty.add(record.messageId);
    return 'begun';
  }

  /**
   * Durably record the outcome of a message begun with `begin`. When the journal refuses the
   * line, the outcome is still folded into the database if it can be written (else the durable
   * `sending` line makes it uncertain next run) and the refusal is rethrown.
   */
  async finish(messageId: string, status: JournalStatus, error: string | null, recipients: RecipientResult[], at: string): Promise<void> {
    const appended = this.journal.append({ type: 'outcome', messageId, at, status, error, recipients });
    await appended.catch(() => undefined);
    const state = this.states.get(messageId);
    if (state !== undefined) Object.assign(state, { status, error, recipients, updatedAt: at });
    this.dirty.add(messageId);
    this.maybeFold();
    await appended;
  }

  private maybeFold(): void {
    if (this.folding !== null) return;
    if (this.dirty.size < this.policy.every && Date.now() - this.lastFold < this.policy.intervalMs) return;
    this.folding = this.fold().finally(() => {
      this.folding = null;
    });
  }

  /**
   * Fold every changed state into the database in one write; on failure they stay queued. The
   * run's last fold also brings the planner's statistics up to date with the grown history.
   */
  private async fold(last = false): Promise<void> {
    this.lastFold = Date.now();
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    // Copies: a state may change again while the write is waiting for the lock.
    const batch = ids.flatMap((id) => {
      const state = this.states.get(id);
      return state ? [{ ...state }] : [];
    });
    try {
      await this.ledger.write(async (sql) => {
        await applyMessageStates(sql, batch);
        if (last) await refreshStatistics(sql, HISTORY_TABLES);
      });
    } catch (error) {
      for (const id of ids) this.dirty.add(id);
      this.foldError = error;
      this.warn(`history not saved yet (kept in the send journal): ${(error as Error).message}`);
    }
  }

  /**
   * Fold what is left, close the journal and delete it when everything is in the database.
   * Returns null then; otherwise why the journal is kept (the database or the journal's folder
   * could not be written). Nothing is lost: every line was fsynced when appended and the next
   * run replays the journal.
   */
  async close(): Promise<unknown> {
    await this.folding;
    await this.fold(true);
    try {
      await this.journal.close();
      if (this.dirty.size > 0) return this.foldError;
      if (this.journal.path !== null) await removeJournal(this.journal.path);
      return null;
    } catch (error) {
      return error;
    }
  }
}

/**
 * Start-of-run recovery (call with the send lock held): fold a journal left by a run that died —
 * messages with no outcome become `uncertain`, never re-sent — and turn stale `sending` rows into
 * `uncertain`. Returns how many messages were recovered as uncertain.
 */
export async function replayJournal(ledger: Ledger, now: string): Promise<number> {
  const file = ledgerFile(ledger);
  const path = file === null ? null : journalPath(file);
  const states = path === null ? new Map<string, JournalState>() : foldJournal(await readJournal(path));
  let uncertain = 0;
  for (const state of states.values()) {
    if (state.status !== 'sending') continue;
    state.status = 'uncertain';
    state.error = 'the sending run stopped before the outcome was known; the server may have it';
    state.updatedAt = now;
    uncertain += 1;
  }
  const stale = await ledger.read(hasSendingMessages);
  if (states.size > 0 || stale) {
    uncertain += await ledger.write(async (sql) => {
      await applyMessageStates(sql, states.values());
      return markSendingUncertain(sql, now);
    });
  }
  if (path !== null) await removeJournal(path);
  return uncertain;
}
