/** Placeholder until import lands. */
import { UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';

/** `duedesk import customers|items|payments|plans FILE [options]`; returns the exit code. */
export async function runImport(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new UserError('import is not available yet');
}
