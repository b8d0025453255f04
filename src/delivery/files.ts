/**
 * Files delivery reads and writes besides the mail: invoice PDFs from `mail.invoiceDir` (item
 * numbers are never trusted as paths) and printable letters into `mail.printDir`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { Attachment } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';
import { writeFileAtomic } from '../mail/transports/outbox.js';

/**
 * The path of `<itemNumber>.pdf` inside `dir`, or null when the item number could name anything
 * else (separators, `..`, NUL, control characters, a leading dot) or would resolve outside `dir`.
 */
export function invoicePdfPath(dir: string, itemNumber: string): string | null {
  if (itemNumber === '' || itemNumber.length > 200) return null;
  if (/[/\\\0-\x1f\x7f]/.test(itemNumber) || itemNumber.includes('..') || itemNumber.startsWith('.')) return null;
  const base = resolve(dir);
  const path = resolve(base, `${itemNumber}.pdf`);
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) return null;
  return path;
}

/** Invoice PDFs for the invoices a message lists; missing files and unsafe numbers are reported, not fatal. */
export async function invoiceAttachments(
  planned: PlannedMessage,
  dir: string,
): Promise<{ attachments: Attachment[]; missing: string[] }> {
  const attachments: Attachment[] = [];
  const missing: string[] = [];
  for (const line of planned.lines) {
    if (line.item.kind !== 'invoice') continue;
    const path = invoicePdfPath(dir, line.item.number);
    if (path === null) {
      missing.push(line.item.number);
      continue;
    }
    try {
      const content = await readFile(path);
      attachments.push({ filename: `${line.item.number}.pdf`, contentType: 'application/pdf', content });
    } catch {
      missing.push(line.item.number);
    }
  }
  return { attachments, missing };
}

/** A file-name-safe form of a message key (customer codes may hold any character). */
export function safeFileStem(text: string): string {
  const stem = text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return stem.slice(0, 150) || 'message';
}

/** Write a letter PDF as `<asOf>-<key>.pdf` into `printDir` (atomically; re-running overwrites). */
export async function writeLetter(printDir: string, asOf: string, key: string, pdf: Uint8Array): Promise<string> {
  await mkdir(printDir, { recursive: true });
  const path = join(printDir, `${asOf}-${safeFileStem(key)}.pdf`);
  await writeFileAtomic(path, pdf);
  return path;
}
