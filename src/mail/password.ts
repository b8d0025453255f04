/**
 * Where the SMTP password comes from (docs/reference/settings.md §4): DUEDESK_SMTP_URL,
 * DUEDESK_SMTP_PASSWORD, or the first output line of `smtp.passwordCommand`. It lives only in
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

/**
 * The password for SMTP, or null when none is configured (no authentication). One typed in the
 * TUI for the session comes as a value and wins: it never travels through the environment.
 */
export async function resolvePassword(
  passwordCommand: string | undefined,
  env: NodeJS.ProcessEnv,
  sessionPassword: string | null = null,
): Promise<string | null> {
  if (sessionPassword !== null && sessionPassword !== '') return sessionPassword;
  const fromEnv = env.DUEDESK_SMTP_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (passwordCommand !== undefined && passwordCommand.trim() !== '') {
    return runPasswordCommand(passwordCommand, env);
  }
  return null;
}
