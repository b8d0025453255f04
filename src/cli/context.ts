/**
 * What every command gets from the CLI entry: the database, the settings, the streams and the
 * wall clock. Built once in src/cli.tsx; tests build their own.
 */
import type { Store } from '../storage/store.js';
import type { Settings } from '../settings/types.js';

/** A place to write text (process.stdout, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
}

/** Read access to the settings file (implemented in src/settings/). */
export interface SettingsSource {
  /** Absolute path of the settings file. */
  readonly path: string;
  /** The current settings (validated). */
  read(): Settings;
  /**
   * Replace the whole settings file with `next` after validating it (schema and ladder); throws a
   * UserError and writes nothing when it is invalid. Absent where settings are read-only.
   */
  write?(next: Settings): Promise<void>;
}

/** Dependencies of a command. */
export interface CommandContext {
  /** Open the database named by --db / DUEDESK_DB / the default (opened once, then reused). */
  openStore(): Promise<Store>;
  settings: SettingsSource;
  env: NodeJS.ProcessEnv;
  stdout: TextSink;
  stderr: TextSink;
  /** The wall clock; read only here at the edge, never inside src/core. */
  now(): Date;
  /** Directory relative paths are resolved against. */
  cwd: string;
}
