/**
 * The command line as a function: parse the arguments, build the CommandContext, branch once
 * (TUI, headless --send-due, import/export/config) and turn every error into a message and an
 * exit code. Commands are imported only on their branch, so the headless path never loads Ink
 * and `--help` loads neither PDF nor mail code.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExitCode, UserError } from '../core/exit-codes.js';
import { asFileError } from '../core/file-errors.js';
import type { Ledger } from '../storage/ledger.js';
import { SettingsFile } from '../settings/file.js';
import type { CommandContext, TextSink } from '../runtime/context.js';
import { parseInvocation, type CommandName, type Invocation } from './args.js';
import { helpText } from './help.js';
import { resolveConfigDir, resolveDbPath } from '../settings/paths.js';
import { isPostgresUrl } from '../storage/ledger-location.js';
import { ledgerPassword, sharedSettings } from './shared-ledger.js';
import { packageVersion } from './version.js';

/** What the process gives the CLI; tests pass buffers, a temp config dir and a temp db. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The wall clock (default: the real one). */
  now?: () => Date;
  /** False when stdin/stdout are not a terminal: the TUI is refused with a hint instead of failing. */
  interactive?: boolean;
}

/** Run duedesk with `argv` (without node and the script); resolves with the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const opened: Ledger[] = [];
  try {
    const invocation = parseInvocation(argv);
    if (invocation.kind === 'help') {
      io.stdout.write(helpText(invocation.topic));
      return ExitCode.Ok;
    }
    if (invocation.kind === 'version') {
      const { describeFileEngine } = await import('../storage/open-ledger.js');
      io.stdout.write(`${packageVersion()}\n${await describeFileEngine(invocation.engine)}\n`);
      return ExitCode.Ok;
    }
    return await dispatch(invocation, await buildContext(invocation, io, opened), io);
  } catch (error) {
    return reportError(error, io);
  } finally {
    for (const ledger of opened) await ledger.close();
  }
}

async function buildContext(invocation: Invocation, io: CliIo, opened: Ledger[]): Promise<CommandContext> {
  const db = resolveDbPath(invocation.db, io.env, io.cwd);
  const file = new SettingsFile(resolveConfigDir(invocation.configDir, io.env, io.cwd));
  let ledger: Promise<Ledger> | undefined;
  const openOnce = (): Promise<Ledger> => {
    ledger ??= (async () => {
      if (db.isDefault) mkdirSync(dirname(db.path), { recursive: true });
      const { openLedger } = await import('../storage/open-ledger.js');
      const opening = await openLedger(db.path, { password: ledgerPassword(file, io.env), engine: invocation.engine });
      opened.push(opening);
      return opening;
    })();
    return ledger;
  };
  const now = io.now ?? (() => new Date());
  // On a shared ledger the company and policy settings live in it: read them before the command.
  const shared = isPostgresUrl(db.path) && needsSharedSettings(invocation);
  return {
    openLedger: openOnce,
    ledgerExists: () => isPostgresUrl(db.path) || existsSync(db.path),
    settings: shared ? await sharedSettings(await openOnce(), file, now) : file,
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    now,
    cwd: io.cwd,
  };
}

/**
 * Whether a command reads or writes settings the shared ledger keeps. `db` opens its own ledgers,
 * and a host's own settings (`config path`, `config … smtp.*`, `db.*`, `operator`, `templatesDir`)
 * need no server: `config set db.passwordCommand` must work before the server can be reached.
 */
function needsSharedSettings(invocation: Invocation): boolean {
  // prune-archive reads archive.keepDays, which a shared ledger keeps for every host.
  if (invocation.kind === 'db') return invocation.args.includes('prune-archive');
  if (invocation.kind !== 'config') return true;
  const [action, key] = invocation.args.filter((arg) => arg !== '--');
  if (action === 'path') return false;
  const hostOnly = ['smtp', 'db', 'operator', 'templatesDir'].includes(key?.split('.')[0] ?? '');
  return !(action === 'get' || action === 'set' || action === 'unset') || !hostOnly;
}

/** Each subcommand's runner, loaded only when that command runs (db gets the file, below). */
const RUNNERS: Record<Exclude<CommandName, 'db'>, () => Promise<(args: string[], ctx: CommandContext) => Promise<number>>> = {
  import: async () => (await import('./commands/import.js')).runImport,
  export: async () => (await import('./commands/export.js')).runExport,
  config: async () => (await import('./commands/config.js')).runConfig,
  promise: async () => (await import('./commands/promise.js')).runPromise,
  dispute: async () => (await import('./commands/dispute.js')).runDispute,
  note: async () => (await import('./commands/note.js')).runNote,
  proposal: async () => (await import('./commands/proposal.js')).runProposal,
  history: async () => (await import('./commands/history.js')).runHistory,
  bank: async () => (await import('./commands/bank.js')).runBank,
  inbox: async () => (await import('./commands/inbox.js')).runInbox,
};

async function dispatch(invocation: Invocation, ctx: CommandContext, io: CliIo): Promise<number> {
  switch (invocation.kind) {
    case 'tui': {
      if (io.interactive === false) {
        throw new UserError(
          'the TUI needs an interactive terminal; from scripts and cron use --send-due, import, export or config',
        );
      }
      const { runTui } = await import('../ui/run.js');
      return runTui({ review: invocation.review }, ctx);
    }
    case 'send-due': {
      const { runSendDue } = await import('./commands/send-due.js');
      return runSendDue(invocation.options, ctx);
    }
    case 'statement': {
      const { runStatement } = await import('./commands/statement.js');
      return runStatement(invocation.options, ctx);
    }
    case 'db': {
      const { runDb } = await import('./commands/db.js');
      return runDb(invocation.args, resolveDbPath(invocation.db, io.env, io.cwd).path, ctx);
    }
    case 'import':
    case 'export':
    case 'config':
    case 'promise':
    case 'dispute':
    case 'note':
    case 'proposal':
    case 'history':
    case 'bank':
    case 'inbox': {
      const run = await RUNNERS[invocation.kind]();
      return run(invocation.args, ctx);
    }
    case 'help':
    case 'version':
      throw new Error(`${invocation.kind} is answered before dispatch`);
    default: {
      const unreachable: never = invocation;
      throw new Error(`unhandled invocation ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * A UserError, or a file-system refusal (disk full, read-only, permission) that reached here
 * unwrapped, is the user's to fix: its message and exit code, no stack. Anything else is a bug:
 * one line, exit 1, and the stack only when DUEDESK_DEBUG is set.
 */
export function reportError(error: unknown, io: Pick<CliIo, 'stderr' | 'env'>): number {
  const fileError = asFileError(error);
  if (fileError) {
    io.stderr.write(`duedesk: ${fileError.message}\n`);
    return fileError.exitCode;
  }
  if (error instanceof UserError) {
    io.stderr.write(`duedesk: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`duedesk: internal error: ${message.split('\n')[0] ?? ''}\n`);
  if (io.env.DUEDESK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.SomeFailed;
}
