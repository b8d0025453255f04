/**
 * The send lock of a database file, `<db>.send.lock.<N>` (the file lock of ../../files/lock.ts on
 * the base `<db>.send`): a sending run holds it for its whole run, so two runs never send from
 * one file side by side, and a copy or backup holds it to be taken between sends.
 */
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { rethrowAsFileError } from '../../core/file-errors.js';
import { acquireLock, LockFiles, type LockHandle } from '../../files/lock.js';
import { describeHolder, tryAgainLater } from '../../files/lock-busy.js';

/** The base of the send lock of a database file; its lock files are `<db>.send.lock.<N>`. */
export function sendLockBase(dbPath: string): string {
  return `${dbPath}.send`;
}

/** The send lock for a sending run, waited for up to `waitMs`; a file-system refusal names it. */
export async function takeSendLock(dbPath: string, waitMs: number): Promise<LockHandle> {
  try {
    return await acquireLock(sendLockBase(dbPath), { timeoutMs: waitMs });
  } catch (error) {
    rethrowAsFileError(error, `${sendLockBase(dbPath)}.lock`);
  }
}

/**
 * The send lock for a copy or backup (`doing` names it), waited for up to `waitMs`; then exit 75
 * naming the run that sends.
 */
export async function holdFileSends(dbPath: string, { doing, waitMs }: { doing: string; waitMs: number }): Promise<LockHandle> {
  const waited = Math.round(waitMs / 1000);
  return acquireLock(sendLockBase(dbPath), {
    timeoutMs: waitMs,
    busy: (holder, file) =>
      new UserError(`${doing}: a send is under way on ${dbPath}: ${describeHolder(holder, file)}; waited ${waited} s; ${tryAgainLater(holder)}`, ExitCode.Busy),
  });
}

/**
 * Remove the write-lock and send-lock files of a database file this process tried to create and
 * could not (see LockFiles.removeAll). Not for a database that exists.
 */
export function removeLockFiles(dbPath: string): void {
  new LockFiles(dbPath).removeAll();
  new LockFiles(sendLockBase(dbPath)).removeAll();
}
