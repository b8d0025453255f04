/** Detection of a key repeated inside one import file, naming the line that had it first. */
import type { RowReader } from './row-reader.js';

/** Remembers the first line of each key seen in a file. */
export class DuplicateKeys {
  private readonly first = new Map<string, number>();

  /**
   * Record `key` for the current row; a repeat is an error on `column`. Returns false for a repeat.
   * `describe` names the key in the message (built only when needed: this runs for every row).
   */
  check(reader: RowReader, column: string, key: string, describe?: () => string): boolean {
    const line = this.first.get(key);
    if (line !== undefined) {
      reader.fail(column, `duplicate ${describe ? describe() : `"${key}"`} (first on line ${line})`);
      return false;
    }
    this.first.set(key, reader.line);
    return true;
  }
}
