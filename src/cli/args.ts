/**
 * The command line, parsed once (node:util parseArgs, strict) into what to run. Every flag is
 * checked against the mode it belongs to, so `--json` without `--send-due` is an error rather
 * than silently ignored. Arguments of import/export/config are handed on as typed, minus globals.
 */
import { parseArgs } from 'node:util';
import { UserError } from '../core/exit-codes.js';
import type { SendDueOptions } from '../commands/send-due.js';
import { closeMatches } from './close-match.js';
import type { HelpTopic } from './help.js';

/** Subcommands (positional first word). */
export const COMMANDS = ['import', 'export', 'config', 'db'] as const;
/** A subcommand. */
export type CommandName = (typeof COMMANDS)[number];

/** Options that apply everywhere. */
export interface GlobalOptions {
  db?: string;
  configDir?: string;
}

/** What the command line asks for. */
export type Invocation = GlobalOptions &
  (
    | { kind: 'help'; topic: HelpTopic }
    | { kind: 'version' }
    | { kind: 'tui'; review: boolean }
    | { kind: 'send-due'; options: SendDueOptions }
    | { kind: CommandName; args: string[] }
  );

const OPTIONS = {
  db: { type: 'string' },
  'config-dir': { type: 'string' },
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
  replace: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

const GLOBAL_OPTIONS: readonly OptionName[] = ['db', 'config-dir', 'help', 'version'];

/** Which mode each non-global flag belongs to, and how to say so when it is misplaced. */
const PLACE: Partial<Record<OptionName, { mode: string; where: string }>> = {
  review: { mode: 'tui', where: 'only when opening the TUI (not with --send-due or a command)' },
  'as-of': { mode: 'send-due', where: 'only with --send-due' },
  'dry-run': { mode: 'send-due', where: 'only with --send-due' },
  json: { mode: 'send-due', where: 'only with --send-due' },
  out: { mode: 'send-due', where: 'only with --send-due --dry-run' },
  'skip-invalid': { mode: 'import', where: 'only with import' },
  snapshot: { mode: 'import', where: 'only with import' },
  encoding: { mode: 'import', where: 'only with import' },
  'decimal-comma': { mode: 'import', where: 'only with import' },
  'date-format': { mode: 'import', where: 'only with import' },
  from: { mode: 'export', where: 'only with export' },
  to: { mode: 'export', where: 'only with export' },
  replace: { mode: 'db', where: 'only with db backup' },
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
  if (globals.configDir === '') throw usageError('--config-dir needs a directory');

  let mode: string;
  if (first === undefined) mode = values['send-due'] ? 'send-due' : 'tui';
  else if (first.value === 'help') return { ...globals, kind: 'help', topic: helpTopic(positionals[1]?.value) };
  else if (isCommand(first.value)) mode = first.value;
  else throw usageError(unknownCommand(first.value));

  if (values.help) return { ...globals, kind: 'help', topic: mode === 'tui' ? 'main' : (mode as HelpTopic) };
  if (values.version) return { ...globals, kind: 'version' };
  if (mode !== 'send-due' && values['send-due']) throw usageError(`--send-due cannot be combined with ${mode}`);

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const place = PLACE[token.name as OptionName];
    if (place !== undefined && place.mode !== mode) throw usageError(`--${token.name} works ${place.where}`);
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
    default:
      return { ...globals, kind: mode as CommandName, args: commandArgs(argv, tokens, first?.index ?? -1) };
  }
}

type Parsed = ReturnType<typeof parseWithTokens>;

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
  const close = Object.hasOwn(OPTIONS, word) ? [`--${word}`] : closeMatches(word, [...COMMANDS, 'help']);
  return `unknown command "${word}"${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`;
}

function helpTopic(word: string | undefined): HelpTopic {
  if (word === undefined) return 'main';
  if (isCommand(word) || word === 'send-due') return word;
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
