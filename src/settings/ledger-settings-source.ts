/**
 * The settings of a host on a shared ledger: per-host keys from its settings file, shared keys
 * (./shared-settings.ts) from the ledger, read when the ledger was opened. A change is checked
 * as a whole, then the shared part is written to the ledger and the rest to the file.
 */
import type { Settings } from '../core/settings.js';
import { UserError } from '../core/exit-codes.js';
import type { SettingsSource } from './source.js';
import { hostFileSettings, sharedEntries, withSharedSettings, type SettingEntry } from './shared-settings.js';
import { formatProblems, validateSettings } from './validate.js';

/** Writes the shared settings into the ledger (replacing what it held). */
export type SharedSettingsWriter = (entries: SettingEntry[]) => Promise<void>;

/** A SettingsSource over a host's file and a shared ledger's settings. */
export class LedgerSettingsSource implements SettingsSource {
  constructor(
    private readonly file: SettingsSource,
    private shared: SettingEntry[],
    private readonly writeShared: SharedSettingsWriter,
  ) {}

  get path(): string {
    return this.file.path;
  }

  read(): Settings {
    return withSharedSettings(this.file.read(), this.shared);
  }

  async write(next: Settings): Promise<void> {
    if (this.file.write === undefined) throw new UserError('the settings are read-only here');
    const problems = formatProblems(validateSettings(next));
    if (problems.length > 0) throw new UserError(`${problems.join('; ')} (nothing was written)`);
    const shared = sharedEntries(next);
    await this.writeShared(shared);
    this.shared = shared;
    await this.file.write(hostFileSettings(next, this.file.read()));
  }
}
