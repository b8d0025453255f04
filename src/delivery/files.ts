/**
 * Printable letters for `letter` levels, written into `mail.printDir`
 * (docs/reference/messages.md §4.3). Invoice PDFs are attached by the documents layer
 * (src/documents/invoices.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-file.js';
import { safeFileName } from '../documents/file-names.js';
import { lettersFileName } from '../documents/letters-pdf.js';

/**
 * Write a run's letters, combined in send order, as `<asOf>-letters.pdf` into `printDir`; a later
 * run of the same day writes `<asOf>-letters-2.pdf` and so on, so no run's print file is lost.
 */
export async function writeCombinedLetters(printDir: string, asOf: string, pdf: Uint8Array): Promise<string> {
  await mkdir(printDir, { recursive: true });
  let path = join(printDir, lettersFileName(asOf));
  for (let run = 2; existsSync(path); run += 1) path = join(printDir, lettersFileName(asOf, run));
  await writeFileAtomic(path, pdf);
  return path;
}

/** Write a letter PDF as `<asOf>-<key>.pdf` into `printDir` (atomically; re-running overwrites). */
export async function writeLetter(printDir: string, asOf: string, key: string, pdf: Uint8Array): Promise<string> {
  await mkdir(printDir, { recursive: true });
  const path = join(printDir, `${asOf}-${safeFileName(key)}.pdf`);
  await writeFileAtomic(path, pdf);
  return path;
}
