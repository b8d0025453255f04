/** Placeholder until delivery lands: sends a plan and records every message. */
import type { MessageStatus } from '../core/domain.js';
import type { Plan } from '../core/plan.js';
import { UserError, type ExitCodeValue } from '../core/exit-codes.js';
import type { CommandContext } from '../cli/context.js';

/** What happened to one planned message. */
export interface MessageOutcome {
  key: string;
  status: Exclude<MessageStatus, 'sending'>;
  messageId: string | null;
  error: string | null;
}

/** What happened to a whole plan. */
export interface DeliveryOutcome {
  messages: MessageOutcome[];
  exitCode: ExitCodeValue;
}

/** Progress callback for the TUI and the CLI summary. */
export type ProgressListener = (outcome: MessageOutcome, done: number, total: number) => void;

/** Send every message of `plan` at most once, recording each in the history. */
export async function deliverPlan(
  _plan: Plan,
  _ctx: CommandContext,
  _onProgress?: ProgressListener,
): Promise<DeliveryOutcome> {
  throw new UserError('sending is not available yet');
}
