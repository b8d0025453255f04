import type { Settings } from '../core/settings.js';

/** Read access to the settings file (implemented in ./file.ts). */
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
