/**
 * Reading the mailbox over IMAP with imapflow (docs/reference/inbox.md §2): new mail by UID
 * after the last one filed, in batches, each message at most MAX_MAIL_BYTES; mail is moved only
 * when `imap.moveTo` names a folder, and never deleted.
 */
import { ImapFlow } from 'imapflow';
import { clientOptions, unreachable, type ImapOptions } from './connection.js';
import { MAX_MAIL_BYTES } from './read-mail.js';

/** One mail as fetched: its UID, when the server received it, its full size and (at most) its first MAX_MAIL_BYTES. */
export interface FetchedMail {
  uid: number;
  receivedAt: string;
  size: number;
  source: Buffer;
}

/** The mailbox, open and selected. */
export interface OpenMailbox {
  readonly uidvalidity: number;
  /** UIDs of the mail after `lastUid`, ascending. */
  uidsAfter(lastUid: number): Promise<number[]>;
  /** Fetch the mail of `uids` (one batch). */
  fetch(uids: readonly number[]): Promise<FetchedMail[]>;
  /** Move the mail of `uids` to `folder` (created when missing). */
  move(uids: readonly number[], folder: string): Promise<void>;
  close(): Promise<void>;
}

/** Connect, log in and select the mailbox; a server that cannot be reached or refuses the login is exit 3. */
export async function openMailbox(options: ImapOptions): Promise<OpenMailbox> {
  const client = new ImapFlow(clientOptions(options));
  // imapflow reports a dropped connection as an 'error' event besides the failing call.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(options, error);
  }
  let lock: { release(): void };
  try {
    lock = await client.getMailboxLock(options.mailbox, { readOnly: options.moveTo === null });
  } catch (error) {
    await client.logout().catch(() => undefined);
    throw unreachable(options, new Error(`no mailbox ${options.mailbox}: ${error instanceof Error ? error.message : String(error)}`));
  }
  const selected = client.mailbox;
  const uidvalidity = selected === false ? 0 : Number(selected.uidValidity);
  let folderReady = false;
  return {
    uidvalidity,
    async uidsAfter(lastUid) {
      const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
      // `N:*` names the last mail even when its UID is below N (RFC 3501 §6.4.8).
      return (found === false || found === undefined ? [] : found).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    },
    async fetch(uids) {
      const out: FetchedMail[] = [];
      if (uids.length === 0) return out;
      for await (const message of client.fetch(uids.join(','), { uid: true, internalDate: true, size: true, source: { maxLength: MAX_MAIL_BYTES } }, { uid: true })) {
        const date = message.internalDate instanceof Date ? message.internalDate : new Date(String(message.internalDate ?? ''));
        out.push({
          uid: message.uid ?? 0,
          receivedAt: Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString(),
          size: message.size ?? message.source?.length ?? 0,
          source: message.source ?? Buffer.alloc(0),
        });
      }
      return out.sort((a, b) => a.uid - b.uid);
    },
    async move(uids, folder) {
      if (uids.length === 0) return;
      if (!folderReady) {
        const exists = (await client.list()).some((box) => box.path === folder);
        if (!exists) await client.mailboxCreate(folder);
        folderReady = true;
      }
      await client.messageMove(uids.join(','), folder, { uid: true });
    },
    async close() {
      lock.release();
      await client.logout().catch(() => undefined);
    },
  };
}
