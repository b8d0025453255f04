/**
 * The PostgreSQL URL a ledger is selected by (`--db postgres://…`, `DUEDESK_DB`): recognising
 * it, masking its password for every message, and refusing one typed on the command line.
 */
import { UserError } from '../../core/exit-codes.js';

/** The `user:password@` part of a URL, or null. */
function userInfo(url: string): { start: number; end: number; password: boolean } | null {
  const afterScheme = url.indexOf('://') + 3;
  const slash = url.indexOf('/', afterScheme);
  const authorityEnd = slash === -1 ? url.length : slash;
  const at = url.lastIndexOf('@', authorityEnd - 1);
  if (at < afterScheme) return null;
  return { start: afterScheme, end: at, password: url.slice(afterScheme, at).includes(':') };
}

/** Does the URL carry a password (`postgres://user:secret@host/db`)? */
export function urlHasPassword(url: string): boolean {
  return userInfo(url)?.password === true;
}

/**
 * The URL with any password replaced by `***`, and `password=` query parameters too: the only
 * form of a PostgreSQL URL that may appear in a message, a log line or `Ledger.location`.
 */
export function maskUrl(url: string): string {
  let masked = url;
  const info = userInfo(url);
  if (info?.password) {
    const user = url.slice(info.start, info.end).split(':')[0];
    masked = `${url.slice(0, info.start)}${user}:***${url.slice(info.end)}`;
  }
  return masked.replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/**
 * A URL given on the command line is visible to every user of the machine (`ps`) and kept in
 * shell histories: refuse one with a password and say where it goes instead. `given` names
 * where it was typed (`--db`, `db copy`).
 */
export function refusePasswordOnCommandLine(url: string, given = '--db'): void {
  if (urlHasPassword(url) || /[?&]password=/i.test(url)) {
    throw new UserError(
      `${given} ${maskUrl(url)}: a password does not belong on the command line (other users see it in the process list); ` +
        'set PGPASSWORD, use ~/.pgpass or the db.passwordCommand setting',
    );
  }
}
