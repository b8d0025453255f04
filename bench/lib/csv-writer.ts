/**
 * A buffered synchronous CSV file writer: rows are joined into ~1 MB chunks before each write, which
 * keeps generating a million rows to a few seconds without holding the whole file in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

/** Quote a CSV field only when it needs it (comma, quote, CR or LF). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes CSV lines to one file. */
export class CsvFileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  /** Data rows written (the header is not counted). */
  rows = 0;

  /** Create (or truncate) `path` and write the header row. */
  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.push(`${header.join(',')}\n`);
  }

  /** Write one row of already formatted fields; fields are quoted as needed. */
  row(fields: readonly string[]): void {
    this.rows += 1;
    this.push(`${fields.map(csvField).join(',')}\n`);
  }

  /** Flush what is buffered and close the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private push(line: string): void {
    this.parts.push(line);
    this.pending += line.length;
    if (this.pending >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pending = 0;
  }
}
