/**
 * `duedesk inbox fetch` and the desk's `R` on the Inbox (docs/reference/inbox.md §2): read new
 * mail since the last fetch, file each one, and apply what a bounce or a reply means. One fetch
 * at a time per mailbox (a lease in the ledger, on any host); the position is saved with each
 * batch filed, so a fetch cut short goes on where it stopped.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ExitCode, UserError } from '../core/exit-codes.js';
import { classify, namedMessageIds, type Filing, type KnownMessage } from '../inbox/classify.js';
import { imapOptions, mailboxKey, type ImapOptions } from '../inbox/connection.js';
import type { FetchedMail, OpenMailbox } from '../inbox/mailbox.js';
import { readMail, type InboundMail } from '../inbox/read-mail.js';
import {
  clearUndeliverable,
  customersWithAddress,
  fetchPosition,
  fileMail,
  mailFiled,
  markMailHandled,
  markUndeliverable,
  messagesByMailId,
  openInboxMail,
  recordDeliveryReport,
  releaseFetchLease,
  saveFetchPosition,
  takeFetchLease,
  type FiledMail,
  type InboxKind,
} from '../storage/inbox.js';
import type { Ledger } from '../storage/ledger.js';
import type { Sql } from '../storage/sql.js';
import { defineAction } from './action.js';
import { actorOf, settingsOf, type ActionDeps } from './deps.js';

/** Mail read and filed per batch: one ledger write and one position saved per batch. */
export const FETCH_BATCH = 200;
/** How long a fetch's lease lasts without renewal (renewed every batch): a crashed fetch blocks the next for at most this. */
const LEASE_MS = 10 * 60_000;

/** One bounce or reply as the fetch reports it. */
export interface FiledLine {
  kind: InboxKind;
  customerCode: string | null;
  /** Our message's history id, or null. */
  messageId: number | null;
  /** The gist: a bounce's address, status and reason; a reply's first line. */
  gist: string;
}

/** What a fetch did. */
export interface FetchResult {
  mailbox: string;
  counts: Record<InboxKind, number>;
  /** One line per bounce and reply, in the order filed. */
  lines: FiledLine[];
  /** Unmatched mail: sender, subject and why. */
  unmatched: string[];
  /** Mail skipped as filed already (the mailbox's UIDVALIDITY changed). */
  alreadyFiled: number;
  /** Mail moved to imap.moveTo. */
  moved: number;
}

/** What the fetch is given besides the deps. */
export interface FetchInput {
  /** Called after each batch with the mail done and the mail found (progress on a terminal). */
  progress?: (done: number, total: number) => void;
}

/** Read new mail and file it. Exit 2 unconfigured, 3 unreachable or login refused, 75 when another fetch holds the mailbox. */
export const fetchInbox = defineAction({
  name: 'fetch the inbox',
  changes: true,
  refused: 'fetching the inbox',
  run: async (deps: ActionDeps, input: FetchInput = {}): Promise<FetchResult> => {
    const options = await imapOptions(settingsOf(deps), deps.context.env);
    const mailbox = mailboxKey(options);
    // Unique per fetch: two fetches in one process (the desk's R and a command) are two holders.
    const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    await holdLease(deps, mailbox, holder);
    try {
      // The IMAP client loads only when a fetch runs.
      const { openMailbox } = await import('../inbox/mailbox.js');
      const box = await openMailbox(options);
      try {
        return await fetchAll(deps, box, options, mailbox, holder, input.progress);
      } finally {
        await box.close();
      }
    } finally {
      await deps.ledger.write((sql) => releaseFetchLease(sql, mailbox, holder));
    }
  },
});

/** Take (or renew) the fetch lease; exit 75 naming the holder when another fetch has it. */
async function holdLease(deps: ActionDeps, mailbox: string, holder: string): Promise<void> {
  const now = deps.context.now();
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const other = await deps.ledger.write((sql) => takeFetchLease(sql, mailbox, holder, now.toISOString(), until));
  if (other !== null) throw new UserError(`another fetch (${other}) is reading ${mailbox}; try again when it is done`, ExitCode.Busy);
}

async function fetchAll(
  deps: ActionDeps,
  box: OpenMailbox,
  options: ImapOptions,
  mailbox: string,
  holder: string,
  progress: FetchInput['progress'],
): Promise<FetchResult> {
  const result = emptyResult(mailbox);
  const position = await deps.ledger.read((sql) => fetchPosition(sql, mailbox));
  // A new UIDVALIDITY renumbers the mailbox: read it all again; the Message-ID keeps a mail filed once.
  const lastUid = position !== null && position.uidvalidity === box.uidvalidity ? position.lastUid : 0;
  const uids = await box.uidsAfter(lastUid);
  for (let start = 0; start < uids.length; start += FETCH_BATCH) {
    const batch = uids.slice(start, start + FETCH_BATCH);
    const filedUids = await fileReceived(deps.ledger, mailbox, box.uidvalidity, await box.fetch(batch), result, deps.context.now().toISOString());
    if (options.moveTo !== null) {
      await box.move(filedUids, options.moveTo);
      result.moved += filedUids.length;
    }
    progress?.(Math.min(start + FETCH_BATCH, uids.length), uids.length);
    await holdLease(deps, mailbox, holder);
  }
  return result;
}

/** An empty fetch result for `mailbox`. */
export function emptyResult(mailbox: string): FetchResult {
  return { mailbox, counts: { bounce: 0, 'auto-reply': 0, reply: 0, unmatched: 0 }, lines: [], unmatched: [], alreadyFiled: 0, moved: 0 };
}

/**
 * File one batch of mail fetched from `mailbox` in one write, counting into `result`, and move the
 * mailbox's position past the batch's last UID; resolves to the UIDs filed now.
 */
export async function fileReceived(ledger: Ledger, mailbox: string, uidvalidity: number, fetched: readonly FetchedMail[], result: FetchResult, at: string): Promise<number[]> {
  const read = await Promise.all(fetched.map(async (mail) => ({ fetched: mail, mail: await readMail(mail.source) })));
  return ledger.write(async (sql) => {
    const filed: number[] = [];
    for (const { fetched: raw, mail } of read) {
      if (await fileOne(sql, mailbox, uidvalidity, raw, mail, result)) filed.push(raw.uid);
    }
    const last = fetched[fetched.length - 1];
    if (last !== undefined) await saveFetchPosition(sql, mailbox, { uidvalidity, lastUid: last.uid }, at);
    return filed;
  });
}

/** File one mail inside the batch's write; false when it was filed before. */
async function fileOne(sql: Sql, mailbox: string, uidvalidity: number, raw: FetchedMail, mail: InboundMail, result: FetchResult): Promise<boolean> {
  if (await mailFiled(sql, mailbox, mail.messageId)) {
    result.alreadyFiled += 1;
    return false;
  }
  const named = namedMessageIds(mail);
  const messages = new Map<string, KnownMessage>((await messagesByMailId(sql, named)).map((m) => [m.messageId, m]));
  const senders = await customersWithAddress(sql, mail.from);
  const filing = classify(mail, { messages, senderCustomer: senders.length === 1 ? senders[0]! : null });
  const id = await fileMail(sql, {
    mailbox,
    uidvalidity,
    uid: raw.uid,
    mailId: mail.messageId,
    receivedAt: raw.receivedAt,
    kind: filing.kind,
    customerCode: filing.customerCode,
    messageId: filing.message?.id ?? null,
    inReplyTo: mail.inReplyTo[0] ?? '',
    from: mail.from,
    subject: mail.subject,
    status: filing.status,
    address: filing.address,
    permanent: filing.permanent,
    detail: mail.damage !== null && filing.kind === 'unmatched' ? `${filing.detail} (${mail.damage})` : filing.detail,
    body: filing.text,
    attachments: JSON.stringify(mail.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} bytes)`)),
  });
  if (id === null) {
    result.alreadyFiled += 1;
    return false;
  }
  if (filing.kind === 'bounce') await applyBounce(sql, filing, raw.receivedAt);
  result.counts[filing.kind] += 1;
  if (filing.kind === 'bounce' || filing.kind === 'reply') {
    result.lines.push({ kind: filing.kind, customerCode: filing.customerCode, messageId: filing.message?.id ?? null, gist: gistOf(filing) });
  } else if (filing.kind === 'unmatched') {
    result.unmatched.push(`${mail.from || '(no sender)'} "${mail.subject}": ${filing.detail}`);
  }
  return true;
}

/** A permanent failure marks our message bounced and the address undeliverable; a delay is only noted (docs/reference/inbox.md §3). */
async function applyBounce(sql: Sql, filing: Filing, receivedAt: string): Promise<void> {
  const message = filing.message!;
  const report = `${filing.status || (filing.permanent ? 'failed' : 'delayed')} ${filing.address}: ${filing.detail}`.trim();
  await recordDeliveryReport(sql, message.id, report, filing.permanent ? receivedAt : null);
  if (!filing.permanent || filing.address === '') return;
  // Only an address the customer still has: one replaced since needs no mark.
  if (!(await customersWithAddress(sql, filing.address)).includes(message.customerCode)) return;
  await markUndeliverable(sql, { customerCode: message.customerCode, address: filing.address, since: receivedAt.slice(0, 10), reason: filing.detail });
}

function gistOf(filing: Filing): string {
  if (filing.kind === 'bounce') return `${filing.permanent ? 'bounced' : 'delayed'} ${filing.address} ${filing.status}: ${filing.detail}`.replace(/\s+/g, ' ').trim();
  return filing.detail;
}

export type { FiledMail };

/** Bounces and replies nobody has handled yet, newest first (the desk's Inbox and its count on Due now). */
export const openInbox = defineAction({
  name: 'open inbox',
  changes: false,
  run: (deps: ActionDeps): Promise<FiledMail[]> => deps.ledger.read((sql) => openInboxMail(sql)),
});

/** How a clerk dealt with a bounce or a reply (recorded with the mail). */
export type HandledAs = 'promise' | 'dispute' | 'note' | 'handled';

/** Mark a filed mail handled: a reply then no longer pauses the customer's reminders (docs/reference/inbox.md §3). */
export const handleMail = defineAction({
  name: 'handle inbox mail',
  changes: true,
  refused: 'handling a reply or a bounce',
  run: async (deps: ActionDeps, { id, as }: { id: number; as: HandledAs }): Promise<void> => {
    const actor = actorOf(deps);
    const done = await deps.ledger.write((sql) => markMailHandled(sql, id, as, actor.operator, actor.at));
    if (!done) throw new UserError(`inbox mail ${id} is not open (unknown, or handled already)`);
  },
});

/** Clear a customer's undeliverable mark by hand: one address, or every one (`address` null). */
export const clearUndeliverableAddress = defineAction({
  name: 'clear undeliverable address',
  changes: true,
  refused: 'clearing an undeliverable address',
  run: async (deps: ActionDeps, { customerCode, address }: { customerCode: string; address: string | null }): Promise<number> =>
    deps.ledger.write((sql) => clearUndeliverable(sql, customerCode, address)),
});
