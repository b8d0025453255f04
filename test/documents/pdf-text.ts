/** Text extraction from a PDF with pdfjs-dist, page by page, as a reader's copy-and-paste would see it. */
import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page (items joined by spaces). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

/** The text lines of the first page, top to bottom: items on one baseline joined by spaces. */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  const rows = new Map<number, string[]>();
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const y = Math.round(item.transform[5] as number);
    rows.set(y, [...(rows.get(y) ?? []), item.str]);
  }
  await pdf.destroy();
  return [...rows].sort(([a], [b]) => b - a).map(([, parts]) => parts.join(' '));
}

/** The text of a PDF as poppler's `pdftotext` (path `bin`) gives it, in reading order. */
export function pdftotextOf(bin: string, bytes: Uint8Array): string {
  return execFileSync(bin, ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
