/** One thing wrong with a settings object. */
export interface SettingsProblem {
  /** Dotted key with list positions, e.g. `policy.levels[2].days`; empty for the whole object. */
  key: string;
  message: string;
}
