/**
 * The SMTP envelope of a message, built only from addresses that cannot smuggle anything into the
 * SMTP conversation: no CR/LF, no commas or several addresses in one, no quoted local parts, no
 * comments. Anything else is refused before sending and recorded as a refused recipient.
 */
import type { OutgoingMessage } from '../core/message.js';
import type { RecipientResult, SendEnvelope } from './transports/types.js';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDRESS = new RegExp(`^[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+)*@${LABEL}(?:\\.${LABEL})+$`);

/**
 * The bare address of `text` (`a@b.example` or `Name <a@b.example>`) when it is safe for an SMTP
 * envelope, else null.
 */
export function envelopeAddress(text: string): string | null {
  if (/[\r\n\0]/.test(text)) return null;
  const trimmed = text.trim();
  const bracket = /^[^<>]*<([^<>]*)>$/.exec(trimmed);
  const candidate = bracket ? (bracket[1] ?? '') : trimmed;
  if (candidate.length > 254 || !ADDRESS.test(candidate)) return null;
  return candidate;
}

/** The envelope of a message plus the recipients refused before sending. */
export interface BuiltEnvelope {
  /** Null when the sender address itself is unsafe (nothing may be sent). */
  envelope: SendEnvelope | null;
  refused: RecipientResult[];
  /** Why the envelope is unusable, when it is. */
  problem: string | null;
}

/** Build the envelope: to + cc + bcc, deduplicated case-insensitively, unsafe ones refused. */
export function buildEnvelope(message: OutgoingMessage): BuiltEnvelope {
  const refused: RecipientResult[] = [];
  const to: string[] = [];
  const seen = new Set<string>();
  for (const text of [...message.to, ...message.cc, ...message.bcc]) {
    const address = envelopeAddress(text);
    if (address === null) {
      refused.push({ address: JSON.stringify(text).slice(1, -1), accepted: false, reply: 'refused before sending: not a plain e-mail address' });
      continue;
    }
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    to.push(address);
  }
  const from = envelopeAddress(message.from);
  if (from === null) {
    return { envelope: null, refused, problem: `the sender address "${message.from}" is not a plain e-mail address (smtp.from / company.email)` };
  }
  if (to.length === 0) return { envelope: null, refused, problem: 'no valid recipient address' };
  return { envelope: { from, to }, refused, problem: null };
}
