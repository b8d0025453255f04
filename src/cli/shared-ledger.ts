/**
 * What the command line does differently for a ledger on PostgreSQL: the password may come from
 * the host's `db.passwordCommand`, and the settings a command reads are the host's file merged
 * with the ledger's shared settings (src/settings/shared-settings.ts), read once at start.
 */
import type { Ledger } from '../storage/ledger.js';
import { readLedgerSettings, replaceLedgerSettings } from '../storage/ledger-settings.js';
import { LedgerSettingsSource } from '../settings/ledger-settings-source.js';
import type { SettingsSource } from '../settings/source.js';
import { runPasswordCommand } from '../mail/password.js';

/** The password supplier for the ledger, when the host's settings name a password command. */
export function ledgerPassword(file: SettingsSource, env: NodeJS.ProcessEnv): (() => Promise<string>) | undefined {
  const command = file.read().db?.passwordCommand;
  if (command === undefined || command.trim() === '') return undefined;
  return () => runPasswordCommand(command, env, 'db.passwordCommand');
}

/** The host's settings on a shared ledger: its file, with the ledger's shared keys over it. */
export async function sharedSettings(ledger: Ledger, file: SettingsSource): Promise<SettingsSource> {
  const shared = await ledger.read(readLedgerSettings);
  return new LedgerSettingsSource(file, shared, (entries) => ledger.write((sql) => replaceLedgerSettings(sql, entries)));
}
