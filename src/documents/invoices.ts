/**
 * Invoice PDFs attached when a level asks for them (`mail.invoiceDir/<item number>.pdf`). Item
 * numbers come from imported data, so a number that is not a plain file name is never used as one.
 * A message never goes out without an invoice it should carry: planning holds such messages back
 * (missing-invoices.ts) and building one whose file has gone since refuses.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Attachment } from '../core/message.js';
import type { PlannedMessage } from '../core/plan.js';

const plainName = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,119}$/u;

/** One invoice a message should carry: its item number and file (null when the number is no file name). */
interface InvoiceFile {
  number: string;
  path: string | null;
}

/** The invoice files of the reminded items of `planned`, in `dir` (already resolved). */
function invoiceFiles(planned: PlannedMessage, dir: string): InvoiceFile[] {
  return planned.lines
    .filter((line) => line.pending)
    .map(({ item: { number } }) => ({ number, path: plainName.test(number) && !number.includes('..') ? join(dir, `${number}.pdf`) : null }));
}

/** Why `file` cannot be attached, or null when it is a readable-looking file. */
function fileProblem(file: InvoiceFile): string | null {
  if (file.path === null) return `invoice ${JSON.stringify(file.number)}: the item number is not usable as a file name`;
  try {
    const stat = statSync(file.path, { throwIfNoEntry: false });
    if (stat === undefined) return file.path;
    return stat.isFile() ? null : `${file.path} (not a file)`;
  } catch (error) {
    return `${file.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/**
 * The invoice PDFs `planned` should attach but cannot: each named by its path (or why there is
 * none). Empty when the level attaches no invoices or every file is there.
 */
export function missingInvoices(planned: PlannedMessage, invoiceDir: string | undefined, cwd: string): string[] {
  if (!planned.attachInvoices) return [];
  if (!invoiceDir) return ['mail.invoiceDir is not set (the level attaches invoice PDFs)'];
  return invoiceFiles(planned, resolve(cwd, invoiceDir)).flatMap((file) => fileProblem(file) ?? []);
}

/** Attachments for the reminded items of `planned`; throws naming the file when one cannot be read. */
export async function readInvoiceAttachments(planned: PlannedMessage, invoiceDir: string, cwd: string): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  for (const file of invoiceFiles(planned, resolve(cwd, invoiceDir))) {
    if (file.path === null) throw new Error(`missing attachment: ${fileProblem(file) ?? file.number}`);
    try {
      const content = await readFile(file.path);
      attachments.push({ filename: `${file.number}.pdf`, contentType: 'application/pdf', content: new Uint8Array(content) });
    } catch (error) {
      throw new Error(`missing attachment: ${file.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return attachments;
}
