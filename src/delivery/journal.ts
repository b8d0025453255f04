/**
 * The send journal: an append-only, fsynced JSON-lines file beside the database (`<db>.journal`).
 * A `sending` line is durable before the SMTP conversation starts and an outcome line right after
 * it, so each message costs one small appended write and fsync instead of a whole-database save.
 * Concurrent appends share one fsync (group commit). The journal is folded into the database in
 * batches and replayed at the start of the next run if a run died.
 */
import { readFile, unlink } from 'node:fs/promises';
import { rethrowAsFileError } from '../core/file-errors.js';
import { openWritable, writeAll, type OpenWritable, type WritableFile } from '../files/write-all.js';
import type { MessageRecord } from '../core/domain.js';
import type { RecipientResult } from '../mail/transports/types.js';

/**
 * Everything needed to insert the history row of one message (docs/reference/rules.md §1.5): the
 * record minus what the database or the outcome decides, plus the plan key.
 */
export type HistoryRecord = Omit<MessageRecord, 'id' | 'status' | 'error' | 'createdAt' | 'updatedAt'> & { key: string };

/** A final status in the journal (`stopped`: left due without a verdict, see MessageStatus). */
export type JournalStatus = 'sent' | 'failed' | 'uncertain' | 'stopped';

/** One journal line. */
export type JournalEntry =
  | { type: 'sending'; messageId: string; at: string; record: HistoryRecord }
  | {
      type: 'outcome';
      messageId: string;
      at: string;
      status: JournalStatus;
      error: string | null;
      recipients: RecipientResult[];
    };

/** The latest known state of one message, folded from its journal lines. */
export interface JournalState {
  record: HistoryRecord;
  status: JournalStatus | 'sending';
  error: string | null;
  recipients: RecipientResult[];
  createdAt: string;
  updatedAt: string;
}

/**
 * An open journal. `path` null keeps entries in memory only (in-memory databases in tests).
 * Once an append fails (disk full, read-only, a write cut short) the journal refuses every later
 * append: the file is cut back to its last acknowledged line, and nothing is ever written after
 * a line that may be cut, so a message reaches the transport only after its whole line is on disk.
 */
export class SendJournal {
  private readonly pending: string[] = [];
  private readonly waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  private failure: unknown = null;

  private constructor(
    readonly path: string | null,
    private readonly handle: WritableFile | null,
    /** Bytes of the file that every acknowledged append lies within. */
    private durableLength: number,
  ) {}

  /** Open (creating if needed) the journal for appending; `openFile` is the file-handle seam. */
  static async open(path: string | null, openFile: OpenWritable = openWritable): Promise<SendJournal> {
    if (path === null) return new SendJournal(null, null, 0);
    try {
      const handle = await openFile(path, 'a', 0o600);
      return new SendJournal(path, handle, (await handle.stat()).size);
    } catch (error) {
      rethrowAsFileError(error, path);
    }
  }

  /** Append one entry; resolves once it is on disk (write + fdatasync), else rejects (FileWriteError). */
  append(entry: JournalEntry): Promise<void> {
    if (this.handle === null) return Promise.resolve();
    if (this.failure !== null) return Promise.reject(this.failure);
    this.pending.push(`${JSON.stringify(entry)}\n`);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    const handle = this.handle;
    const path = this.path ?? '';
    while (handle !== null && this.pending.length > 0) {
      const bytes = Buffer.from(this.pending.splice(0).join(''));
      const waiters = this.waiters.splice(0);
      try {
        if (this.failure !== null) throw this.failure;
        await writeAll(handle, bytes, path);
        await handle.datasync().catch((error: unknown) => rethrowAsFileError(error, path));
        this.durableLength += bytes.byteLength;
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        if (this.failure === null) {
          this.failure = error;
          // Whole lines of this batch would read as "being sent" next run, though none is sent.
          await handle.truncate(this.durableLength).catch(() => undefined);
        }
        for (const waiter of waiters) waiter.reject(this.failure);
      }
    }
    this.flushing = null;
  }

  /** Close the file (after every append has settled). */
  async close(): Promise<void> {
    await this.flushing;
    await this.handle?.close();
  }
}

/** Read a journal; a torn last line (crash mid-write) is ignored. Missing file = no entries. */
export async function readJournal(path: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      // Only the line being written when the process died can be torn. A torn `sending` line
      // was never followed by a send; a torn outcome leaves its message `sending` → uncertain.
    }
  }
  return entries;
}

/** Fold journal lines into the latest state per Message-ID, in first-seen order. */
export function foldJournal(entries: JournalEntry[]): Map<string, JournalState> {
  const states = new Map<string, JournalState>();
  for (const entry of entries) {
    if (entry.type === 'sending') {
      if (!states.has(entry.messageId)) {
        states.set(entry.messageId, {
          record: entry.record,
          status: 'sending',
          error: null,
          recipients: [],
          createdAt: entry.at,
          updatedAt: entry.at,
        });
      }
      continue;
    }
    const state = states.get(entry.messageId);
    if (state === undefined) continue;
    state.status = entry.status;
    state.error = entry.error;
    state.recipients = entry.recipients;
    state.updatedAt = entry.at;
  }
  return states;
}

/** Delete a journal file once everything in it is in the database. */
export async function removeJournal(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') rethrowAsFileError(error, path);
  });
}
