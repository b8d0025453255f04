/**
 * Which SQLite engine a file ledger runs on (docs/reference/cli.md §16): the native one where the
 * runtime ships node:sqlite (Node 22.5 and later), sql.js otherwise; `--engine` picks one for
 * support. Both read and write the same file format under the same lock.
 */
import { UserError } from '../../core/exit-codes.js';
import type { EngineName } from '../engine-names.js';
import type { FileEngine } from './engine-db.js';
import { nativeEngine, type NativeModule } from './native-engine.js';
import { loadSqlEngine } from './sql-engine.js';
import { sqlJsEngine } from './sqljs-engine.js';

let native: NativeModule | null | undefined;

/**
 * node:sqlite when this runtime has it (and its statements return rows as arrays), else null.
 * Its first load prints an "experimental feature" warning: that one warning is not the user's
 * concern and is held back; every other warning passes.
 */
function nativeModule(): NativeModule | null {
  if (native !== undefined) return native;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const module = getBuiltin?.call(process, 'node:sqlite') as (NativeModule & { StatementSync?: { prototype: object } }) | undefined;
    native = module !== undefined && typeof module.StatementSync?.prototype === 'object' && 'setReturnArrays' in module.StatementSync.prototype ? module : null;
  } catch {
    native = null;
  } finally {
    process.emitWarning = emitWarning;
  }
  return native;
}

/** The engine a file ledger opens with when none is asked for. */
export function defaultEngineName(): EngineName {
  return nativeModule() !== null ? 'native' : 'sqljs';
}

/** The engine `name` (default: defaultEngineName()); native where the runtime has none is refused. */
export async function fileEngine(name: EngineName = defaultEngineName()): Promise<FileEngine> {
  if (name === 'sqljs') return sqlJsEngine(await loadSqlEngine());
  const module = nativeModule();
  if (module === null) {
    throw new UserError(`--engine native needs node:sqlite (Node 22.5 or later); this is Node ${process.versions.node}: use --engine sqljs`);
  }
  return nativeEngine(module);
}

/** What `duedesk --version` says of the engine `name`: its name and the SQLite it runs. */
export async function describeEngine(name: EngineName = defaultEngineName()): Promise<string> {
  const engine = await fileEngine(name);
  const db = engine.memory();
  try {
    const version = db.exec('SELECT sqlite_version()')[0]?.values[0]?.[0];
    const runtime = name === 'native' ? `node:sqlite in Node ${process.versions.node}` : 'sql.js';
    return `engine: ${name} (${runtime}, SQLite ${String(version)})`;
  } finally {
    db.close();
  }
}
