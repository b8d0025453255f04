/**
 * The archive's use cases (docs/reference/cli.md §11): one message with its archived copy, the
 * copy written back out byte for byte, every copy checked against its hash, and copies past
 * `archive.keepDays` removed. Writing a copy changes nothing, so review mode may do it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays } from '../core/dates.js';
import type { ArchiveRef, IsoDate, MessageRecord, NoticeRecord } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { rethrowAsFileError } from '../core/file-errors.js';
import { writeFileAtomic } from '../files/atomic-file.js';
import { attachmentsOf } from '../mail/mime-parts.js';
import { sha256Of } from '../storage/archive.js';
import type { Ledger } from '../storage/ledger.js';
import { archivedMessages, customerTimeline, getMessage, markArchivePruned } from '../storage/messages.js';
import { getNotice } from '../storage/sent-notices.js';
import { defineAction } from './action.js';
import { settingsOf, type ActionDeps } from './deps.js';

/** One message of the history and the rest of its customer's (what History's detail reads). */
export interface MessageDetail {
  record: MessageRecord;
  timeline: MessageRecord[];
}

/** A message by its history id; unknown ids are refused naming the ledger. */
export async function messageById(ledger: Ledger, id: number): Promise<MessageRecord> {
  const record = await ledger.read((sql) => getMessage(sql, id));
  if (record === null) throw new UserError(`message ${id} is not in the history of ${ledger.location}`);
  return record;
}

/** One message as History's detail shows it, with its archived copy's hash and size. */
export const showMessage = defineAction({
  name: 'show message',
  changes: false,
  run: async (deps: ActionDeps, id: number): Promise<MessageDetail> => {
    const record = await messageById(deps.ledger, id);
    return { record, timeline: await deps.ledger.read((sql) => customerTimeline(sql, record.customerCode)) };
  },
});

/** A notice by its number (N and the id, docs/reference/cli.md §11.4); unknown ones are refused naming the ledger. */
export const showNotice = defineAction({
  name: 'show notice',
  changes: false,
  run: async (deps: ActionDeps, id: number): Promise<NoticeRecord> => {
    const notice = await deps.ledger.read((sql) => getNotice(sql, id));
    if (notice === null) throw new UserError(`notice N${id} is not among the notices of ${deps.ledger.location}`);
    return notice;
  },
});

/**
 * The bytes of a message's archived copy, checked against the hash its history row recorded; a
 * message without one, a pruned, missing or altered copy is refused naming it (`what`: "message
 * 12", "notice N3").
 */
export async function archivedBytes(ledger: Ledger, what: string, copy: ArchiveRef | null | undefined): Promise<Buffer> {
  if (!copy) throw new UserError(`${what} has no archived copy: it was recorded before duedesk kept copies`);
  if (copy.prunedAt !== null) throw new UserError(`the archived copy of ${what} was pruned on ${copy.prunedAt.slice(0, 10)} (archive.keepDays)`);
  const bytes = await ledger.archive.fetch(copy.sha256);
  if (bytes === null) throw new UserError(`the archived copy of ${what} is missing: ${ledger.archive.whereIs(copy.sha256)}`);
  if (sha256Of(bytes) !== copy.sha256) throw new UserError(`the archived copy of ${what} was altered: ${ledger.archive.whereIs(copy.sha256)} no longer has SHA-256 ${copy.sha256}`);
  return bytes;
}

/** The archived bytes of message `id`, or of notice N`id` when `notice`, and the name its files take. */
async function bytesOf(ledger: Ledger, id: number, notice: boolean): Promise<{ bytes: Buffer; name: string }> {
  if (notice) {
    const record = await ledger.read((sql) => getNotice(sql, id));
    if (record === null) throw new UserError(`notice N${id} is not among the notices of ${ledger.location}`);
    return { bytes: await archivedBytes(ledger, `notice N${id}`, record.archive), name: `notice-N${id}` };
  }
  const record = await messageById(ledger, id);
  return { bytes: await archivedBytes(ledger, `message ${id}`, record.archive), name: `message-${id}` };
}

/** The files `history copy` wrote. */
export interface WrittenCopy {
  eml: string;
  attachments: string[];
}

/**
 * Write a message's archived copy into `out`: `message-ID.eml` (a notice's `notice-NID.eml`) byte
 * for byte, and each attachment as sent.
 */
export const writeMessageCopy = defineAction({
  name: 'write message copy',
  changes: false,
  run: async (deps: ActionDeps, { id, out, notice = false }: { id: number; out: string; notice?: boolean }): Promise<WrittenCopy> => {
    const { bytes, name } = await bytesOf(deps.ledger, id, notice);
    try {
      await mkdir(out, { recursive: true });
    } catch (error) {
      rethrowAsFileError(error, out);
    }
    const eml = join(out, `${name}.eml`);
    await writeFileAtomic(eml, bytes);
    const attachments: string[] = [];
    const taken = new Set([`${name}.eml`]);
    for (const attachment of attachmentsOf(bytes)) {
      const file = join(out, freeName(safeFileName(attachment.filename), taken));
      await writeFileAtomic(file, attachment.content);
      attachments.push(file);
    }
    return { eml, attachments };
  },
});

/**
 * The text of message `id` as it was sent, read from its archived copy (docs/reference/tui.md
 * §2.6): its From, To, Date and Subject, the plain-text body, and the files it carried.
 */
export const messageText = defineAction({
  name: 'message text',
  changes: false,
  run: async (deps: ActionDeps, id: number): Promise<string[]> => {
    const { bytes } = await bytesOf(deps.ledger, id, false);
    const { simpleParser } = await import('mailparser');
    const mail = await simpleParser(bytes, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
    const addresses = (value: typeof mail.to): string => (value === undefined ? '' : (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', '));
    const files = mail.attachments.map((a) => `${a.filename ?? 'attachment'} (${a.size} bytes)`);
    return [
      `From: ${mail.from?.text ?? ''}`,
      `To: ${addresses(mail.to)}`,
      ...(mail.cc === undefined ? [] : [`Cc: ${addresses(mail.cc)}`]),
      `Date: ${mail.date?.toISOString() ?? ''}`,
      `Subject: ${mail.subject ?? ''}`,
      '',
      ...(mail.text ?? '').replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n'),
      ...(files.length > 0 ? ['', `Attached: ${files.join(', ')}`] : []),
    ];
  },
});

/** A name from a message (never trusted as a path): one plain file name. */
function safeFileName(name: string): string {
  const plain = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/^\.+/, '_').trim().slice(0, 120);
  return plain === '' ? 'attachment' : plain;
}

/** `name`, or `2-name`, `3-name`… when a file of this copy already has it. */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${n}-${name}`;
  taken.add(candidate);
  return candidate;
}

/** What pruning removed. */
export interface Pruned {
  /** Copies removed. */
  count: number;
  /** Bytes of storage freed (the compressed copies). */
  freed: number;
  /** The last day whose copies were removed; null without archive.keepDays. */
  before: IsoDate | null;
}

/**
 * Remove the copies of messages created more than `archive.keepDays` days before `today` (none
 * without the setting); their history rows stay and say the copy was pruned.
 */
export const pruneArchive = defineAction({
  name: 'prune archive',
  changes: true,
  refused: 'pruning the archive',
  needs: 'admin',
  audit: { what: 'db prune-archive', about: () => ({ customer: null, subject: null }), done: (_input, pruned) => `${pruned.count} copies removed, ${pruned.freed} bytes freed${pruned.before ? `, created up to ${pruned.before}` : ''}` },
  run: async (deps: ActionDeps, { today, at }: { today: IsoDate; at: string }): Promise<Pruned> => {
    const keepDays = settingsOf(deps).archive?.keepDays;
    if (keepDays === undefined) return { count: 0, freed: 0, before: null };
    return pruneBefore(deps.ledger, addDays(today, -keepDays), at);
  },
});

/** Remove the copies of messages created before `cutoff` (a day), then mark their rows. */
async function pruneBefore(ledger: Ledger, cutoff: IsoDate, at: string): Promise<Pruned> {
  const due = (await ledger.read((sql) => archivedMessages(sql))).filter((m) => m.createdAt.slice(0, 10) < cutoff);
  let freed = 0;
  for (const message of due) freed += await ledger.archive.drop(message.sha256);
  await ledger.write((sql) => markArchivePruned(sql, due.map((m) => m.ref), at));
  return { count: due.length, freed, before: addDays(cutoff, -1) };
}
