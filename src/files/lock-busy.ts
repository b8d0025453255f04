/**
 * What a process that gives up waiting for the lock says (exit 75): who holds it, for how long
 * and which lock file, so an operator can tell a long send from a lock left by a dead host.
 */
import { ExitCode, UserError } from '../core/exit-codes.js';
import { declaredLease } from './lock-lease.js';
import type { LockInfo } from './lock-info.js';

/** The longest command line recorded in a lock file. */
const MAX_COMMAND = 80;

/** This process's command line as the operator typed it, recorded in its lock files. */
export function commandLine(): string {
  const text = ['duedesk', ...process.argv.slice(2)].join(' ');
  return text.length > MAX_COMMAND ? `${text.slice(0, MAX_COMMAND - 1)}…` : text;
}

/** "3 min 12 s", "45 s", "2 h 5 min": how long a lock has been held, to the second. */
export function heldFor(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Who holds a lock, for a message: `held by pid 1234 on host X (duedesk --send-due) for 3 min
 * 12 s; lock file /path/db.lock.7`. `file` null: the one ahead of us is a process waiting in
 * line, which holds no lock file yet.
 */
export function describeHolder(holder: LockInfo | null, file: string | null, now: number = Date.now()): string {
  if (holder === null) return file === null ? 'another duedesk process took it first' : `unreadable lock file ${file}`;
  const since = Date.parse(holder.acquiredAt);
  const command = holder.command ? ` (${holder.command})` : '';
  const duration = Number.isNaN(since) ? '' : ` for ${heldFor(now - since)}`;
  const who = `pid ${holder.pid} on host ${holder.hostname}`;
  if (file === null) return `${who} is waiting for it first`;
  return `held by ${who}${command}${duration}; lock file ${file}`;
}

/** "try again later (a lock not refreshed for 60 s is taken over)", with the holder's lease. */
export function tryAgainLater(holder: LockInfo | null): string {
  return `try again later (a lock not refreshed for ${Math.round(declaredLease(holder?.leaseMs) / 1000)} s is taken over)`;
}

/**
 * The exit-75 error: `the database is busy: held by pid 1234 on host X (duedesk --send-due) for
 * 3 min 12 s; lock file /path/db.lock.7; try again later`.
 */
export function busyError(holder: LockInfo | null, file: string | null, now: number = Date.now()): UserError {
  return new UserError(`the database is busy: ${describeHolder(holder, file, now)}; ${tryAgainLater(holder)}`, ExitCode.Busy);
}
