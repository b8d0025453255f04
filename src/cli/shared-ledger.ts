/**
 * What the command line does differently for a ledger on PostgreSQL: the password may come from
 * the host's `db.passwordCommand`, and the settings a command reads are the host's file merged
 * with the ledger's shared settings (src/settings/shared-settings.ts), read once at start.
 */
import type { Ledger } from '../storage/ledger.js';
import { asRoleRefusal } from '../actions/role-refusal.js';
import { operatorName } from '../delivery/record.js';
import { readLedgerSettings, replaceLedgerSettings, settingChanges } from '../storage/ledger-settings.js';
import { isPermissionRefusal } from '../storage/roles.js';
import { LedgerSettingsSource } from '../settings/ledger-settings-source.js';
import type { SettingsSource } from '../settings/source.js';
import { runPasswordCommand } from '../mail/password.js';

/** The password supplier for the ledger, when the host's settings name a password command. */
export function ledgerPassword(file: SettingsSource, env: NodeJS.ProcessEnv): (() => Promise<string>) | undefined {
  const command = file.read().db?.passwordCommand;
  if (command === undefined || command.trim() === '') return undefined;
  return () => runPasswordCommand(command, env, 'db.passwordCommand');
}

/**
 * The host's settings on a shared ledger: its file, with the ledger's shared keys over it. Each
 * shared key changed is recorded in the audit trail with who and when; a change the ledger's
 * roles refuse names the keys and the role it needs (docs/reference/roles.md §3).
 */
export async function sharedSettings(ledger: Ledger, file: SettingsSource, now: () => Date): Promise<SettingsSource> {
  const shared = await ledger.read(readLedgerSettings);
  return new LedgerSettingsSource(file, shared, async (entries) => {
    const by = { operator: operatorName(ledger, file.read().operator), at: now().toISOString() };
    try {
      await ledger.write((sql) => replaceLedgerSettings(sql, entries, by));
    } catch (error) {
      if (!isPermissionRefusal(error)) throw error;
      const keys = (await ledger.read((sql) => settingChanges(sql, entries))).map((change) => change.key);
      throw await asRoleRefusal(error, ledger, `changing ${keys.join(', ') || 'the shared settings'}`, 'admin');
    }
  });
}
