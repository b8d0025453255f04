/**
 * From a planned message to the e-mail exactly as it will be sent (OutgoingMessage): subject,
 * plain text and HTML from the customer's templates, the statement PDF attached as `<key>.pdf`,
 * invoice PDFs when the level asks for them. Previews and delivery both build through here.
 */
import type { IsoDate } from '../core/domain.js';
import type { Attachment, OutgoingMessage } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import type { TemplateSet } from './load-templates.js';
import type { StatementFonts } from './pdf/fonts.js';
import { renderStatementPdf, type LogoImage } from './pdf/render-statement.js';
import { readInvoiceAttachments } from './invoices.js';
import { safeFileName } from './file-names.js';
import { messageTexts } from './message-texts.js';
import { replyToOf, senderOf } from '../mail/sender.js';

/** What buildMessage needs besides the planned message. */
export interface MessageDeps {
  settings: Settings;
  asOf: IsoDate;
  templates: TemplateSet;
  fonts: StatementFonts;
  /** Decided by the caller before sending (see makeMessageId). */
  messageId: string;
  logo?: LogoImage | null;
  /** Folder relative settings paths (mail.invoiceDir) are resolved against. */
  cwd?: string;
}

/** Build the e-mail of `planned`. */
export async function buildMessage(planned: PlannedMessage, deps: MessageDeps): Promise<OutgoingMessage> {
  const { model, texts } = messageTexts(planned, deps);
  const pdf = renderStatementPdf(model, deps.templates.labels(model.language), { fonts: deps.fonts, logo: deps.logo ?? null });
  const attachments: Attachment[] = [{ filename: `${safeFileName(planned.key)}.pdf`, contentType: 'application/pdf', content: pdf }];
  const invoiceDir = deps.settings.mail?.invoiceDir;
  if (planned.attachInvoices && invoiceDir) {
    attachments.push(...(await readInvoiceAttachments(planned, invoiceDir, deps.cwd ?? process.cwd())));
  }
  return {
    key: planned.key,
    messageId: deps.messageId,
    from: senderOf(deps.settings),
    replyTo: replyToOf(deps.settings),
    to: [...planned.to],
    toName: planned.customer.name,
    cc: [...planned.cc],
    bcc: [...planned.bcc],
    subject: texts.subject,
    text: texts.text,
    html: texts.html,
    attachments,
    pdf,
  };
}
