/**
 * The settings file: a JSON file kept with conf (file mode 0600) in the user config directory or
 * the one named by --config-dir / DUEDESK_CONFIG_DIR. Reading validates the whole file; a file
 * with invalid JSON or a bad value is reported (file and key) and never overwritten.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import { UserError } from '../core/exit-codes.js';
import type { SettingsSource } from './source.js';
import type { Settings } from '../core/settings.js';
import { formatProblems, validateSettings } from './validate.js';
import { SETTINGS_FILE_NAME } from './paths.js';

/** The settings file of one config directory. Reads are fresh each time, so edits show at once. */
export class SettingsFile implements SettingsSource {
  /** Absolute path of config.json. */
  readonly path: string;

  /** @param configDir absolute directory holding config.json (created on the first write). */
  constructor(readonly configDir: string) {
    this.path = join(configDir, SETTINGS_FILE_NAME);
  }

  /** The stored settings (no defaults applied); {} when there is no file yet. */
  read(): Settings {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new UserError(`settings file ${this.path} cannot be read: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UserError(
        `settings file ${this.path} is not valid JSON (${jsonWhere(text, error as Error)}); ` +
          'fix it by hand or delete it — duedesk will not overwrite it',
      );
    }
    const problems = formatProblems(validateSettings(data));
    if (problems.length > 0) {
      throw new UserError(
        `settings file ${this.path}: ${problems.join('; ')} — fix that key in the file by hand; duedesk will not overwrite it`,
      );
    }
    return data as Settings;
  }

  /**
   * Replace the whole file with `next` after validating it; throws UserError and writes nothing
   * when `next` or the file on disk is invalid.
   */
  async write(next: Settings): Promise<void> {
    this.read(); // an unreadable or invalid file on disk is reported, never replaced
    const problems = formatProblems(validateSettings(next));
    if (problems.length > 0) throw new UserError(problems.join('; '));
    mkdirSync(this.configDir, { recursive: true, mode: 0o700 });
    (await this.conf()).store = next as Record<string, unknown>;
  }

  /**
   * conf does the writing: path, atomic replace, file mode. It gets no `schema` option because
   * write() has already validated with the same schema (compiled once), and conf would compile it
   * again for every instance — a third of a second on each `config set`. It is loaded only here,
   * so commands that merely read settings never load it (or the ajv it brings).
   */
  private async conf(): Promise<Conf<Record<string, unknown>>> {
    const { default: ConfClass } = await import('conf');
    return new ConfClass<Record<string, unknown>>({
      cwd: this.configDir,
      configName: SETTINGS_FILE_NAME.replace(/\.json$/, ''),
      configFileMode: 0o600,
      clearInvalidConfig: false,
    });
  }
}

/** Where JSON.parse stopped, as "line L, column C: reason" when the engine says a position. */
function jsonWhere(text: string, error: Error): string {
  const reason = error.message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+/, '');
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (text.trim() === '') return 'the file is empty';
  if (position === undefined) return reason;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${reason}`;
}
