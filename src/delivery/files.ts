/**
 * Printable letters for `letter` levels, written into `mail.printDir`
 * (docs/reference/messages.md §4.3). Invoice PDFs are attached by the documents layer
 * (src/documents/invoices.ts).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-file.js';
import { safeFileName } from '../documents/file-names.js';

/** Write a letter PDF as `<asOf>-<key>.pdf` into `printDir` (atomically; re-running overwrites). */
export async function writeLetter(printDir: string, asOf: string, key: string, pdf: Uint8Array): Promise<string> {
  await mkdir(printDir, { recursive: true });
  const path = join(printDir, `${asOf}-${safeFileName(key)}.pdf`);
  await writeFileAtomic(path, pdf);
  return path;
}
