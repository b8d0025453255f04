/**
 * The interactive session (`duedesk`, `duedesk --review`): builds the desk's services from the
 * command context and runs the Ink app until the operator quits.
 */
import { ExitCode, UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../runtime/context.js';

/** Options of the interactive session. */
export interface TuiOptions {
  review: boolean;
}

/** Open the TUI; resolves with the exit code when the operator quits. */
export async function runTui(options: TuiOptions, ctx: CommandContext): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('the desk needs an interactive terminal; for scripts use --send-due (or --send-due --dry-run)');
  }
  // Keys typed while the desk loads (a big database takes seconds to open) would be echoed by the
  // terminal over the screen; in raw mode they wait in the input buffer, unechoed, for Ink to read.
  process.stdin.setRawMode(true);
  let instance: { waitUntilExit(): Promise<unknown> };
  try {
    // React and Ink choose their build when first loaded; unset, they load the development build,
    // which draws each frame several times slower. Hence no JSX here and the imports below.
    process.env.NODE_ENV ??= 'production';
    const [{ render }, { createElement }, { App }, { createServices }, { readOnlyServices }] = await Promise.all([
      import('ink'),
      import('react'),
      import('./app.js'),
      import('./services-impl.js'),
      import('./services.js'),
    ]);
    const real = await createServices(ctx);
    const services = options.review ? readOnlyServices(real) : real;
    // The App handles Ctrl-C itself: during a send it stops after the messages in flight and quits
    // when the run has ended (the history then holds what was sent), instead of leaving mid-run.
    instance = render(createElement(App, { services, review: options.review, asOf: services.today() }), { exitOnCtrlC: false });
  } catch (error) {
    process.stdin.setRawMode(false);
    throw error;
  }
  await instance.waitUntilExit();
  return ExitCode.Ok;
}
