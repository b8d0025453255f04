/**
 * Writing CSV to a text sink in batches (csv-stringify), so a million-row export neither builds
 * one giant string nor calls write once per row.
 */
import { stringify } from 'csv-stringify/sync';
import type { TextSink } from '../cli/context.js';

const BATCH = 10_000;

/** A CSV cell: text, or null/undefined for an empty cell. */
export type Cell = string | null | undefined;

/** Collects rows and writes them to `sink` as CSV, the header first. Call `end()` once. */
export class CsvWriter {
  private rows: Cell[][] = [];

  /** Start a CSV with this header row. */
  constructor(
    private readonly sink: TextSink,
    header: readonly string[],
  ) {
    this.rows.push([...header]);
  }

  /** Add one row (written when the batch is full or at `end()`). */
  row(cells: Cell[]): void {
    this.rows.push(cells);
    if (this.rows.length >= BATCH) this.flush();
  }

  /** Write what is left. */
  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    this.sink.write(stringify(this.rows, { record_delimiter: '\n' }));
    this.rows = [];
  }
}
