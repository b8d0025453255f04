/**
 * Recipient addresses (docs/reference/rules.md §3.5): which of a customer's addresses a message goes to,
 * and the strict check that a field holds exactly one plain mailbox. A field that could smuggle a
 * second address or a header (CR/LF, commas, semicolons, angle brackets, display names) is never
 * used: it is refused and reported, so the operator can fix the data.
 */
import type { Customer } from './domain.js';

/** Result of checking one address field: the clean address, or why it is refused. */
export type AddressCheck = { ok: true; address: string } | { ok: false; error: string };

// Dot-atom local part (RFC 5322 without quoted strings or comments, which only serve tricks here),
// with letters beyond ASCII for internationalised mailboxes (RFC 6531).
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// Host name labels; letters beyond ASCII are allowed for internationalised domains.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** Check that `raw` is exactly one valid mailbox `local@domain` (surrounding blanks are trimmed). */
export function checkAddress(raw: string): AddressCheck {
  // Control characters are refused before trimming: a trailing line break is a header trick too.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { ok: false, error: 'contains a line break or control character' };
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'is empty' };
  if (/[\u2028\u2029\u0085]/.test(text)) return { ok: false, error: 'contains a line break or control character' };
  if (/[,;]/.test(text)) return { ok: false, error: 'holds several addresses (comma or semicolon)' };
  if (/[<>"()[\]\\]/.test(text)) return { ok: false, error: 'is not a plain address (brackets, quotes or a display name)' };
  if (/\s/.test(text)) return { ok: false, error: 'contains spaces' };
  const at = text.lastIndexOf('@');
  if (at <= 0 || text.indexOf('@') !== at) return { ok: false, error: 'must contain exactly one "@" with text before it' };
  if (text.length > 254) return { ok: false, error: 'is longer than 254 characters' };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return { ok: false, error: `has an invalid part before "@"` };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return { ok: false, error: 'has an invalid domain' };
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, error: 'has an invalid domain' };
  return { ok: true, address: text };
}

/** True when `raw` is exactly one valid mailbox. */
export function isValidAddress(raw: string): boolean {
  return checkAddress(raw).ok;
}

/** An address field that was refused, with the field name as the settings/CSV call it. */
export interface AddressProblem {
  field: string;
  value: string;
  error: string;
}

/** The addresses chosen for a customer and the refused fields found on the way. */
export interface RecipientChoice {
  to: string[];
  problems: AddressProblem[];
}

const EMAIL_FIELDS = ['email', 'email2', 'email3'] as const;

/**
 * Choose the `to` addresses of a customer. `primary`: the first valid one of email, email2,
 * email3 (a broken first slot falls back to the next rather than losing the customer); `all`: every
 * valid one, without duplicates (compared case-insensitively). Every refused field is reported.
 */
export function chooseRecipients(customer: Customer, mode: 'primary' | 'all'): RecipientChoice {
  const to: string[] = [];
  const seen = new Set<string>();
  const problems: AddressProblem[] = [];
  for (const field of EMAIL_FIELDS) {
    const value = customer[field];
    if (value === null || value.trim() === '') continue;
    const check = checkAddress(value);
    if (!check.ok) {
      problems.push({ field, value, error: check.error });
      continue;
    }
    const folded = check.address.toLowerCase();
    if (seen.has(folded)) continue;
    if (mode === 'primary' && to.length > 0) continue;
    seen.add(folded);
    to.push(check.address);
  }
  return { to, problems };
}

/** Check the sales-agent address (CC); null when absent, a problem when refused. */
export function agentAddress(customer: Customer): { address: string | null; problem: AddressProblem | null } {
  const value = customer.agentEmail;
  if (value === null || value.trim() === '') return { address: null, problem: null };
  const check = checkAddress(value);
  if (check.ok) return { address: check.address, problem: null };
  return { address: null, problem: { field: 'agent_email', value, error: check.error } };
}

/** Split policy BCC addresses into the valid ones and the refused ones (field `mail.bcc`). */
export function checkBcc(addresses: readonly string[]): { bcc: string[]; problems: AddressProblem[] } {
  const bcc: string[] = [];
  const problems: AddressProblem[] = [];
  for (const value of addresses) {
    const check = checkAddress(value);
    if (check.ok) {
      if (!bcc.some((known) => known.toLowerCase() === check.address.toLowerCase())) bcc.push(check.address);
    } else {
      problems.push({ field: 'mail.bcc', value, error: check.error });
    }
  }
  return { bcc, problems };
}
