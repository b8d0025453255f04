/**
 * Invoice PDFs attached when a level asks for them (`mail.invoiceDir/<item number>.pdf`). Item
 * numbers come from imported data, so a number that is not a plain file name is never used as one.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Attachment } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';

const plainName = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,119}$/u;

/** Attachments for the reminded items of `planned` that have a PDF in `invoiceDir`; missing files are left out. */
export async function readInvoiceAttachments(planned: PlannedMessage, invoiceDir: string, cwd: string): Promise<Attachment[]> {
  const dir = resolve(cwd, invoiceDir);
  const attachments: Attachment[] = [];
  for (const line of planned.lines) {
    const number = line.item.number;
    if (!line.pending || !plainName.test(number) || number.includes('..')) continue;
    try {
      const content = await readFile(join(dir, `${number}.pdf`));
      attachments.push({ filename: `${number}.pdf`, contentType: 'application/pdf', content: new Uint8Array(content) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return attachments;
}
