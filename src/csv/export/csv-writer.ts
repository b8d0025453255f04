/**
 * Writing CSV to a text sink in batches (csv-stringify), so a million-row export neither builds
 * one giant string nor calls write once per row. Text cells are escaped against spreadsheet
 * formula injection here, for every export, unless the export is raw (core/csv/formula-escape.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { TextSink } from '../../core/text-sink.js';
import { escapeFormula } from '../../core/csv/formula-escape.js';

const BATCH = 10_000;

/** A CSV cell: text, or null/undefined for an empty cell. */
export type Cell = string | null | undefined;

/** How cells are written. */
export interface CsvWriterOptions {
  /** True for columns holding text; amounts, dates and numbers are never escaped. */
  isText(column: string): boolean;
  /** `--raw`: write every value as it is, unescaped. */
  raw: boolean;
}

/** Collects rows and writes them to `sink` as CSV, the header first. Call `end()` once. */
export class CsvWriter {
  private rows: Cell[][] = [];
  /** Positions of the columns whose cells are escaped. */
  private readonly escaped: number[];

  /** Start a CSV with this header row. */
  constructor(
    private readonly sink: TextSink,
    header: readonly string[],
    options: CsvWriterOptions,
  ) {
    this.rows.push([...header]);
    this.escaped = options.raw ? [] : header.flatMap((column, position) => (options.isText(column) ? [position] : []));
  }

  /** Add one row (written when the batch is full or at `end()`). */
  row(cells: Cell[]): void {
    for (const position of this.escaped) {
      const cell = cells[position];
      if (cell) cells[position] = escapeFormula(cell);
    }
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
