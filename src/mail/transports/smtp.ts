/**
 * The `smtp` transport: a small pool of nodemailer SMTP connections, rate-limited, sending prebuilt
 * MIME with an explicit envelope (so BCC never reaches the headers). The pool is ours rather than
 * nodemailer's `pool: true` because at-most-once needs to know whether the body began to flow:
 * nodemailer's pool starts reading the message before the server has accepted DATA.
 */
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpLogin } from '../credential-mask.js';
import { classifyConnectError, classifySendError } from './smtp-errors.js';
import { SendFailure, type RecipientResult, type SendEnvelope, type SendResult, type Transport } from './types.js';
import { realSleep } from './wait.js';

/** Everything the SMTP transport needs (settings and env already resolved). */
export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
  secure: boolean;
  user: string | null;
  password: string | null;
  maxConnections: number;
  /** Messages per second at most; null = unlimited. */
  rateLimit: number | null;
  /** Verify the server certificate (default true). */
  rejectUnauthorized?: boolean;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  /** Inactivity limit, also the wait for the reply after the message body. */
  socketTimeoutMs?: number;
  /** Connections are renewed after this many messages. */
  maxMessagesPerConnection?: number;
}

interface PooledConnection {
  conn: SMTPConnection;
  sent: number;
  broken: boolean;
}

/** Create the SMTP transport; connections open lazily (or in `verify`). */
export function createSmtpTransport(options: SmtpOptions): Transport {
  const login: SmtpLogin = { user: options.user, password: options.password };
  const maxConnections = Math.max(1, Math.floor(options.maxConnections));
  const maxMessages = options.maxMessagesPerConnection ?? 100;
  const idle: PooledConnection[] = [];
  const waiters: Array<(pooled: PooledConnection | null) => void> = [];
  let open = 0;
  let nextSlot = 0;
  // Once the server said it takes no more now, asking again (a new connection per message) only
  // hammers it: every later send and verify gets the same answer without touching the network.
  let deferredBy: SendFailure | null = null;

  async function unlessDeferred<T>(attempt: () => Promise<T>): Promise<T> {
    if (deferredBy !== null) throw deferredBy;
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof SendFailure && error.kind === 'deferred') deferredBy ??= error;
      throw error;
    }
  }

  function connect(): Promise<PooledConnection> {
    const conn = new SMTPConnection({
      host: options.host,
      port: options.port,
      secure: options.secure,
      connectionTimeout: options.connectionTimeoutMs ?? 30_000,
      greetingTimeout: options.greetingTimeoutMs ?? 30_000,
      socketTimeout: options.socketTimeoutMs ?? 120_000,
      tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
      // Credentials never cross the network in clear: off the local host, STARTTLS is mandatory.
      requireTLS: !options.secure && options.user !== null && options.user !== '' && !isLoopback(options.host),
      logger: false,
    });
    const pooled: PooledConnection = { conn, sent: 0, broken: false };
    // Errors also reach the pending callback; this listener only keeps the process alive and
    // marks the connection unusable.
    conn.on('error', () => {
      pooled.broken = true;
    });
    conn.on('end', () => {
      pooled.broken = true;
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        pooled.broken = true;
        conn.close();
        reject(classifyConnectError(error, login));
      };
      const ready = (): void => {
        if (settled) return;
        settled = true;
        conn.removeListener('error', fail);
        resolve(pooled);
      };
      // A refused or reset socket is reported as an 'error' event, not through the callback.
      conn.once('error', fail);
      conn.connect((error) => {
        if (error) return fail(error);
        if (options.user === null || options.user === '') return ready();
        conn.login({ user: options.user, pass: options.password ?? '' }, (loginError) => {
          if (loginError) return fail(loginError);
          ready();
        });
      });
    });
  }

  async function acquire(): Promise<PooledConnection> {
    for (;;) {
      const ready = idle.pop();
      if (ready === undefined) break;
      if (!ready.broken) return ready;
      open -= 1;
    }
    // Also checked here: a send that waited for a connection or its rate slot must not reconnect.
    if (deferredBy !== null) throw deferredBy;
    if (open < maxConnections) {
      open += 1;
      try {
        return await connect();
      } catch (error) {
        open -= 1;
        wakeWaiter();
        throw error;
      }
    }
    const handed = await new Promise<PooledConnection | null>((resolve) => waiters.push(resolve));
    return handed ?? acquire();
  }

  function wakeWaiter(): void {
    const waiter = waiters.shift();
    if (waiter) waiter(null);
  }

  function release(pooled: PooledConnection, healthy: boolean): void {
    if (!healthy || pooled.broken || pooled.sent >= maxMessages) {
      pooled.broken = true;
      if (healthy) pooled.conn.quit();
      else pooled.conn.close();
      open -= 1;
      wakeWaiter();
      return;
    }
    const waiter = waiters.shift();
    if (waiter) waiter(pooled);
    else idle.push(pooled);
  }

  /** Wait for this message's slot under smtp.rateLimit; the operator's stop ends the wait and the message is not sent. */
  async function throttle(signal: AbortSignal | undefined): Promise<void> {
    if (options.rateLimit === null || options.rateLimit <= 0) return;
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + 1000 / options.rateLimit;
    if (slot > now) await realSleep(slot - now, signal);
    if (signal?.aborted) throw new SendFailure('stopped', 'not sent: the operator stopped the run while it waited for its turn (smtp.rateLimit)');
  }

  function sendOn(pooled: PooledConnection, raw: Buffer, envelope: SendEnvelope): Promise<SendResult> {
    let bodyStarted = false;
    const body = new Readable({
      read() {
        if (bodyStarted) return;
        bodyStarted = true;
        this.push(raw);
        this.push(null);
      },
    });
    return new Promise((resolve, reject) => {
      pooled.conn.send({ from: envelope.from, to: envelope.to }, body, (error, info) => {
        if (error || !info) {
          reject(classifySendError(error ?? new Error('no result'), bodyStarted, login));
          return;
        }
        resolve({ recipients: recipientResults(envelope.to, info), response: info.response ?? '' });
      });
    });
  }

  return {
    description: `smtp ${options.host}:${options.port}${options.secure ? ' (TLS)' : ''}`,
    verify: () => unlessDeferred(async () => release(await acquire(), true)),
    send: (raw: Buffer, envelope: SendEnvelope, _messageId: string, signal?: AbortSignal) =>
      unlessDeferred(async () => {
        await throttle(signal);
        const pooled = await acquire();
        try {
          const result = await sendOn(pooled, raw, envelope);
          pooled.sent += 1;
          release(pooled, true);
          return result;
        } catch (error) {
          release(pooled, false);
          if (error instanceof SendFailure) throw error;
          throw classifySendError(error, true, login);
        }
      }),
    async close(): Promise<void> {
      for (const pooled of idle.splice(0)) {
        pooled.conn.quit();
        open -= 1;
      }
      for (const waiter of waiters.splice(0)) waiter(null);
    },
  };
}

/** True for addresses of this machine, where a plain local relay is normal. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

interface SendInfoLike {
  accepted?: string[];
  rejected?: string[];
  rejectedErrors?: Array<{ recipient?: string; response?: string; message?: string }>;
}

/** Per-recipient results from nodemailer's info (accepted, rejected and their replies). */
function recipientResults(to: string[], info: SendInfoLike): RecipientResult[] {
  const rejected = new Set((info.rejected ?? []).map((a) => a.toLowerCase()));
  return to.map((address) => {
    if (!rejected.has(address.toLowerCase())) return { address, accepted: true, reply: null };
    const why = (info.rejectedErrors ?? []).find((e) => e.recipient?.toLowerCase() === address.toLowerCase());
    return { address, accepted: false, reply: why?.response ?? why?.message ?? 'rejected' };
  });
}
