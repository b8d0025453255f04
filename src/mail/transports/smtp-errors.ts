/** Turning nodemailer's errors into the transport's failure kinds, with the password masked. */
import { maskLogin, type SmtpLogin } from '../credential-mask.js';
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

/**
 * Only replies to the AUTH exchange can echo the login; masking anything else (our own words, a
 * DATA reply, a host name) could only garble it.
 */
function fromAuthExchange(raw: MailerErrorLike): boolean {
  return /^AUTH\b/i.test(raw.command ?? '');
}

function build(kind: FailureKind, raw: MailerErrorLike, login: SmtpLogin | null, prefix = ''): SendFailure {
  const mask = (text: string): string => (fromAuthExchange(raw) ? maskLogin(text, login) : text);
  const reply = raw.response ? mask(raw.response) : null;
  const text = `${prefix}${mask(raw.message ?? 'unknown error')}`;
  return new SendFailure(kind, text, reply, typeof raw.responseCode === 'number' ? raw.responseCode : null);
}

const ENHANCED_STATUS = /^\d{3}[ -]([245])\.(\d{1,3})\.(\d{1,3})(?!\S)/;

/**
 * True when a reply says the server takes no more mail for now, rather than refusing this one
 * message: 421 (closing), a 4.7.x rate or policy deferral, X.4.5 (congestion; providers send their
 * daily sending quota as e.g. `550 5.4.5`), X.3.1 (mail system full), and 452/552 without an
 * enhanced code when they speak of storage or quota. A recipient's full mailbox (4.2.2) or a
 * message too large (5.3.4) concerns one message only.
 */
export function isDeferral(code: number | null | undefined, response: string | null | undefined): boolean {
  if (code === 421) return true;
  const text = response ?? '';
  const enhanced = ENHANCED_STATUS.exec(text);
  if (enhanced === null) return code === 452 || (code === 552 && /quota/i.test(text));
  const [, klass, subject, detail] = enhanced;
  if (subject === '4' && detail === '5') return true;
  if (subject === '3' && detail === '1') return true;
  return klass === '4' && subject === '7';
}

/** Classify a failure while connecting or logging in (nothing of any message was sent). */
export function classifyConnectError(error: unknown, login: SmtpLogin | null): SendFailure {
  const raw = fields(error);
  // Before the credentials check: `454 4.7.0` or `421` to AUTH means "later", not "wrong password".
  if (isDeferral(raw.responseCode, raw.response)) return build('deferred', raw, login);
  if (raw.code === 'EAUTH' || raw.code === 'ENOAUTH' || raw.responseCode === 535) {
    return build('auth', raw, login, 'authentication failed: ');
  }
  if (typeof raw.responseCode === 'number' && raw.responseCode >= 400 && raw.responseCode < 500) {
    return build('transient', raw, login);
  }
  return build('unreachable', raw, login, 'cannot connect: ');
}

/**
 * Classify a failure during a send. `bodyStarted` says whether the message body began to flow to
 * the server: after that, only an explicit server reply proves the message was not taken.
 */
export function classifySendError(error: unknown, bodyStarted: boolean, login: SmtpLogin | null): SendFailure {
  const raw = fields(error);
  if (raw.code === 'EAUTH') return build('auth', raw, login, 'authentication failed: ');
  const code = raw.responseCode;
  if (typeof code === 'number' && code >= 400 && code < 600) {
    if (isDeferral(code, raw.response)) return build('deferred', raw, login);
    return build(code < 500 ? 'transient' : 'permanent', raw, login);
  }
  if (bodyStarted) {
    return build('uncertain', raw, login, 'no reply after the message was sent (the server may have it): ');
  }
  return build('transient', raw, login);
}
