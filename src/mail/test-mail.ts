/**
 * One short test e-mail through the configured transport, so the operator learns at once whether
 * the SMTP settings, the password and the sender address work. `duedesk config test-mail` and the
 * TUI settings screen both send it.
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

/** What a test e-mail did. */
export interface TestMailResult {
  ok: boolean;
  transport: string;
  messageId: string;
  /** Server reply (or outbox note) on success; the reason on failure. */
  detail: string;
  /** Exit code for the CLI: 0 sent, 3 transport unusable, 1 refused by the server. */
  exitCode: number;
}

/** Send a test e-mail to `address` with the current settings (and the TUI's session password); never throws for a send problem. */
export async function sendTestMail(
  address: string,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  place: DataPlace,
  now: Date,
  sessionPassword: string | null = null,
): Promise<TestMailResult> {
  const to = envelopeAddress(address);
  if (to === null) throw new UserError(`test-mail: "${address}" is not a plain e-mail address`);
  const fromText = settings.smtp?.from ?? settings.company?.email;
  if (!fromText) throw new UserError('test-mail: no sender address; set smtp.from (or company.email) first');
  const from = envelopeAddress(fromText);
  if (from === null) throw new UserError(`test-mail: the sender "${fromText}" (smtp.from) is not a plain e-mail address`);
  const messageId = makeMessageId('test-mail', localDate(now), messageIdDomain(settings), randomBytes(6).toString('hex'));
  const message: OutgoingMessage = {
    key: 'test-mail',
    messageId,
    from: fromText,
    replyTo: settings.smtp?.replyTo ?? null,
    to: [to],
    cc: [],
    bcc: [],
    subject: `duedesk test e-mail from ${settings.company?.name ?? from}`,
    text: 'This is a test e-mail from duedesk. If you can read it, reminders can be sent with these settings.\n',
    html: '<p>This is a test e-mail from duedesk. If you can read it, reminders can be sent with these settings.</p>',
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
