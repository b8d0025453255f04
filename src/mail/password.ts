/**
 * Where a mail server's password comes from (docs/reference/settings.md §4): for SMTP
 * DUEDESK_SMTP_URL, DUEDESK_SMTP_PASSWORD, or the first output line of `smtp.passwordCommand`;
 * for IMAP the same with DUEDESK_IMAP_URL, DUEDESK_IMAP_PASSWORD and `imap.passwordCommand`. It lives only in
 * memory: never in a file or a log, and what a server echoes of it is masked (credential-mask.ts).
 */
import { execFile } from 'node:child_process';
import { UserError } from '../core/exit-codes.js';

/** How long a password command may run before it is given up on. */
const COMMAND_TIMEOUT_MS = 15_000;

/**
 * Run `command` through the shell and return its first output line (the password). `setting`
 * names where the command came from in messages (the database's password command uses it too).
 */
export function runPasswordCommand(command: string, env: NodeJS.ProcessEnv, setting = 'smtp.passwordCommand'): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', command], { env, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 }, (error, stdout) => {
      if (error) {
        // Only the exit status: the command's output may hold the secret.
        const how = error.killed ? 'timed out' : `exited with status ${String(error.code ?? 'unknown')}`;
        reject(new UserError(`${setting} ${how}; check the command in the settings`));
        return;
      }
      const line = stdout.split(/\r?\n/, 1)[0] ?? '';
      if (line === '') {
        reject(new UserError(`${setting} printed no password (its first output line is empty)`));
        return;
      }
      resolve(line);
    });
  });
}

/** Where one server's password is looked for: its environment variable and its password-command setting. */
export interface PasswordSource {
  envVar: string;
  setting: string;
}

/** The SMTP account's (docs/reference/settings.md §4). */
export const SMTP_PASSWORD: PasswordSource = { envVar: 'DUEDESK_SMTP_PASSWORD', setting: 'smtp.passwordCommand' };

/**
 * The password for SMTP (or the server `source` names), or null when none is configured (no
 * authentication). One typed in the TUI for the session comes as a value and wins: it never
 * travels through the environment.
 */
export async function resolvePassword(
  passwordCommand: string | undefined,
  env: NodeJS.ProcessEnv,
  sessionPassword: string | null = null,
  source: PasswordSource = SMTP_PASSWORD,
): Promise<string | null> {
  if (sessionPassword !== null && sessionPassword !== '') return sessionPassword;
  const fromEnv = env[source.envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (passwordCommand !== undefined && passwordCommand.trim() !== '') {
    return runPasswordCommand(passwordCommand, env, source.setting);
  }
  return null;
}
