/** The file-reading edge of import: bytes → text → header record + data records. */
import { readFile } from 'node:fs/promises';
import type { CsvRecord } from '../core/csv/types.js';
import { UserError } from '../core/exit-codes.js';
import { decodeCsvBytes } from './decode.js';
import { detectDelimiter, eachRecord } from './records.js';

/** A CSV file split into its header and its data records (read once, in order, as they are split). */
export interface CsvFile {
  header: CsvRecord;
  records: Iterable<CsvRecord>;
  /** Lines after the header: what a progress line counts towards (blank lines included). */
  lines: number;
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return text.endsWith('\n') || text === '' ? lines : lines + 1;
}

/** Split decoded CSV text into header and records (`file` names it in messages). Throws UserError. */
export function splitCsvText(text: string, file: string): CsvFile {
  const records = eachRecord(text, detectDelimiter(text), file)[Symbol.iterator]();
  const header = records.next();
  if (header.done === true) throw new UserError(`${file}: the file is empty; expected a header row`);
  return { header: header.value, records: { [Symbol.iterator]: () => records }, lines: Math.max(0, countLines(text) - header.value.line) };
}

/** Read, decode and split the CSV file at `path`; `file` is how messages name it. Throws UserError. */
export async function readCsvFile(path: string, file: string, encoding?: string): Promise<CsvFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new UserError(`${file}: cannot read: ${reason}`);
  }
  return splitCsvText(decodeCsvBytes(bytes, file, encoding), file);
}
