/**
 * The interactive session (`duedesk`, `duedesk --review`): builds the desk's services from the
 * command context and runs the Ink app until the operator quits.
 */
import { render } from 'ink';
import React from 'react';
import { ExitCode, UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';
import { App } from './app.js';
import { createServices } from './services-impl.js';
import { readOnlyServices } from './services.js';

/** Options of the interactive session. */
export interface TuiOptions {
  review: boolean;
}

/** Open the TUI; resolves with the exit code when the operator quits. */
export async function runTui(options: TuiOptions, ctx: CommandContext): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('the desk needs an interactive terminal; for scripts use --send-due (or --send-due --dry-run)');
  }
  const real = await createServices(ctx);
  const services = options.review ? readOnlyServices(real) : real;
  const instance = render(<App services={services} review={options.review} asOf={services.today()} />, {
    exitOnCtrlC: true,
  });
  await instance.waitUntilExit();
  return ExitCode.Ok;
}
