/** Detection of a key repeated inside one import file, naming the line that had it first. */
import type { RowReader } from './row-reader.js';

/** Remembers the first line of each key seen in a file. */
export class DuplicateKeys {
  private readonly first = new Map<string, number>();

  /** Record `key` for the current row; a repeat is an error on `column`. Returns false for a repeat. */
  check(reader: RowReader, column: string, key: string, label = `"${key}"`): boolean {
    const line = this.first.get(key);
    if (line !== undefined) {
      reader.fail(column, `duplicate ${label} (first on line ${line})`);
      return false;
    }
    this.first.set(key, reader.line);
    return true;
  }
}
