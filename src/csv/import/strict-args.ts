/** Strict flag parsing for the import and export commands: a wrong flag is a usage error (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../core/exit-codes.js';

/** parseArgs with strict checking and positionals; its complaints become UserErrors with the usage line. */
export function parseStrictArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  usage: string,
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, strict: true, allowPositionals: true, options });
  } catch (error) {
    throw new UserError(`${command}: ${(error as Error).message}\n${usage}`);
  }
}
