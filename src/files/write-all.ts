/**
 * The one place bytes meet a file handle. A write may come back short with no error (a nearly
 * full file system does this); a writer that ignores the count leaves a cut file and carries on
 * as if it were whole. `writeAll` writes the rest or fails, and the file-handle factory is a seam
 * so tests can cut writes short or refuse them without a full disk.
 */
import { open } from 'node:fs/promises';
import { rethrowAsFileError, shortWriteError } from '../core/file-errors.js';

/** The part of a FileHandle the writers use (node:fs/promises FileHandle satisfies it). */
export interface WritableFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** Opens a file for writing, like fs/promises `open(path, flags, mode)`. */
export type OpenWritable = (path: string, flags: string, mode: number) => Promise<WritableFile>;

/** The real file system. */
export const openWritable: OpenWritable = (path, flags, mode) => open(path, flags, mode);

/**
 * Write every byte of `bytes` to `file`, continuing after short writes. A write that makes no
 * progress is a full disk; any refusal becomes a FileWriteError naming `path`.
 */
export async function writeAll(file: WritableFile, bytes: Uint8Array, path: string): Promise<void> {
  let written = 0;
  while (written < bytes.byteLength) {
    let n: number;
    try {
      ({ bytesWritten: n } = await file.write(bytes, written, bytes.byteLength - written));
    } catch (error) {
      rethrowAsFileError(error, path);
    }
    if (n <= 0) throw shortWriteError(path);
    written += n;
  }
}
