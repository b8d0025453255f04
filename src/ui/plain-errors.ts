/**
 * The SMTP and file errors a clerk meets, in plain words with the next step. The raw text stays
 * available (the `e` detail window, History's message detail): it is what support asks for.
 */

/** One known error: what it looks like in the raw text, and what to tell the clerk. */
interface KnownError {
  pattern: RegExp;
  plain(match: RegExpMatchArray): string;
}

const KNOWN: readonly KnownError[] = [
  { pattern: /Missing credentials for "?(PLAIN|LOGIN)"?|Missing credentials/i, plain: () => 'no password: press P on Settings (4) or set DUEDESK_SMTP_PASSWORD' },
  {
    pattern: /Invalid login|\b535[ -]\d\.\d|Authentication (unsuccessful|failed)|Username and Password not accepted/i,
    plain: () => 'the mail server refused the user name or password: check smtp.user on Settings (4), then press P to type the password again',
  },
  { pattern: /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([^\s:]+)/, plain: (m) => `the mail server ${m[1]} cannot be found: check smtp.host on Settings (4) and the network` },
  { pattern: /ECONNREFUSED/, plain: () => 'the mail server refused the connection: check smtp.host and smtp.port on Settings (4)' },
  { pattern: /ETIMEDOUT|ESOCKET.*timeout|Greeting never received|Connection timeout/i, plain: () => 'the mail server did not answer in time: check smtp.host and smtp.port, the network or a firewall' },
  {
    pattern: /wrong version number|ssl3_get_record|packet length too long/i,
    plain: () => 'the connection security does not match the port: for port 587 set smtp.secure to false, for 465 set it to true',
  },
  {
    pattern: /self[- ]signed certificate|unable to verify the first certificate|certificate has expired|Hostname\/IP does not match certificate/i,
    plain: () => "the mail server's certificate is not trusted: check smtp.host is the server's own name, or ask whoever runs the server",
  },
  { pattern: /\b55[0-3][ -]\d\.\d|mailbox unavailable|User unknown|no such user|Recipient address rejected/i, plain: () => "the recipient's server refused the address (it may not exist): check the customer's e-mail" },
  // Checked before the reply it carries: the clerk's stop, not the server, ended this message.
  { pattern: /not tried again: stopped by the operator/, plain: () => 'the server asked to try again later and the send was stopped: the message stays due' },
  { pattern: /\b4[25]\d[ -]\d\.\d|try again later|rate limit/i, plain: () => 'the mail server asked to try again later: the message stays due; send again later' },
  { pattern: /cannot write (.+?): disk full|ENOSPC/, plain: () => 'the disk is full: free some space, then try again' },
  { pattern: /cannot write (.+?): (permission denied|read-only file system)|EACCES|EPERM|EROFS/, plain: () => 'that folder cannot be written: choose another folder (Settings) or fix its permissions' },
  { pattern: /ENOENT[^']*'([^']+)'/, plain: (m) => `${m[1]} does not exist: check the path` },
];

/** The plain sentence for a raw error text, or null when it is not one we know. */
export function plainError(raw: string): string | null {
  for (const known of KNOWN) {
    const match = raw.match(known.pattern);
    if (match) return known.plain(match);
  }
  return null;
}
