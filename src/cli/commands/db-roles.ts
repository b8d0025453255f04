/**
 * `duedesk db roles setup | grant ROLE clerk|supervisor|admin | revoke ROLE` (docs/reference/cli.md
 * §14, docs/reference/roles.md §3): the group roles a shared ledger's server enforces, and who is in
 * which. Each change is recorded in the audit trail.
 */
import { recordChange } from '../../actions/audit-trail.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import type { CommandContext } from '../../runtime/context.js';
import type { Ledger } from '../../storage/ledger.js';
import { grantLevel, groupRole, isPermissionRefusal, revokeLevels, ROLE_LEVELS, setupRoles, type RoleLevel } from '../../storage/roles.js';

/** Usage of the role commands. */
export const ROLES_USAGE = 'usage: duedesk db roles setup | db grant ROLE clerk|supervisor|admin | db revoke ROLE';

/** `db roles setup`, `db grant …` or `db revoke …` as the words after `db`; returns the exit code. */
export async function runDbRoles(words: readonly string[], ctx: CommandContext): Promise<number> {
  const [action, ...rest] = words;
  if (action === 'roles' && rest.length === 1 && rest[0] === 'setup') return setup(ctx);
  if (action === 'grant' && rest.length === 2) return grant(rest[0]!, level(rest[1]!), ctx);
  if (action === 'revoke' && rest.length === 1) return revoke(rest[0]!, ctx);
  throw new UserError(`db ${words.join(' ')}: ${action === 'roles' ? 'roles what? (setup)' : 'wrong arguments'}\n${ROLES_USAGE}`);
}

function level(given: string): RoleLevel {
  const found = ROLE_LEVELS.find((l) => l === given);
  if (found === undefined) throw new UserError(`db grant: "${given}" is not a level (${ROLE_LEVELS.join(', ')})\n${ROLES_USAGE}`);
  return found;
}

/** Run a role change; the server's refusal says who may do it. */
async function asOwner<T>(ledger: Ledger, doing: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!isPermissionRefusal(error)) throw error;
    throw new UserError(`${doing} needs the ledger's owner (or a role that may manage the duedesk roles); you are ${ledger.user}: ${(error as Error).message}`);
  }
}

async function setup(ctx: CommandContext): Promise<number> {
  const ledger = await ctx.openLedger();
  await asOwner(ledger, 'db roles setup', () => ledger.write(setupRoles));
  await recordChange(ledger, ctx, { action: 'db roles setup', customerCode: null, subject: null, oldValue: null, newValue: ROLE_LEVELS.map(groupRole).join(', '), detail: null });
  ctx.stdout.write(`${ledger.location}: roles ${ROLE_LEVELS.map(groupRole).join(', ')} set up; add people with duedesk db grant ROLE clerk|supervisor|admin\n`);
  return ExitCode.Ok;
}

async function grant(user: string, to: RoleLevel, ctx: CommandContext): Promise<number> {
  const ledger = await ctx.openLedger();
  const before = await asOwner(ledger, 'db grant', () => ledger.write((sql) => grantLevel(sql, user, to)));
  await recordChange(ledger, ctx, { action: 'db grant', customerCode: null, subject: user, oldValue: before.map(groupRole).join(', ') || null, newValue: groupRole(to), detail: null });
  ctx.stdout.write(`${user} is now ${groupRole(to)}${before.length > 0 && !(before.length === 1 && before[0] === to) ? ` (was ${before.map(groupRole).join(', ')})` : ''}\n`);
  return ExitCode.Ok;
}

async function revoke(user: string, ctx: CommandContext): Promise<number> {
  const ledger = await ctx.openLedger();
  const before = await asOwner(ledger, 'db revoke', () => ledger.write((sql) => revokeLevels(sql, user)));
  await recordChange(ledger, ctx, { action: 'db revoke', customerCode: null, subject: user, oldValue: before.map(groupRole).join(', ') || null, newValue: null, detail: null });
  ctx.stdout.write(before.length > 0 ? `${user} is no longer ${before.map(groupRole).join(', ')}\n` : `${user} was in no duedesk role\n`);
  return ExitCode.Ok;
}
