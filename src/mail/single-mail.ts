/**
 * One e-mail outside the reminder runs (the test e-mail, the dispute notification to a sales
 * agent) through the configured transport: checked addresses, a fresh Message-ID, the outcome as
 * data with an exit code. Such a mail is not part of the history, so it is never retried.
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
}

/** Send `mail` with the current settings (and the TUI's session password); never throws for a send problem. */
export async function sendSingleMail(
  mail: SingleMail,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  place: DataPlace,
  now: Date,
  sessionPassword: string | null = null,
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
  try {
    await transport.verify();
    const result: SendResult = await transport.send(await composeMime(message, now), { from, to: [to] }, messageId);
    const refused = result.recipients.find((r) => !r.accepted);
    if (refused) return { ok: false, transport: transport.description, messageId, detail: `refused: ${refused.reply ?? ''}`, exitCode: ExitCode.SomeFailed };
    return { ok: true, transport: transport.description, messageId, detail: result.response, exitCode: ExitCode.Ok };
  } catch (error) {
    const failure = error instanceof SendFailure ? error : new SendFailure('uncertain', String(error));
    const unusable = failure.kind === 'auth' || failure.kind === 'unreachable';
    return { ok: false, transport: transport.description, messageId, detail: failure.message, exitCode: unusable ? ExitCode.TransportUnusable : ExitCode.SomeFailed };
  } finally {
    await transport.close();
  }
}
