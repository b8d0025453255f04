/**
 * Who a message comes from and where replies go, from the settings: the same for reminders,
 * statements, the test e-mail, the dispute notice and the proposal digest.
 */
import type { Settings } from '../core/settings.js';

/** Sender used when the settings name none: deliverable nowhere, obvious in a preview. */
export const FALLBACK_FROM = 'duedesk@duedesk.invalid';

/** smtp.from, else the company e-mail with the company name, else FALLBACK_FROM. */
export function senderOf(settings: Settings): string {
  return settings.smtp?.from?.trim() || companyMailbox(settings) || FALLBACK_FROM;
}

/**
 * smtp.replyTo, else the company e-mail with the company name, else none. A customer answering a
 * reminder sent through a shared relay or a no-reply sender still reaches the accounts team.
 */
export function replyToOf(settings: Settings): string | null {
  return settings.smtp?.replyTo?.trim() || companyMailbox(settings);
}

/** `"Company name" <company.email>` (or the bare address without a name); null without company.email. */
function companyMailbox(settings: Settings): string | null {
  const email = settings.company?.email?.trim();
  if (!email) return null;
  const name = settings.company?.name?.trim();
  return name ? `"${name.replace(/["\\]/g, '\\$&')}" <${email}>` : email;
}
