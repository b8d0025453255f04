/**
 * A mail server named by a URL in the environment (`DUEDESK_SMTP_URL`, `DUEDESK_IMAP_URL`):
 * scheme (plain or TLS from the start), host, port, user, password and path, with a message
 * naming the variable when it is malformed (docs/reference/settings.md §4).
 */
import { UserError } from '../core/exit-codes.js';

/** The two schemes of one protocol and its default ports. */
export interface ServerScheme {
  /** Plain (STARTTLS) scheme, e.g. `smtp`. */
  plain: string;
  /** TLS-from-the-start scheme, e.g. `smtps`. */
  tls: string;
  plainPort: number;
  tlsPort: number;
}

/** What a server URL names. */
export interface ServerUrl {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The path without its leading slash, decoded; empty when none. */
  path: string;
}

/** Parse the URL in the environment variable `variable`; UserError when malformed. */
export function parseServerUrl(url: string, variable: string, scheme: ServerScheme): ServerUrl {
  const shape = `${scheme.plain}[s]://user:pass@host:port`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`${variable} is not a URL (expected ${shape})`);
  }
  if (parsed.protocol !== `${scheme.plain}:` && parsed.protocol !== `${scheme.tls}:`) {
    throw new UserError(`${variable}: scheme must be ${scheme.plain}: or ${scheme.tls}:, not ${parsed.protocol}`);
  }
  const secure = parsed.protocol === `${scheme.tls}:`;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === '') throw new UserError(`${variable} has no host`);
  return {
    host,
    port: parsed.port === '' ? (secure ? scheme.tlsPort : scheme.plainPort) : Number(parsed.port),
    secure,
    user: parsed.username === '' ? null : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? null : decodeURIComponent(parsed.password),
    path: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}
