/**
 * Turning the bytes of an import file into text: UTF-8 (BOM stripped) unless the user names
 * another encoding. Invalid UTF-8 is refused with the line where it starts, never replaced by
 * U+FFFD, so a windows-1253 file read as UTF-8 fails loudly instead of importing mojibake.
 */
import { TextDecoder } from 'node:util';
import { UserError } from '../core/exit-codes.js';

/** Decode `bytes` of `file` (used in messages) with `encoding` (default utf-8). Throws UserError. */
export function decodeCsvBytes(bytes: Uint8Array, file: string, encoding?: string): string {
  const label = encoding ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    // ignoreBOM false: the decoder drops a BOM of its own encoding.
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new UserError(`--encoding: unknown encoding "${label}" (e.g. utf-8, windows-1253, iso-8859-7, windows-1251)`);
  }
  try {
    return stripBom(decoder.decode(bytes));
  } catch {
    const line = firstBadLine(bytes, label);
    const hint = encoding === undefined ? '; use --encoding, e.g. --encoding windows-1253' : '';
    throw new UserError(`${file}: not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding} (line ${line})${hint}`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Only runs on failure: decode line by line to name the first line that does not decode.
function firstBadLine(bytes: Uint8Array, label: string): number {
  const decoder = new TextDecoder(label, { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line += 1;
  }
  return line;
}
