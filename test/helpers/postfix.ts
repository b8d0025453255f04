/**
 * A throwaway Postfix for the bounce test: its own configuration directory (`postfix -c DIR`),
 * SMTP on 127.0.0.1 at a free port, a transport map that fails the domain `example.invalid`
 * (`error:` — the MTA itself writes the RFC 3464 report), and the reports for `ar@acme.test`
 * delivered by Postfix's virtual agent straight into a maildir (the throwaway Dovecot's INBOX).
 * Postfix runs only as root; without it (or not root) the test is skipped with one line saying
 * why, and under CI=true that is a failure (.ci/run installs postfix).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './dovecot.js';

const POSTFIX = '/usr/sbin/postfix';

/** The sender whose reports come back into the maildir. */
export const BOUNCE_SENDER = 'ar@acme.test';
/** The domain every message to which bounces permanently. */
export const DEAD_DOMAIN = 'example.invalid';

/** The postfix command, or null after printing why the test is skipped (a failure under CI=true). */
export function findPostfix(env: NodeJS.ProcessEnv = process.env): string | null {
  const why = !existsSync(POSTFIX) ? `no ${POSTFIX}` : process.getuid?.() !== 0 ? 'Postfix runs only as root' : null;
  if (why === null) return POSTFIX;
  if (env.CI === 'true') throw new Error(`Postfix test: ${why} (install Debian's postfix and run as root, as .ci/run does)`);
  console.warn(`Postfix test skipped: ${why}`);
  return null;
}

/** A running throwaway Postfix. */
export interface ThrowawayPostfix {
  /** `smtp://127.0.0.1:PORT`, for DUEDESK_SMTP_URL. */
  url: string;
  /** Its mail log, for a failing test's message. */
  log(): string;
  stop(): void;
}

/** Run a postfix command; its own errors go to the log (it writes nothing useful to a pipe). */
function postfix(bin: string, dir: string, action: string): void {
  execFileSync(bin, ['-c', dir, action], { stdio: 'ignore' });
}

/**
 * Start Postfix delivering the reports for BOUNCE_SENDER into `maildir` (a Maildir++ root, its
 * `new/` created here) owned by `mailUid`.
 */
export async function startThrowawayPostfix(bin: string, maildir: string, mailUid: number): Promise<ThrowawayPostfix> {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-postfix-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  for (const sub of ['queue', 'data']) mkdirSync(join(dir, sub));
  chownSync(join(dir, 'data'), Number(execFileSync('id', ['-u', 'postfix'], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', 'postfix'], { encoding: 'utf8' }).trim()));
  for (const sub of ['', 'new', 'cur', 'tmp']) {
    mkdirSync(join(maildir, sub), { recursive: true });
    chownSync(join(maildir, sub), mailUid, mailUid);
  }
  const base = join(maildir, '..');
  const box = maildir.slice(base.length + 1);
  writeFileSync(join(dir, 'transport'), `${DEAD_DOMAIN} error:5.1.1 mailbox unavailable: no such user here\n`);
  writeFileSync(join(dir, 'vmailbox'), `${BOUNCE_SENDER} ${box}/\n`);
  writeFileSync(
    join(dir, 'main.cf'),
    `compatibility_level = 3.6
queue_directory = ${dir}/queue
data_directory = ${dir}/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.acme.test
mydomain = acme.test
myorigin = acme.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
maillog_file_prefixes = ${tmpdir()}
maillog_file = ${dir}/maillog
transport_maps = texthash:${dir}/transport
smtpd_reject_unlisted_recipient = no
smtpd_relay_restrictions = permit_mynetworks, reject
smtp_dns_support_level = disabled
notify_classes =
virtual_mailbox_domains = acme.test
virtual_mailbox_base = ${base}
virtual_mailbox_maps = texthash:${dir}/vmailbox
virtual_uid_maps = static:${mailUid}
virtual_gid_maps = static:${mailUid}
virtual_minimum_uid = 1
`,
  );
  // Every service unchrooted: the temp directory holds no chroot jail.
  const services = [
    ['pickup', 'unix', 'n', '-', 'n', '60', '1', 'pickup'],
    ['cleanup', 'unix', 'n', '-', 'n', '-', '0', 'cleanup'],
    ['qmgr', 'unix', 'n', '-', 'n', '300', '1', 'qmgr'],
    ['rewrite', 'unix', '-', '-', 'n', '-', '-', 'trivial-rewrite'],
    ['bounce', 'unix', '-', '-', 'n', '-', '0', 'bounce'],
    ['defer', 'unix', '-', '-', 'n', '-', '0', 'bounce'],
    ['trace', 'unix', '-', '-', 'n', '-', '0', 'bounce'],
    ['verify', 'unix', '-', '-', 'n', '-', '1', 'verify'],
    ['proxymap', 'unix', '-', '-', 'n', '-', '-', 'proxymap'],
    ['smtp', 'unix', '-', '-', 'n', '-', '-', 'smtp'],
    ['error', 'unix', '-', '-', 'n', '-', '-', 'error'],
    ['retry', 'unix', '-', '-', 'n', '-', '-', 'error'],
    ['discard', 'unix', '-', '-', 'n', '-', '-', 'discard'],
    ['virtual', 'unix', '-', 'n', 'n', '-', '-', 'virtual'],
    ['anvil', 'unix', '-', '-', 'n', '-', '1', 'anvil'],
    ['scache', 'unix', '-', '-', 'n', '-', '1', 'scache'],
    ['postlog', 'unix-dgram', 'n', '-', 'n', '-', '1', 'postlogd'],
    ['showq', 'unix', 'n', '-', 'n', '-', '-', 'showq'],
    ['flush', 'unix', 'n', '-', 'n', '1000?', '0', 'flush'],
  ];
  writeFileSync(join(dir, 'master.cf'), [`127.0.0.1:${port} inet n - n - - smtpd`, ...services.map((s) => s.join(' '))].join('\n') + '\n');
  const log = (): string => (existsSync(join(dir, 'maillog')) ? readFileSync(join(dir, 'maillog'), 'utf8') : '');
  try {
    postfix(bin, dir, 'start');
  } catch (error) {
    const text = log();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Postfix did not start: ${String(error)}\n${text}`);
  }
  await waitForListener(port, log);
  return {
    url: `smtp://127.0.0.1:${port}`,
    log,
    stop() {
      try {
        postfix(bin, dir, 'stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The master opens its SMTP listener just after `postfix start` returns: wait for it (5 s at most). */
async function waitForListener(port: number, log: () => string): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`Postfix did not listen on 127.0.0.1:${port}\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
