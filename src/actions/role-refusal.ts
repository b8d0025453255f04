/**
 * What a refusal by the server's roles says (docs/reference/roles.md §3): which role the change
 * needs and who the clerk is — `changing policy.levels needs duedesk_admin; you are alice
 * (duedesk_clerk)` — exit 2, nothing changed (the refused transaction was rolled back).
 */
import { UserError } from '../core/exit-codes.js';
import type { Ledger } from '../storage/ledger.js';
import { groupRole, isPermissionRefusal, rolesOfSession, type RoleLevel } from '../storage/roles.js';

/** A change the ledger's roles refused. */
export class RoleRefusal extends UserError {
  constructor(doing: string, needs: RoleLevel, user: string, roles: readonly string[]) {
    super(`${doing} needs ${groupRole(needs)}; you are ${user} (${roles.length > 0 ? roles.join(', ') : 'no duedesk role'})`);
  }
}

/** `error` as the user must read it: a refusal by the server's roles names the role `doing` needs; anything else unchanged. */
export async function asRoleRefusal(error: unknown, ledger: Ledger, doing: string, needs: RoleLevel): Promise<unknown> {
  if (!isPermissionRefusal(error)) return error;
  const message = error instanceof Error ? error.message : '';
  // The server's own explanation when it gives one (four eyes names the proposer), else the role.
  if (message.startsWith('four eyes:')) return new UserError(message);
  const roles = await ledger.read(rolesOfSession).catch(() => []);
  return new RoleRefusal(doing, needs, ledger.user, roles);
}

/** `run` with the server's refusals said plainly (see asRoleRefusal). */
export function refusedByRole<D extends { ledger: Ledger }, I, R>(doing: string, needs: RoleLevel, run: (deps: D, input: I) => R): (deps: D, input: I) => R {
  return (deps: D, input: I): R => {
    const result = run(deps, input);
    if (!(result instanceof Promise)) return result;
    return result.catch(async (error: unknown) => {
      throw await asRoleRefusal(error, deps.ledger, doing, needs);
    }) as R;
  };
}
