/**
 * Reading a bank statement file (docs/reference/bank.md §1): its bytes decoded, its format found
 * from the content unless given, and its credits and reversals read by the format's reader.
 */
import { readFile } from 'node:fs/promises';
import { BankFileProblem, type BankFormat, type BankStatement } from '../core/bank/credit.js';
import { UserError } from '../core/exit-codes.js';
import { plainFileReason } from '../core/file-errors.js';
import { readCamt } from './camt.js';
import { readMt940 } from './mt940.js';

/** UTF-8 when the bytes are UTF-8, else Windows-1252 (German MT940 files often are). */
export function decodeStatement(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The format of a statement's text: XML is camt, `:20:`/`:61:` tags are MT940. */
export function detectFormat(text: string): BankFormat {
  const start = text.trimStart();
  if (start.startsWith('<')) return 'camt';
  if (/^(\{1:|:20:)/.test(start) || /^:(20|25|28C|60F|61):/m.test(text)) return 'mt940';
  throw new BankFileProblem('line 1', 'neither camt XML nor an MT940 statement (use --format camt|mt940 if it is one)');
}

/** Parse a statement's text in `format` (detected when undefined). */
export function parseStatement(text: string, format?: BankFormat, progress?: (done: number, total: number) => void): BankStatement {
  const chosen = format ?? detectFormat(text);
  return chosen === 'camt' ? readCamt(text, progress) : readMt940(text, progress);
}

/** Read and parse `path` (shown as `name`); an unreadable or malformed file is a UserError naming where. */
export async function readStatement(
  path: string,
  name: string,
  format?: BankFormat,
  progress?: (done: number, total: number) => void,
): Promise<BankStatement> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (plainFileReason(code) ?? String(error));
    throw new UserError(`${name}: cannot read: ${reason}`);
  }
  try {
    return parseStatement(decodeStatement(bytes), format, progress);
  } catch (error) {
    if (error instanceof BankFileProblem) throw new UserError(`${name}: ${error.message}; nothing imported`);
    throw error;
  }
}
