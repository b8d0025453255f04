/**
 * Reading a delivery status notification (docs/reference/inbox.md §2): the RFC 3464
 * `message/delivery-status` fields, and the returned message's headers from which our
 * Message-ID is taken. Pure: text in, fields out.
 */

/** One recipient's outcome in a DSN. */
export interface RecipientStatus {
  /** The address the report is about (Final-Recipient, else Original-Recipient). */
  recipient: string;
  /** `failed`, `delayed`, `delivered`, `relayed` or `expanded` (lower case). */
  action: string;
  /** The enhanced status code, e.g. `5.1.1`; empty when the report gives none. */
  status: string;
  /** The remote server's words (Diagnostic-Code without its type), else empty. */
  diagnostic: string;
}

/** Header-style fields of one block, continuation lines unfolded; names in lower case. */
function fields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last !== null) {
      out.set(last, `${out.get(last)!} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(last)) out.set(last, line.slice(colon + 1).trim());
  }
  return out;
}

/** `rfc822; a@b` → `a@b` (the address type is dropped; angle brackets too). */
function withoutType(value: string): string {
  const semi = value.indexOf(';');
  return (semi >= 0 ? value.slice(semi + 1) : value).trim().replace(/^<|>$/g, '');
}

/** The per-recipient blocks of a `message/delivery-status` body (the first block is the message's). */
export function recipientStatuses(body: string): RecipientStatus[] {
  const blocks = body.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/);
  const out: RecipientStatus[] = [];
  for (const block of blocks) {
    const f = fields(block);
    const recipient = f.get('final-recipient') ?? f.get('original-recipient');
    if (recipient === undefined) continue;
    const status = /\d\.\d{1,3}\.\d{1,3}/.exec(f.get('status') ?? '')?.[0] ?? '';
    out.push({
      recipient: withoutType(recipient).toLowerCase(),
      action: (f.get('action') ?? '').toLowerCase(),
      status,
      diagnostic: withoutType(f.get('diagnostic-code') ?? ''),
    });
  }
  return out;
}

/** Whether a recipient's outcome is a permanent failure: a 5.x.x status, or `failed` without a code. */
export function isPermanent(status: RecipientStatus): boolean {
  if (status.status !== '') return status.status.startsWith('5.');
  return status.action === 'failed';
}

/** Message-IDs (without angle brackets) in the `Message-ID:` header of returned headers or a quoted copy. */
export function returnedMessageIds(text: string): string[] {
  const out: string[] = [];
  const pattern = /^[ \t>]*Message-ID:[ \t]*(?:\r?\n[ \t]+)?<([^<>\s]+)>/gim;
  for (const match of text.matchAll(pattern)) out.push(match[1]!);
  return out;
}
