/** Exit codes of the command line (docs/reference/exit-codes.md §1; a contract). */
export const ExitCode = {
  /** Done, also when nothing was due. */
  Ok: 0,
  /** Some messages failed or are uncertain. */
  SomeFailed: 1,
  /** Usage, configuration or input error; nothing changed. */
  Usage: 2,
  /** Mail transport unusable before anything was sent. */
  TransportUnusable: 3,
  /** Another duedesk process holds the database (cron may retry). */
  Busy: 75,
  /** The mail server deferred the rest of the run (421, rate or quota), nothing failed: retry later. */
  Deferred: 75,
} as const;

/** One of the exit codes above. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error the user can fix (bad flag, bad file, bad setting, busy database). The CLI prints its
 * message on one line, without a stack trace, and exits with its code.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** @param exitCode the process exit code to use; defaults to 2 (usage/input error). */
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.Usage,
  ) {
    super(message);
  }
}
