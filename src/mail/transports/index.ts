/** Choosing and building the configured transport (settings `mail.transport`, `smtp.*`, DUEDESK_SMTP_URL). */
import { UserError } from '../../core/exit-codes.js';
import type { Settings } from '../../core/settings.js';
import { outboxDir, type DataPlace } from '../../settings/paths.js';
import { resolvePassword } from '../password.js';
import { parseServerUrl, type ServerScheme } from '../server-url.js';
import { createOutboxTransport } from './outbox.js';
import { createSmtpTransport, type SmtpOptions } from './smtp.js';
import type { Transport } from './types.js';

export type { Transport, SendEnvelope, SendResult, RecipientResult, FailureKind } from './types.js';
export { SendFailure } from './types.js';

/** SMTP's URL schemes and default ports. */
const SMTP_SCHEME: ServerScheme = { plain: 'smtp', tls: 'smtps', plainPort: 587, tlsPort: 465 };

/** SMTP options from DUEDESK_SMTP_URL (`smtp[s]://user:pass@host:port`); UserError when malformed. */
export function smtpOptionsFromUrl(url: string): Omit<SmtpOptions, 'maxConnections' | 'rateLimit'> {
  const { host, port, secure, user, password } = parseServerUrl(url, 'DUEDESK_SMTP_URL', SMTP_SCHEME);
  return { host, port, secure, user, password };
}

/** Tuning that tests and benchmarks may override (timeouts, certificate checks). */
export type SmtpTuning = Partial<
  Pick<SmtpOptions, 'connectionTimeoutMs' | 'greetingTimeoutMs' | 'socketTimeoutMs' | 'rejectUnauthorized' | 'maxMessagesPerConnection'>
>;

/**
 * The transport the settings and environment ask for; `sessionPassword` is one typed in the TUI
 * for this session. Throws UserError for a bad configuration.
 */
export async function createTransport(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  place: DataPlace,
  tuning: SmtpTuning = {},
  sessionPassword: string | null = null,
): Promise<Transport> {
  const url = env.DUEDESK_SMTP_URL;
  const useSmtp = (url !== undefined && url !== '') || settings.mail?.transport === 'smtp';
  if (!useSmtp) return createOutboxTransport(outboxDir(settings, place));
  const smtp = settings.smtp ?? {};
  const base =
    url !== undefined && url !== ''
      ? smtpOptionsFromUrl(url)
      : {
          host: smtp.host ?? '',
          port: smtp.port ?? (smtp.secure ? 465 : 587),
          secure: smtp.secure ?? false,
          user: smtp.user ?? null,
          password: null,
        };
  if (base.host === '') {
    throw new UserError('mail.transport is smtp but smtp.host is not set (duedesk config set smtp.host HOST)');
  }
  if (!Number.isInteger(base.port) || base.port < 1 || base.port > 65535) {
    throw new UserError(`smtp.port: ${String(base.port)} is not a port number`);
  }
  const password = base.password ?? (base.user === null ? null : await resolvePassword(smtp.passwordCommand, env, sessionPassword));
  return createSmtpTransport({
    ...base,
    password,
    maxConnections: smtp.maxConnections ?? 5,
    rateLimit: smtp.rateLimit ?? null,
    ...tuning,
  });
}
