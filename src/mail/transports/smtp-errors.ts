/** Turning nodemailer's errors into the transport's failure kinds, with the password scrubbed. */
import { scrubSecret } from '../password.js';
import { SendFailure, type FailureKind } from './types.js';

/** The fields of a nodemailer error that classification looks at. */
export interface MailerErrorLike {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

function fields(error: unknown): MailerErrorLike {
  if (typeof error === 'object' && error !== null) return error as MailerErrorLike;
  return { message: String(error) };
}

function build(kind: FailureKind, raw: MailerErrorLike, secret: string | null, prefix = ''): SendFailure {
  const reply = raw.response ? scrubSecret(raw.response, secret) : null;
  const text = scrubSecret(`${prefix}${raw.message ?? 'unknown error'}`, secret);
  return new SendFailure(kind, text, reply, typeof raw.responseCode === 'number' ? raw.responseCode : null);
}

/** Classify a failure while connecting or logging in (nothing of any message was sent). */
export function classifyConnectError(error: unknown, secret: string | null): SendFailure {
  const raw = fields(error);
  if (raw.code === 'EAUTH' || raw.code === 'ENOAUTH' || raw.responseCode === 535) {
    return build('auth', raw, secret, 'authentication failed: ');
  }
  if (typeof raw.responseCode === 'number' && raw.responseCode >= 400 && raw.responseCode < 500) {
    return build('transient', raw, secret);
  }
  return build('unreachable', raw, secret, 'cannot connect: ');
}

/**
 * Classify a failure during a send. `bodyStarted` says whether the message body began to flow to
 * the server: after that, only an explicit server reply proves the message was not taken.
 */
export function classifySendError(error: unknown, bodyStarted: boolean, secret: string | null): SendFailure {
  const raw = fields(error);
  if (raw.code === 'EAUTH') return build('auth', raw, secret, 'authentication failed: ');
  const code = raw.responseCode;
  if (typeof code === 'number' && code >= 400 && code < 600) {
    return build(code < 500 ? 'transient' : 'permanent', raw, secret);
  }
  if (bodyStarted) {
    return build('uncertain', raw, secret, 'no reply after the message was sent (the server may have it): ');
  }
  return build('transient', raw, secret);
}
