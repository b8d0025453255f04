/**
 * The real DeskServices of an operator session: the desk's actions bound to the session's ledger,
 * settings, clock and state. Documents, delivery and import load on first use, so the desk's first
 * frame does not wait for jspdf and nodemailer.
 */
import { actionDeps, deskActions, type DepsOptions } from '../actions/index.js';
import type { CommandContext } from '../runtime/context.js';
import type { DeskServices } from './services.js';

/** What a session may be given instead of the real parts (tests count planning through it). */
export type ServiceSeams = Pick<DepsOptions, 'planDue'>;

/** Build the services of an operator session from the command context. */
export async function createServices(ctx: CommandContext, seams: ServiceSeams = {}): Promise<DeskServices> {
  return deskActions(await actionDeps(ctx, seams));
}
