/**
 * One e-mail outside the reminder runs (the test e-mail, the dispute notification to a sales
 * agent, the approval digest) through the configured transport: checked addresses, a fresh
 * Message-ID, the outcome as data with an exit code. Such a mail is not part of a customer's
 * history, so it is never retried; it is kept in the archive all the same and recorded as a
 * notice (docs/reference/cli.md §11.4): its copy and its `sending` record are written before the
 * transport sees it, and a copy that cannot be written stops it there (FileWriteError, exit 2).
 */
import { randomBytes } from 'node:crypto';
import { ExitCode, UserError } from '../core/exit-codes.js';
import { localDate } from '../core/dates.js';
import type { OutgoingMessage } from '../core/message.js';
import type { Settings } from '../core/settings.js';
import type { DataPlace } from '../settings/paths.js';
import { composeMime } from './compose.js';
import { makeMessageId, messageIdDomain } from './message-id.js';
import { createTransport, SendFailure, type SendResult } from './transports/index.js';
import { envelopeAddress } from './envelope.js';
import { FALLBACK_FROM, replyToOf, senderOf } from './sender.js';
import type { NoticeKind } from '../core/domain.js';
import type { Ledger } from '../storage/ledger.js';
import { finishNotice, insertNotice } from '../storage/sent-notices.js';

/** What to send: a key for the Message-ID, one recipient and the three texts. */
export interface SingleMail {
  key: string;
  /** The command or feature, for error messages (`test-mail`, `dispute`). */
  what: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What sending one e-mail did. */
export interface SingleMailResult {
  ok: boolean;
  transport: string;
  messageId: string;
  /** Server reply (or outbox note) on success; the reason on failure. */
  detail: string;
  /** Exit code for the CLI: 0 sent, 3 transport unusable, 1 refused by the server. */
  exitCode: number;
  /** The notice's record (`N` and this id), once one was begun. */
  notice?: number;
  /** Set when its archived copy could not be written: nothing was sent (exit 2, the file named in `detail`). */
  fileStop?: boolean;
}

/** Where a notice is kept and recorded, and what it is (docs/reference/cli.md §11.4). */
export interface NoticeProof {
  ledger: Ledger;
  kind: NoticeKind;
  /** The customer a dispute notice is about; null for the others. */
  customerCode: string | null;
  operator: string;
}

/** Send `mail` with the current settings (and the TUI's session password); never throws for a send problem. */
export async function sendSingleMail(
  mail: SingleMail,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  place: DataPlace,
  now: Date,
  sessionPassword: string | null = null,
  proof?: NoticeProof,
): Promise<SingleMailResult> {
  const to = envelopeAddress(mail.to);
  if (to === null) throw new UserError(`${mail.what}: "${mail.to}" is not a plain e-mail address`);
  const fromText = senderOf(settings);
  if (fromText === FALLBACK_FROM) throw new UserError(`${mail.what}: no sender address; set smtp.from (or company.email) first`);
  const from = envelopeAddress(fromText);
  if (from === null) throw new UserError(`${mail.what}: the sender "${fromText}" (smtp.from) is not a plain e-mail address`);
  const messageId = makeMessageId(mail.key, localDate(now), messageIdDomain(settings), randomBytes(6).toString('hex'));
  const message: OutgoingMessage = {
    key: mail.key,
    messageId,
    from: fromText,
    replyTo: replyToOf(settings),
    to: [to],
    toName: null,
    cc: [],
    bcc: [],
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: [],
    pdf: new Uint8Array(),
  };
  const transport = await createTransport(settings, env, place, {}, sessionPassword);
  // How it ended as the notice's record says it: an uncertain failure may have reached the server.
  let status: 'sent' | 'failed' | 'uncertain' = 'failed';
  const failed = (error: unknown): SingleMailResult => {
    const failure = error instanceof SendFailure ? error : new SendFailure('uncertain', String(error));
    if (failure.kind === 'uncertain') status = 'uncertain';
    const unusable = failure.kind === 'auth' || failure.kind === 'unreachable';
    return { ok: false, transport: transport.description, messageId, detail: failure.message, exitCode: unusable ? ExitCode.TransportUnusable : ExitCode.SomeFailed };
  };
  try {
    try {
      await transport.verify();
    } catch (error) {
      return failed(error);
    }
    const raw = await composeMime(message, now);
    // Kept and recorded before the transport sees it; a refusal here is not caught: nothing went.
    const notice = proof === undefined ? undefined : await beginNotice(proof, message, raw, now);
    let outcome: SingleMailResult;
    try {
      const result: SendResult = await transport.send(raw, { from, to: [to] }, messageId);
      const refused = result.recipients.find((r) => !r.accepted);
      if (!refused) status = 'sent';
      outcome = refused
        ? { ok: false, transport: transport.description, messageId, detail: `refused: ${refused.reply ?? ''}`, exitCode: ExitCode.SomeFailed }
        : { ok: true, transport: transport.description, messageId, detail: result.response, exitCode: ExitCode.Ok };
    } catch (error) {
      outcome = failed(error);
    }
    if (proof === undefined || notice === undefined) return outcome;
    await proof.ledger.write((sql) => finishNotice(sql, notice, status, outcome.ok ? null : outcome.detail, now.toISOString()));
    return { ...outcome, notice };
  } finally {
    await transport.close();
  }
}

/** Keep the notice's bytes, then record it `sending` naming its copy; a copy no record names is removed again. */
async function beginNotice(proof: NoticeProof, message: OutgoingMessage, raw: Buffer, now: Date): Promise<number> {
  const archived = await proof.ledger.archive.keep(raw);
  try {
    const notice = { kind: proof.kind, customerCode: proof.customerCode, to: message.to, subject: message.subject, messageId: message.messageId, operator: proof.operator };
    return await proof.ledger.write((sql) => insertNotice(sql, { ...notice, archive: { sha256: archived.sha256, size: archived.size, prunedAt: null } }, now.toISOString()));
  } catch (error) {
    await proof.ledger.archive.drop(archived.sha256).catch(() => 0);
    throw error;
  }
}
