/**
 * Telling the sales agent about a new dispute: the `dispute` template in the customer's language,
 * sent as one e-mail after the dispute is recorded. A notice that cannot go (no sender address,
 * a broken template, a refusing server) leaves the dispute recorded and comes back as a failed
 * result with the reason, never as an error: the dispute is done, and the caller says the agent
 * was not told.
 */
import { ExitCode, UserError } from '../core/exit-codes.js';
import { FileWriteError } from '../core/file-errors.js';
import type { Ledger } from '../storage/ledger.js';
import type { Settings } from '../core/settings.js';
import { disputeView } from '../core/templates/dispute-view.js';
import { renderTexts } from '../core/templates/render.js';
import { loadTemplatesFor } from '../documents/load-templates.js';
import { sendSingleMail, type SingleMailResult } from '../mail/single-mail.js';
import type { DataPlace } from '../settings/paths.js';
import type { DisputeMarked } from './disputes.js';

/** Where the notice is kept and who sends it (docs/reference/cli.md §11.4). */
export interface NoticeKeeper {
  ledger: Ledger;
  operator: string;
}

/**
 * Send the notice of `marked` to its agent, kept in the archive and recorded as a notice;
 * resolves to null when the customer has no agent.
 */
export async function notifyAgent(
  marked: DisputeMarked,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  place: DataPlace,
  now: Date,
  keeper: NoticeKeeper,
  sessionPassword: string | null = null,
): Promise<SingleMailResult | null> {
  if (marked.notify === null) return null;
  try {
    // A relative templatesDir means the same folder as for reminders: resolved against the session's cwd.
    const templates = loadTemplatesFor(settings, place.cwd);
    const texts = renderTexts(templates.template(marked.customer.language, 'dispute'), disputeView(marked.notify.notice, settings));
    const mail = { key: `dispute-${marked.customer.code}-${marked.item.number}`, what: WHAT, to: marked.notify.to, ...texts };
    const proof = { ...keeper, kind: 'dispute' as const, customerCode: marked.customer.code };
    return await sendSingleMail(mail, settings, env, place, now, sessionPassword, proof);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const detail = text.startsWith(`${WHAT}: `) ? text.slice(WHAT.length + 2) : text;
    const failed = { ok: false, transport: '', messageId: '', detail, exitCode: error instanceof UserError ? ExitCode.Usage : ExitCode.SomeFailed };
    // No proof, no notice (docs/reference/cli.md §11.1): the dispute stands, the agent is not told.
    return error instanceof FileWriteError ? { ...failed, fileStop: true } : failed;
  }
}

const WHAT = 'dispute';
