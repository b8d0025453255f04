/** The names `--engine` accepts (docs/reference/cli.md §16), apart from the engines themselves so parsing loads neither. */

/** The SQLite engines a file ledger can run on: sql.js (WebAssembly) and node:sqlite. */
export type EngineName = 'sqljs' | 'native';

/** The engines a file ledger can run on. */
export const ENGINE_NAMES: readonly EngineName[] = ['sqljs', 'native'];

/** Is `name` an engine? */
export function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(name);
}
