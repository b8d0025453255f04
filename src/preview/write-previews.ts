/** Placeholder until documents land: writes every planned message as .eml and .pdf into a folder. */
import type { Plan } from '../core/plan.js';
import { UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';

/** Write `DIR/<key>.eml` and `DIR/<key>.pdf` for each planned message; returns the files written. */
export async function writePreviews(_plan: Plan, _dir: string, _ctx: CommandContext): Promise<string[]> {
  throw new UserError('--out is not available yet');
}
