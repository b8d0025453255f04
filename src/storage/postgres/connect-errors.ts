/**
 * What a PostgreSQL failure means for the user, with the URL masked: a server that cannot be
 * reached or refuses the login is a configuration problem (exit 2) named with its URL; a write
 * lock held too long is "busy, try again later" (exit 75), like the file's lock.
 */
import { ExitCode, UserError } from '../../core/exit-codes.js';

/** SQLSTATE and Node error codes that mean "could not connect or log in". */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '28P01', // password authentication failed
  '28000', // no pg_hba.conf entry / role may not log in
  '3D000', // database does not exist
  '57P03', // the server is starting up or shutting down
]);

/**
 * Codes that mean the connection itself failed or the server is going away (SQLSTATE class 08,
 * administrator or crash shutdown), as opposed to a statement the server refused.
 */
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/** pg's own words for a connection that ended under it (these errors carry no code). */
const LOST_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Did `error` come from the connection to the server breaking (not from a statement)? */
export function isConnectionLoss(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined) return LOST_CODES.has(code) || code.startsWith('08');
  return error instanceof Error && LOST_MESSAGES.test(error.message);
}

/** The error's code (pg's SQLSTATE or Node's errno name), if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A connection or login failure as a UserError naming the masked URL; other errors unchanged. */
export function asConnectError(error: unknown, location: string): unknown {
  const code = errorCode(error);
  if (error instanceof UserError || code === undefined || !CONNECT_CODES.has(code)) return error;
  const reason = (error as Error).message || code;
  return new UserError(`cannot connect to the ledger ${location}: ${reason}`);
}

/** The ledger's write lock was not had within the wait: exit 75, naming who holds it. */
export function busyError(location: string, holder: string | null, waitedMs: number): UserError {
  const who = holder === null ? 'another duedesk session' : holder;
  return new UserError(
    `the ledger ${location} is busy: held by ${who}; waited ${Math.round(waitedMs / 1000)} s; try again later`,
    ExitCode.Busy,
  );
}
