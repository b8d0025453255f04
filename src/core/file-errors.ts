/**
 * File-system failures the user can fix (disk full, read-only file system, permission, quota) as
 * one kind of UserError: `cannot write FILE: <plain reason>`, exit 2. Every writer wraps its
 * failures through `asFileError`, and the CLI's last-resort handler does the same for anything
 * that slipped through, so such a failure is never reported as an internal error.
 */
import { ExitCode, UserError } from './exit-codes.js';

/** errno codes that mean "this file could not be written", with the words a user reads. */
const PLAIN_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EFBIG: 'file too large',
  EIO: 'input/output error',
};

/** A file that could not be written (or created, renamed, removed, locked). Exit code 2. */
export class FileWriteError extends UserError {
  /**
   * @param path the file (or folder) that could not be written
   * @param reason plain words: "disk full", "read-only file system", …
   * @param code the errno code behind it, when there is one
   */
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`cannot write ${path}: ${reason}`, ExitCode.Usage);
  }
}

/** The plain reason for an errno code that means the file system refused a write, else undefined. */
export function plainFileReason(code: unknown): string | undefined {
  return typeof code === 'string' ? PLAIN_REASONS[code] : undefined;
}

/**
 * `error` as a FileWriteError naming `path` (or the path the error itself carries) when it is a
 * file-system refusal (ENOSPC, EROFS, EACCES, EDQUOT, …); otherwise undefined, so callers rethrow
 * the original. A FileWriteError passes through unchanged.
 */
export function asFileError(error: unknown, path?: string): FileWriteError | undefined {
  if (error instanceof FileWriteError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, path: errorPath } = error as NodeJS.ErrnoException;
  const reason = plainFileReason(code);
  if (reason === undefined) return undefined;
  const named = path ?? (typeof errorPath === 'string' ? errorPath : undefined) ?? 'a file';
  return new FileWriteError(named, reason, code);
}

/** Throw `error` as a FileWriteError naming `path` when it is one (see asFileError), else as it is. */
export function rethrowAsFileError(error: unknown, path?: string): never {
  throw asFileError(error, path) ?? error;
}

/**
 * A write that came back short (fewer bytes written than given, no error): what a full file system
 * does on some platforms. Treated as disk full, so nothing after it assumes the bytes are there.
 */
export function shortWriteError(path: string): FileWriteError {
  return new FileWriteError(path, 'disk full', 'ENOSPC');
}
