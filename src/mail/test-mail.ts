/**
 * One short test e-mail through the configured transport, so the operator learns at once whether
 * the SMTP settings, the password and the sender address work. `duedesk config test-mail` and the
 * TUI settings screen both send it.
 */
import type { Settings } from '../core/settings.js';
import type { DataPlace } from '../settings/paths.js';
import { sendSingleMail, type NoticeProof, type SingleMailResult } from './single-mail.js';

const TEXT = 'This is a test e-mail from duedesk. If you can read it, reminders can be sent with these settings.';

/**
 * Send a test e-mail to `address` with the current settings (and the TUI's session password),
 * kept and recorded as a notice in `keeper`'s ledger; never throws for a send problem.
 */
export async function sendTestMail(
  address: string,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  place: DataPlace,
  now: Date,
  keeper: Pick<NoticeProof, 'ledger' | 'operator'>,
  sessionPassword: string | null = null,
): Promise<SingleMailResult> {
  const sender = settings.smtp?.from ?? settings.company?.email ?? '';
  const mail = {
    key: 'test-mail',
    what: 'test-mail',
    to: address,
    subject: `duedesk test e-mail from ${settings.company?.name ?? sender.replace(/^.*<([^<>]*)>\s*$/, '$1')}`,
    text: `${TEXT}\n`,
    html: `<p>${TEXT}</p>`,
  };
  return sendSingleMail(mail, settings, env, place, now, sessionPassword, { ...keeper, kind: 'test', customerCode: null });
}
