/**
 * A throwaway Dovecot IMAP server for the inbox tests, started as the PostgreSQL cluster is
 * (./pg-cluster.ts): its own configuration in a temp directory (`dovecot -c`), one passwd-file
 * user, a maildir, plain IMAP on 127.0.0.1 at a free port; stopped and removed after the tests.
 * Debian's `dovecot-imapd` provides it; without it the tests are skipped with one line saying
 * so, and under CI=true that is a failure (CI installs it, as .ci/run does).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/** Where Debian installs the server. */
const DOVECOT = '/usr/sbin/dovecot';

/** The user the mail is stored as when the tests run as root (Dovecot refuses uid 0 for mail). */
const NOBODY = 65534;

/** The one IMAP user of the throwaway server. */
export const IMAP_USER = 'clerk';
/** Its password (plain text in the passwd file: the server lives only for the test). */
export const IMAP_PASSWORD = 'inbox-test-secret';

/** The server binary, or null after printing why the IMAP tests are skipped (a failure under CI=true). */
export function findDovecot(env: NodeJS.ProcessEnv = process.env): string | null {
  if (existsSync(DOVECOT)) return DOVECOT;
  const why = `no ${DOVECOT}`;
  if (env.CI === 'true') throw new Error(`IMAP tests: ${why} (install Debian's dovecot-imapd, as .ci/run does)`);
  console.warn(`IMAP tests skipped: ${why}`);
  return null;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running throwaway IMAP server. */
export interface ThrowawayImap {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The server's temp directory (its maildir is `mail/<user>` in it). */
  dir: string;
  /** The user's maildir (its root is INBOX), where a local MTA delivers, and the uid owning it. */
  maildir: string;
  mailUid: number;
  /** `imap://user@127.0.0.1:port/INBOX`, for DUEDESK_IMAP_URL. */
  url: string;
  /** A logged-in client for the test's own use (APPEND, listing); logged out by the caller. */
  client(): Promise<ImapFlow>;
  /** Put raw messages into `mailbox` (default INBOX), as a mail server delivering them at `receivedAt` (default now) would. */
  append(messages: readonly (string | Buffer)[], mailbox?: string, receivedAt?: Date): Promise<void>;
  /** The server's log, for a failing test's message. */
  log(): string;
  stop(): void;
}

function configText(dir: string, port: number, mailUid: number): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 0
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailUid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;
}

/** Start a server in a new temp directory; `stop()` ends it and removes its files. */
export async function startThrowawayImap(bin: string): Promise<ThrowawayImap> {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-imap-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const mailUid = asRoot ? NOBODY : (process.getuid?.() ?? NOBODY);
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, sub));
  if (asRoot) {
    chownSync(join(dir, 'mail'), NOBODY, NOBODY);
    chownSync(join(dir, 'home'), NOBODY, NOBODY);
  }
  writeFileSync(join(dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}\n`);
  const config = join(dir, 'dovecot.conf');
  writeFileSync(config, configText(dir, port, mailUid));
  // The master daemonises and keeps whatever it was given as stdio: give it nothing to hold open.
  execFileSync(bin, ['-c', config], { stdio: 'ignore' });
  const log = (): string => {
    try {
      return readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const client = async (): Promise<ImapFlow> => {
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: IMAP_USER, pass: IMAP_PASSWORD }, logger: false });
    await imap.connect();
    return imap;
  };
  await waitForLogin(client, log);
  return {
    host: '127.0.0.1',
    port,
    user: IMAP_USER,
    password: IMAP_PASSWORD,
    dir,
    maildir: join(dir, 'mail', IMAP_USER),
    mailUid,
    url: `imap://${IMAP_USER}@127.0.0.1:${port}/INBOX`,
    client,
    async append(messages, mailbox = 'INBOX', receivedAt) {
      const imap = await client();
      try {
        for (const message of messages) await imap.append(mailbox, message, [], receivedAt);
      } finally {
        await imap.logout();
      }
    },
    log,
    stop() {
      try {
        execFileSync(bin, ['-c', config, 'stop'], { stdio: ['ignore', 'pipe', 'pipe'] });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Dovecot forks its listeners after `dovecot` returns: try to log in until one answers (5 s at most). */
async function waitForLogin(client: () => Promise<ImapFlow>, log: () => string): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    try {
      const imap = await client();
      await imap.logout();
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`Dovecot did not accept a login: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
