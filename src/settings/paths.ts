/** Where duedesk keeps its database by default, and how --db / DUEDESK_DB choose another. */
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';

/** The user data directory: env-paths('duedesk', {suffix: ''}).data (~/.local/share/duedesk on Linux). */
export function defaultDataDir(): string {
  return envPaths('duedesk', { suffix: '' }).data;
}

/** File name of the default database inside the data directory. */
export const DEFAULT_DB_NAME = 'duedesk.sqlite';

/** The database to use and whether it is the default one (whose directory duedesk may create). */
export interface DbLocation {
  path: string;
  isDefault: boolean;
}

/** --db, else DUEDESK_DB, else duedesk.sqlite in the user data directory; made absolute. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): DbLocation {
  const named = flag ?? (env.DUEDESK_DB ? env.DUEDESK_DB : undefined);
  if (named !== undefined) return { path: resolve(cwd, named), isDefault: false };
  return { path: join(defaultDataDir(), DEFAULT_DB_NAME), isDefault: true };
}
