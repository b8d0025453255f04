/** What the collection commands (promise, dispute, note) share: who records, on which day, and strict flags. */
import type { Actor } from '../../collections/actor.js';
import { isIsoDate, localDate } from '../../core/dates.js';
import { UserError } from '../../core/exit-codes.js';
import { operatorName } from '../../delivery/record.js';
import type { CommandContext } from '../../runtime/context.js';

/** The clerk (settings `operator`, else the OS user), the day (--as-of, else today) and the wall-clock time. */
export function actorOf(ctx: CommandContext, command: string, asOf: string | undefined): Actor {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UserError(`${command}: --as-of "${asOf}" is not a date YYYY-MM-DD`);
  const now = ctx.now();
  return { operator: operatorName(ctx.settings.read().operator), asOf: asOf ?? localDate(now), at: now.toISOString() };
}
