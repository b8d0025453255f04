/** Placeholder until the TUI lands. */
import { UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';

/** Options of the interactive session. */
export interface TuiOptions {
  review: boolean;
}

/** Open the TUI; resolves with the exit code when the operator quits. */
export async function runTui(_options: TuiOptions, _ctx: CommandContext): Promise<number> {
  throw new UserError('the terminal UI is not available yet');
}
