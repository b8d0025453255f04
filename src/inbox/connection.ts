/**
 * The company mailbox the inbox reads (docs/reference/inbox.md §1): the `imap.*` settings or
 * DUEDESK_IMAP_URL (`imap[s]://user@host:port/mailbox`), the password from the URL,
 * DUEDESK_IMAP_PASSWORD or `imap.passwordCommand` as for SMTP. Certificates are verified; plain
 * IMAP (no TLS) is allowed only to a loopback host, and otherwise STARTTLS is required.
 */
import { ExitCode, UserError } from '../core/exit-codes.js';
import type { Settings } from '../core/settings.js';
import { resolvePassword, type PasswordSource } from '../mail/password.js';
import { parseServerUrl, type ServerScheme } from '../mail/server-url.js';
import { isLoopback } from '../mail/transports/smtp.js';

/** IMAP's URL schemes and default ports. */
const IMAP_SCHEME: ServerScheme = { plain: 'imap', tls: 'imaps', plainPort: 143, tlsPort: 993 };
/** Where the IMAP password is looked for. */
const IMAP_PASSWORD: PasswordSource = { envVar: 'DUEDESK_IMAP_PASSWORD', setting: 'imap.passwordCommand' };

/** How to reach and read the mailbox. */
export interface ImapOptions {
  host: string;
  port: number;
  /** TLS from the start. */
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  moveTo: string | null;
  /** Where the settings came from, for messages: `imap.host` or `DUEDESK_IMAP_URL`. */
  origin: string;
}

/** The mailbox's key in the ledger: `user@host/mailbox` (the port and the scheme may change). */
export function mailboxKey(options: Pick<ImapOptions, 'user' | 'host' | 'mailbox'>): string {
  return `${options.user}@${options.host.toLowerCase()}/${options.mailbox}`;
}

/** Resolve the mailbox from settings and environment; UserError (exit 2) when it is not configured. */
export async function imapOptions(settings: Settings, env: NodeJS.ProcessEnv): Promise<ImapOptions> {
  const imap = settings.imap ?? {};
  const url = env.DUEDESK_IMAP_URL;
  const fromUrl = url !== undefined && url !== '' ? parseServerUrl(url, 'DUEDESK_IMAP_URL', IMAP_SCHEME) : null;
  const secure = fromUrl?.secure ?? imap.secure ?? true;
  const base = {
    host: fromUrl?.host ?? imap.host ?? '',
    port: fromUrl?.port ?? imap.port ?? (secure ? IMAP_SCHEME.tlsPort : IMAP_SCHEME.plainPort),
    secure,
    user: fromUrl?.user ?? imap.user ?? '',
    mailbox: (fromUrl?.path ?? '') || (imap.mailbox ?? 'INBOX'),
    moveTo: imap.moveTo ?? null,
    origin: fromUrl ? 'DUEDESK_IMAP_URL' : 'imap.host',
  };
  if (base.host === '') throw new UserError('no mailbox to read: set imap.host and imap.user (duedesk config set imap.host HOST), or DUEDESK_IMAP_URL');
  if (base.user === '') throw new UserError(`${fromUrl ? 'DUEDESK_IMAP_URL names no user' : 'imap.user is not set'} (the mailbox's login name)`);
  if (!Number.isInteger(base.port) || base.port < 1 || base.port > 65535) throw new UserError(`imap.port: ${String(base.port)} is not a port number`);
  const password = fromUrl?.password ?? (await resolvePassword(imap.passwordCommand, env, null, IMAP_PASSWORD));
  if (password === null) throw new UserError('no IMAP password: set DUEDESK_IMAP_PASSWORD or imap.passwordCommand (a command that prints it)');
  return { ...base, password };
}

/**
 * imapflow's connection options: certificates verified; without TLS from the start, STARTTLS is
 * required unless the server is this machine (a password never crosses a network in clear).
 */
export function clientOptions(options: ImapOptions): {
  host: string;
  port: number;
  secure: boolean;
  doSTARTTLS?: boolean;
  auth: { user: string; pass: string };
  tls: { rejectUnauthorized: true };
  logger: false;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
} {
  return {
    host: options.host,
    port: options.port,
    secure: options.secure,
    ...(options.secure || isLoopback(options.host) ? {} : { doSTARTTLS: true }),
    auth: { user: options.user, pass: options.password },
    tls: { rejectUnauthorized: true },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
  };
}

/** A connection or login failure as the command line reports it: exit 3, the server named, no secret. */
export function unreachable(options: ImapOptions, error: unknown): UserError {
  const record = (error ?? {}) as { authenticationFailed?: boolean; responseText?: string; code?: string; message?: string };
  const why = record.authenticationFailed
    ? `login refused for ${options.user}${record.responseText ? ` (${record.responseText})` : ''}`
    : (record.code ?? record.message ?? String(error));
  return new UserError(`cannot read the mailbox at ${options.host}:${options.port} (${options.origin}): ${why}`, ExitCode.TransportUnusable);
}
