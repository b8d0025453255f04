/** The command context a desk session on real services is built from, over a test's store and settings. */
import { join } from 'node:path';
import type { IsoDate } from '../../src/core/domain.js';
import type { CommandContext } from '../../src/runtime/context.js';
import type { Settings } from '../../src/core/settings.js';
import type { Ledger } from '../../src/storage/ledger.js';

/** Where the session's data lives and how its settings are read and kept. */
export interface SessionPlace {
  dir: string;
  store: Ledger;
  asOf: IsoDate;
  read: () => Settings;
  write: (next: Settings) => void;
  env?: NodeJS.ProcessEnv;
}

/** A context whose clock stands at 09:00 on `asOf`, with silent streams. */
export function sessionContext(place: SessionPlace): CommandContext {
  const sink = { write: () => true };
  return {
    openLedger: async () => place.store,
    settings: { path: join(place.dir, 'config.json'), read: place.read, write: async (next) => place.write(next) },
    env: place.env ?? {},
    stdout: sink,
    stderr: sink,
    now: () => new Date(`${place.asOf}T09:00:00`),
    cwd: place.dir,
  };
}
