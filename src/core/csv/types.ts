/**
 * Shapes shared by the CSV row validators (docs/reference/csv.md §3.1). Validators are pure: they
 * receive records already split into fields, plus lookups into existing data, and return
 * `{rows, errors}` — problems are data with a line and a column, never exceptions.
 */
import type { DateFormat } from '../dates.js';

/** What an import file holds. */
export const IMPORT_KINDS = ['customers', 'items', 'payments', 'plans'] as const;
/** One of the importable kinds. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One CSV record: its fields and the physical line (1-based) where it starts in the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A problem with one field (or the header, or a whole row) of an import file. */
export interface RowError {
  line: number;
  /** The column name, or `header` / `row` when no single column is at fault. */
  column: string;
  message: string;
}

/** A valid row turned into a domain value, with the line it came from. */
export interface ValidRow<T> {
  line: number;
  row: T;
}

/** Result of validating a whole file: the good rows and every problem found. */
export interface Validated<T> {
  rows: ValidRow<T>[];
  errors: RowError[];
}

/** How values are written in the file (`--decimal-comma`, `--date-format`). */
export interface ValueFormat {
  decimalComma: boolean;
  dateFormat: DateFormat;
}

/** True when `text` names an importable kind. */
export function isImportKind(text: string): text is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(text);
}
