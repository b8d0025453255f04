/**
 * The command line, parsed once (node:util parseArgs, strict) into what to run. Every flag is
 * checked against the mode it belongs to, so `--json` without `--send-due` is an error rather
 * than silently ignored. Arguments of import/export/config are handed on as typed, minus globals.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/dates.js';
import { UserError } from '../core/exit-codes.js';
import type { SendDueOptions } from './commands/send-due.js';
import type { StatementOptions } from './commands/statement.js';
import { closeMatches } from '../core/close-match.js';
import type { HelpTopic } from './help.js';
import { isPostgresUrl } from '../storage/ledger-location.js';
import { refusePasswordOnCommandLine } from '../storage/postgres/connection-url.js';
import { ENGINE_NAMES, isEngineName, type EngineName } from '../storage/engine-names.js';

/** Subcommands (positional first word). */
export const COMMANDS = ['import', 'export', 'config', 'db', 'promise', 'dispute', 'note', 'proposal', 'history', 'bank', 'inbox'] as const;
/** A subcommand. */
export type CommandName = (typeof COMMANDS)[number];

/** Options that apply everywhere. */
export interface GlobalOptions {
  db?: string;
  configDir?: string;
  /** The SQLite engine of a file ledger (docs/reference/cli.md §16); default: the runtime's best. */
  engine?: EngineName;
}

/** What the command line asks for. */
export type Invocation = GlobalOptions &
  (
    | { kind: 'help'; topic: HelpTopic }
    | { kind: 'version' }
    | { kind: 'tui'; review: boolean }
    | { kind: 'send-due'; options: SendDueOptions }
    | { kind: 'statement'; options: StatementOptions }
    | { kind: CommandName; args: string[] }
  );

const OPTIONS = {
  db: { type: 'string' },
  'config-dir': { type: 'string' },
  engine: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  review: { type: 'boolean' },
  'send-due': { type: 'boolean' },
  'as-of': { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  snapshot: { type: 'boolean' },
  encoding: { type: 'string' },
  'decimal-comma': { type: 'boolean' },
  'date-format': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  scope: { type: 'string' },
  kind: { type: 'string' },
  send: { type: 'boolean' },
  raw: { type: 'boolean' },
  replace: { type: 'boolean' },
  wait: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  items: { type: 'string', multiple: true },
  note: { type: 'string' },
  reason: { type: 'string' },
  resolve: { type: 'boolean' },
  'follow-up': { type: 'string' },
  done: { type: 'string' },
  remove: { type: 'string', multiple: true },
  format: { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

const GLOBAL_OPTIONS: readonly OptionName[] = ['db', 'config-dir', 'engine', 'help', 'version'];

/** The command word of `duedesk statement` (parsed here, not handed on like import/export/config). */
const STATEMENT = 'statement';

/** Which modes each non-global flag belongs to, and how to say so when it is misplaced. */
const PLACE: Partial<Record<OptionName, { modes: readonly string[]; where: string }>> = {
  review: { modes: ['tui'], where: 'only when opening the TUI (not with --send-due or a command)' },
  'as-of': {
    modes: ['send-due', STATEMENT, 'export', 'promise', 'dispute', 'note'],
    where: 'only with --send-due, statement, export handover, promise, dispute or note',
  },
  'dry-run': { modes: ['send-due', 'import'], where: 'only with --send-due or import bank' },
  json: { modes: ['send-due', STATEMENT, 'import'], where: 'only with --send-due, statement or import bank' },
  out: { modes: ['send-due', STATEMENT, 'history'], where: 'only with --send-due --dry-run, statement or history copy' },
  'skip-invalid': { modes: ['import'], where: 'only with import' },
  snapshot: { modes: ['import'], where: 'only with import' },
  encoding: { modes: ['import'], where: 'only with import' },
  'decimal-comma': { modes: ['import'], where: 'only with import' },
  'date-format': { modes: ['import'], where: 'only with import' },
  from: { modes: ['export', STATEMENT], where: 'only with export or statement' },
  to: { modes: ['export', STATEMENT, 'history'], where: 'only with export, statement or history resend' },
  scope: { modes: [STATEMENT], where: 'only with statement' },
  kind: { modes: [STATEMENT], where: 'only with statement' },
  send: { modes: [STATEMENT], where: 'only with statement (--send-due sends everything due)' },
  raw: { modes: ['export'], where: 'only with export' },
  replace: { modes: ['db'], where: 'only with db backup or db copy' },
  wait: { modes: ['db'], where: 'only with db backup or db copy' },
  date: { modes: ['promise'], where: 'only with promise' },
  amount: { modes: ['promise'], where: 'only with promise' },
  items: { modes: ['promise', 'bank'], where: 'only with promise or bank assign' },
  note: { modes: ['promise', 'dispute'], where: 'only with promise or dispute --resolve' },
  reason: { modes: ['dispute'], where: 'only with dispute' },
  resolve: { modes: ['dispute'], where: 'only with dispute' },
  'follow-up': { modes: ['note'], where: 'only with note' },
  done: { modes: ['note'], where: 'only with note' },
  remove: { modes: ['proposal'], where: 'only with proposal approve' },
  format: { modes: ['import'], where: 'only with import bank' },
};

/** A usage error: one line, pointing at --help, exit 2. */
export function usageError(message: string): UserError {
  return new UserError(`${message} (see duedesk --help)`);
}

/** Parse `argv` (without node and the script) into an Invocation; throws a usage UserError. */
export function parseInvocation(argv: string[]): Invocation {
  const parsed = parseStrict(argv);
  const { values, tokens } = parsed;
  const positionals = tokens.filter((token) => token.kind === 'positional');
  const first = positionals[0];
  const globals: GlobalOptions = { db: values.db, configDir: values['config-dir'] };
  if (globals.db === '') throw usageError('--db needs a file name');
  // A PostgreSQL URL typed here is visible in the process list: never with a password.
  if (globals.db !== undefined && isPostgresUrl(globals.db)) refusePasswordOnCommandLine(globals.db);
  if (globals.configDir === '') throw usageError('--config-dir needs a directory');
  const engine = values.engine;
  if (engine !== undefined) {
    if (!isEngineName(engine)) throw usageError(`--engine ${engine}: not an engine; use ${ENGINE_NAMES.join(' or ')}`);
    globals.engine = engine;
  }

  let mode: string;
  if (first === undefined) mode = values['send-due'] ? 'send-due' : 'tui';
  else if (first.value === 'help') return { ...globals, kind: 'help', topic: helpTopic(positionals[1]?.value) };
  else if (isCommand(first.value) || first.value === STATEMENT) mode = first.value;
  else throw usageError(unknownCommand(first.value));

  if (values.help) return { ...globals, kind: 'help', topic: mode === 'tui' ? 'main' : (mode as HelpTopic) };
  if (values.version) return { ...globals, kind: 'version' };
  if (mode !== 'send-due' && values['send-due']) throw usageError(`--send-due cannot be combined with ${mode}`);

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const place = PLACE[token.name as OptionName];
    if (place !== undefined && !place.modes.includes(mode)) throw usageError(`--${token.name} works ${place.where}`);
  }

  switch (mode) {
    case 'tui':
      return { ...globals, kind: 'tui', review: values.review === true };
    case 'send-due': {
      if (values.out !== undefined && !values['dry-run']) throw usageError('--out works only with --send-due --dry-run');
      const options: SendDueOptions = { dryRun: values['dry-run'] === true, json: values.json === true };
      if (values['as-of'] !== undefined) options.asOf = values['as-of'];
      if (values.out !== undefined) options.out = values.out;
      return { ...globals, kind: 'send-due', options };
    }
    case STATEMENT:
      return { ...globals, kind: 'statement', options: statementOptions(values, positionals.slice(1).map((token) => token.value)) };
    default:
      return { ...globals, kind: mode as CommandName, args: commandArgs(argv, tokens, first?.index ?? -1) };
  }
}

type Parsed = ReturnType<typeof parseWithTokens>;

/** A flag value that must be one of `allowed`. */
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw usageError(`--${flag} must be ${allowed.join(' or ')} (got "${value}")`);
}

/** A flag value that must be a YYYY-MM-DD date. */
function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw usageError(`--${flag}: "${value}" is not a date (YYYY-MM-DD)`);
  return value;
}

/**
 * `duedesk statement CODE… [--as-of D] [--scope S] [--kind K] [--from D [--to D]] (--out DIR | --send)`:
 * a period makes it an activity statement, so --from/--to with --kind open-items is refused.
 */
function statementOptions(values: Parsed['values'], codes: string[]): StatementOptions {
  if (codes.length === 0) throw usageError('statement needs at least one customer code');
  if (values.out !== undefined && values.send) throw usageError('statement takes --out DIR or --send, not both');
  if (values.out === undefined && !values.send) throw usageError('statement needs --out DIR (write the files) or --send');
  if (values.out === '') throw usageError('--out needs a folder');
  const options: StatementOptions = { codes, json: values.json === true };
  const scope = oneOf('scope', values.scope, ['overdue', 'all-open'] as const);
  let kind = oneOf('kind', values.kind, ['open-items', 'activity'] as const);
  const asOf = dateFlag('as-of', values['as-of']);
  const from = dateFlag('from', values.from);
  const to = dateFlag('to', values.to);
  if (to !== undefined && from === undefined) throw usageError('--to needs --from (the period of an activity statement)');
  if (from !== undefined) {
    if (kind === 'open-items') throw usageError('--from/--to give the period of an activity statement; they cannot be used with --kind open-items');
    kind = 'activity';
    if (to !== undefined && to < from) throw usageError(`--to ${to} is before --from ${from}`);
  }
  if (scope !== undefined) options.scope = scope;
  if (kind !== undefined) options.kind = kind;
  if (asOf !== undefined) options.asOf = asOf;
  if (from !== undefined) options.from = from;
  if (to !== undefined) options.to = to;
  if (values.out !== undefined) options.out = values.out;
  return options;
}

function parseWithTokens(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
}

/** parseArgs with its errors turned into one short line each. */
function parseStrict(argv: string[]): Parsed {
  try {
    return parseWithTokens(argv);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      if (/^-\d/.test(option)) {
        throw usageError(`unknown option ${option}; a value that starts with "-" goes after "--", e.g. config set KEY -- ${option}`);
      }
      const known = Object.keys(OPTIONS).map((name) => `--${name}`);
      const close = closeMatches(option, known);
      throw usageError(`unknown option ${option}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (message.includes('does not take an argument')) throw usageError(`${option} takes no value`);
      if (message.includes('ambiguous')) {
        throw usageError(`${option} needs a value (to pass one that starts with "-", write ${option}=VALUE)`);
      }
      throw usageError(`${option} needs a value`);
    }
    throw usageError(message.split('\n')[0] ?? message);
  }
}

function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

function unknownCommand(word: string): string {
  const close = Object.hasOwn(OPTIONS, word) ? [`--${word}`] : closeMatches(word, [...COMMANDS, STATEMENT, 'help']);
  return `unknown command "${word}"${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`;
}

function helpTopic(word: string | undefined): HelpTopic {
  if (word === undefined) return 'main';
  if (isCommand(word) || word === 'send-due' || word === STATEMENT) return word;
  throw usageError(unknownCommand(word));
}

/**
 * The arguments after the command word exactly as typed, without the global options (and their
 * values), so each command parses its own flags.
 */
function commandArgs(argv: string[], tokens: Parsed['tokens'], commandIndex: number): string[] {
  const drop = new Set<number>([commandIndex]);
  for (const token of tokens) {
    if (token.kind !== 'option' || !GLOBAL_OPTIONS.includes(token.name as OptionName)) continue;
    drop.add(token.index);
    if (token.value !== undefined && !token.inlineValue) drop.add(token.index + 1);
  }
  return argv.filter((_, index) => !drop.has(index));
}
