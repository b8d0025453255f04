/** Placeholder until export lands. */
import { UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';

/** `duedesk export history|customers|items [--from D] [--to D]`; returns the exit code. */
export async function runExport(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new UserError('export is not available yet');
}
