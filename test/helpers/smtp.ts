/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1, port 0) whose replies each
 * test controls, and which keeps every message it accepted — the delivery tests check what
 * actually arrived on the wire.
 */
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the server accepted (or received before misbehaving on purpose). */
export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  /** True when the server answered 250 to it. */
  accepted: boolean;
}

/** A reply code and text for a refusal. */
export interface Refusal {
  code: number;
  message: string;
}

/** What the server does with a message once the body has arrived. */
export type DataAction = 'accept' | 'drop' | 'hang' | Refusal;

/** Per-test behaviour; change fields at any time. */
export interface SmtpBehaviour {
  /** Credentials check when the server requires AUTH (default: user "user", password "secret"). */
  auth?: (user: string, pass: string) => boolean;
  /** Refuse a recipient (null = accept). */
  rcpt?: (address: string) => Refusal | null;
  /** Decide per received body; `n` counts bodies received so far (0-based). */
  data?: (message: ReceivedMessage, n: number) => DataAction;
  /** Wait before answering each body (ms). */
  delayMs?: number;
  /** Answer body `n` (0-based) only once the promise returned settles (none: at once). */
  hold?: (n: number) => Promise<void> | undefined;
  /** Run before a body is answered, and answer only once it has settled (`n` as for `data`). */
  beforeAnswer?: (message: ReceivedMessage, n: number) => Promise<void>;
  /** Refuse a connection at the greeting (`n` counts connections so far, 0-based; null = welcome). */
  greeting?: (n: number) => Refusal | null;
  /** Refuse every login with a reply that repeats the client's AUTH lines (as some servers do). */
  echoAuth?: boolean;
}

/** A running test server. */
export interface TestSmtpServer {
  port: number;
  /** Every body that arrived, in order (accepted or not). */
  bodies: ReceivedMessage[];
  behaviour: SmtpBehaviour;
  /** Connections clients opened so far (each reconnect counts). */
  connections(): number;
  /** Bodies answered with 250. */
  accepted(): ReceivedMessage[];
  /** `smtp://user:pass@127.0.0.1:port` for DUEDESK_SMTP_URL. */
  url(user?: string, pass?: string): string;
  close(): Promise<void>;
}

function refusal(refused: Refusal): Error {
  return Object.assign(new Error(refused.message), { responseCode: refused.code });
}

/** Server options: `auth` requires a login, `authMethods` narrows what the server offers. */
export interface SmtpServerOptions {
  auth?: boolean;
  authMethods?: Array<'PLAIN' | 'LOGIN'>;
  behaviour?: SmtpBehaviour;
}

/** Start a server; with `auth: true` it requires AUTH PLAIN/LOGIN. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const behaviour: SmtpBehaviour = options.behaviour ?? {};
  const bodies: ReceivedMessage[] = [];
  const sockets = new Map<number, Socket>();
  // What each client sent since its last AUTH command, read off the socket as it arrived.
  const authLines = new Map<number, string[]>();
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    // No DNS on 127.0.0.1: a reverse lookup per connection costs hundreds of milliseconds.
    disableReverseLookup: true,
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    size: 50 * 1024 * 1024,
    ...(options.authMethods ? { authMethods: options.authMethods } : {}),
    onConnect(_session, callback) {
      const refused = behaviour.greeting?.(connections - 1) ?? null;
      callback(refused ? refusal(refused) : undefined);
    },
    onAuth(auth, session, callback) {
      if (behaviour.echoAuth) {
        const echoed = (authLines.get(session.remotePort) ?? []).join(' ');
        callback(Object.assign(new Error(`5.7.8 Authentication credentials invalid: ${echoed}`), { responseCode: 535 }));
        return;
      }
      const check = behaviour.auth ?? ((user: string, pass: string) => user === 'user' && pass === 'secret');
      if (check(auth.username ?? '', auth.password ?? '')) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refused = behaviour.rcpt?.(address.address) ?? null;
      callback(refused ? refusal(refused) : undefined);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message: ReceivedMessage = {
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          accepted: false,
        };
        const n = bodies.length;
        bodies.push(message);
        const action = behaviour.data?.(message, n) ?? 'accept';
        const answer = (): void => {
          if (action === 'accept') {
            message.accepted = true;
            callback(null, 'OK queued');
          } else if (action === 'drop') {
            sockets.get(session.remotePort)?.destroy();
          } else if (action === 'hang') {
            // Never answer: the client's socket timeout decides.
          } else {
            callback(refusal(action));
          }
        };
        const later = (): void => {
          if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
          else answer();
        };
        const waited = behaviour.beforeAnswer?.(message, n) ?? behaviour.hold?.(n);
        if (waited) void waited.then(later, later);
        else later();
      });
    },
  });
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    connections += 1;
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\r\n').filter((l) => l !== '')) {
        if (/^AUTH /i.test(line)) authLines.set(port, [line]);
        else authLines.get(port)?.push(line);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    bodies,
    behaviour,
    connections: () => connections,
    accepted: () => bodies.filter((b) => b.accepted),
    url: (user = 'user', pass = 'secret') => `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
