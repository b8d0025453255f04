/**
 * What every command and feature gets from the entry: the database, the settings, the streams and
 * the wall clock. Built once by the CLI (src/cli/main.ts); tests build their own. It lives below
 * the CLI so delivery, previews and the UI take it without importing the CLI.
 */
import type { Ledger } from '../storage/ledger.js';
import type { SettingsSource } from '../settings/source.js';
import type { TextSink } from '../core/text-sink.js';

export type { TextSink };

/** Dependencies of a command. */
export interface CommandContext {
  /** Open the ledger named by --db / DUEDESK_DB / the default (opened once, then reused). */
  openLedger(): Promise<Ledger>;
  /** False when the ledger is a file not yet created (a command that only looks must not create it); absent: it may be opened. */
  ledgerExists?(): boolean;
  settings: SettingsSource;
  env: NodeJS.ProcessEnv;
  stdout: TextSink;
  stderr: TextSink;
  /** The wall clock; read only here at the edge, never inside src/core. */
  now(): Date;
  /** Directory relative paths are resolved against. */
  cwd: string;
}
