/**
 * Message-IDs decided before sending (docs/reference/messages.md §3.2): stored with the message
 * before the SMTP conversation starts, so a reply or a bounce can be matched to the history.
 */
import type { Settings } from '../core/settings.js';

/** Domain used when the settings name no sender address. `.invalid` can never be anyone's domain. */
export const FALLBACK_MESSAGE_ID_DOMAIN = 'duedesk.invalid';

/** Message-ID `<asOf.key.nonce@domain>`; the key is reduced to characters allowed in an id. */
export function makeMessageId(key: string, asOf: string, domain: string, nonce: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+/g, '_').replace(/\.{2,}/g, '.').replace(/^\.|\.$/g, '');
  const host = /^[A-Za-z0-9.-]+$/.test(domain) && domain.includes('.') ? domain.toLowerCase() : FALLBACK_MESSAGE_ID_DOMAIN;
  return `<${[asOf, safe(key), safe(nonce)].filter(Boolean).join('.')}@${host}>`;
}

/** Domain part of smtp.from, else company.email, else the fallback. */
export function messageIdDomain(settings: Settings): string {
  for (const address of [settings.smtp?.from, settings.company?.email]) {
    const match = address ? /@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*>?\s*$/.exec(address) : null;
    if (match?.[1]) return match[1].toLowerCase();
  }
  return FALLBACK_MESSAGE_ID_DOMAIN;
}
