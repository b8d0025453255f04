/**
 * What the session may change, known once when the desk opens (docs/reference/roles.md §3.1): the
 * desk leaves out the keys of actions that need more and says why when one is pressed, before
 * anything is attempted, in the words the server's refusal uses.
 */
import type { Ledger } from '../storage/ledger.js';
import { levelAllows, levelOfSession, rolesOfSession, type RoleLevel } from '../storage/roles.js';
import { defineAction, type Action } from './action.js';
import { RoleRefusal } from './role-refusal.js';

/** Who the session is and the most it may do (`admin` on a file ledger: one user, everything). */
export interface SessionRights {
  user: string;
  level: RoleLevel | null;
  /** Its duedesk group, as the refusal names it. */
  roles: string[];
}

/** The session's rights, read once. */
export const sessionRights = defineAction({
  name: 'session rights',
  changes: false,
  run: async ({ ledger }: { ledger: Ledger }, _input?: undefined): Promise<SessionRights> => ({
    user: ledger.user,
    level: await ledger.read(levelOfSession),
    roles: await ledger.read(rolesOfSession),
  }),
});

/** Why `rights` may not run `action` (the server's refusal, said before asking it), or null when it may. */
export function refusalFor<D, I, R>(action: Action<D, I, R> | undefined, rights: SessionRights | null): string | null {
  if (action === undefined || !action.changes || rights === null) return null;
  const needs = action.needs ?? 'clerk';
  return levelAllows(rights.level, needs) ? null : new RoleRefusal(action.refused, needs, rights.user, rights.roles).message;
}
