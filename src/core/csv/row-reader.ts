/**
 * Reads typed values out of one CSV record by column name, recording a RowError for every field
 * that is not acceptable, so a single pass over a row reports all of its problems at once.
 * Convention: a getter returns `null` for an empty cell and `undefined` when the cell is invalid
 * (an error has then been recorded). Every cell is first trimmed, unescaped when it is a text cell
 * (formula-escape.ts) and checked against its column's length and control-character rule
 * (field-rules.ts), once per row; a cell refused there reads as invalid in every getter.
 */
import type { IsoDate, Language, Minor } from '../domain.js';
import { LANGUAGES } from '../domain.js';
import { currencyDigits, isCurrency, parseAmount } from '../money.js';
import { parseDate } from '../dates.js';
import { isValidAddress } from '../recipients.js';
import type { ColumnIndex } from './columns.js';
import { fieldProblem, fieldRule, type FieldRule } from './field-rules.js';
import { unescapeFormula } from './formula-escape.js';
import { parsePlainAmount } from './plain-amount.js';
import type { CsvRecord, RowError, Validated, ValidRow, ValueFormat } from './types.js';

const DATE_EXAMPLE = { YMD: '2026-03-31', DMY: '31/03/2026', MDY: '03/31/2026' } as const;
const TRUE_WORDS = new Set(['yes', 'true', '1']);
const FALSE_WORDS = new Set(['no', 'false', '0']);

/** Typed access to the fields of one record at a time; collects every problem found. */
export class RowReader {
  /** Every problem recorded so far, for all rows read with this reader. */
  readonly errors: RowError[] = [];
  private record: CsvRecord = { line: 0, fields: [] };
  private rowErrorCount = 0;
  /** The checked value of each cell of the current record by field position; undefined when refused. */
  private readonly values: Array<string | undefined> = [];
  private readonly columns: ReadonlyArray<{ name: string; position: number; rule: FieldRule }>;

  /** @param width number of columns in the header row */
  constructor(
    private readonly index: ColumnIndex,
    private readonly format: ValueFormat,
    private readonly width: number,
  ) {
    this.columns = [...index].map(([name, position]) => ({ name, position, rule: fieldRule(name) }));
  }

  /** Start reading `record`; a record with more fields than the header is refused as a whole. */
  start(record: CsvRecord): boolean {
    this.record = record;
    this.rowErrorCount = this.errors.length;
    if (record.fields.length > this.width) {
      this.fail('row', `has ${record.fields.length} fields but the header has ${this.width} (unquoted delimiter in a value?)`);
      return false;
    }
    for (const { name, position, rule } of this.columns) {
      const trimmed = (record.fields[position] ?? '').trim();
      const value = rule.text ? unescapeFormula(trimmed) : trimmed;
      const problem = fieldProblem(value, rule);
      if (problem !== null) this.fail(name, problem);
      this.values[position] = problem === null ? value : undefined;
    }
    return true;
  }

  /** True while no problem was recorded for the current record. */
  get rowOk(): boolean {
    return this.errors.length === this.rowErrorCount;
  }

  /** The line of the current record. */
  get line(): number {
    return this.record.line;
  }

  /** True when the file has this column. */
  has(column: string): boolean {
    return this.index.has(column);
  }

  /** Record a problem for the current record. */
  fail(column: string, message: string): undefined {
    this.errors.push({ line: this.record.line, column, message });
    return undefined;
  }

  /** The checked cell text ('' when empty or the column is absent; undefined when refused). */
  text(column: string): string | undefined {
    const position = this.index.get(column);
    if (position === undefined) return '';
    return this.values[position];
  }

  /** Text that must not be empty. */
  required(column: string): string | undefined {
    const value = this.text(column);
    return value === '' ? this.fail(column, 'is required') : value;
  }

  /** Optional text (null when empty, undefined when refused). */
  optional(column: string): string | null | undefined {
    const value = this.text(column);
    return value === '' ? null : value;
  }

  /** A calendar date in the file's date format. */
  date(column: string, required: boolean): IsoDate | null | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (value === '') return required ? this.fail(column, 'is required') : null;
    const date = parseDate(value, this.format.dateFormat);
    if (date !== null) return date;
    const example = DATE_EXAMPLE[this.format.dateFormat];
    return this.fail(column, `"${value}" is not a real date (expected ${this.format.dateFormat} like ${example}; see --date-format)`);
  }

  /**
   * An amount in minor units of `currency` (null when empty and not required). When the currency
   * is unknown (the row has another error) only the syntax is checked, so every problem is listed.
   */
  amount(column: string, currency: string | undefined, required: boolean): Minor | null | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (value === '') return required ? this.fail(column, 'is required') : null;
    const digits = currency === undefined ? 9 : currencyDigits(currency);
    const plain = parsePlainAmount(value, digits, this.format.decimalComma);
    if (plain !== undefined) return currency === undefined ? undefined : plain;
    const result = parseAmount(value, digits, { decimalComma: this.format.decimalComma });
    if (!result.ok) {
      return this.fail(column, result.error.includes(' has more than ') ? `${result.error} for ${currency}` : result.error);
    }
    return currency === undefined ? undefined : result.value;
  }

  /** yes/no/true/false/1/0 (case-insensitive); `fallback` when empty. */
  boolean(column: string, fallback: boolean): boolean | undefined {
    const text = this.text(column);
    if (text === undefined) return undefined;
    const value = text.toLowerCase();
    if (value === '') return fallback;
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    return this.fail(column, `"${text}" is not yes/no/true/false/1/0`);
  }

  /** A whole number in [min, max] (null when empty and not required). */
  integer(column: string, min: number, max: number, required: boolean): number | null | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (value === '') return required ? this.fail(column, 'is required') : null;
    const number = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(number) || number < min || number > max) {
      return this.fail(column, `"${value}" is not a whole number from ${min} to ${max}`);
    }
    return number;
  }

  /** An ISO 4217 code (upper-cased); `fallback` when empty. */
  currency(column: string, fallback: string | undefined): string | undefined {
    const text = this.text(column);
    if (text === undefined) return undefined;
    const value = text.toUpperCase();
    if (value === '') return fallback;
    if (!isCurrency(value)) return this.fail(column, `"${text}" is not an ISO 4217 currency code`);
    return value;
  }

  /** One of the shipped languages (lower-cased); `fallback` when empty. */
  language(column: string, fallback: Language): Language | undefined {
    const text = this.text(column);
    if (text === undefined) return undefined;
    const value = text.toLowerCase();
    if (value === '') return fallback;
    const language = LANGUAGES.find((known) => known === value);
    if (language === undefined) {
      return this.fail(column, `"${text}" is not a supported language (${LANGUAGES.join(', ')})`);
    }
    return language;
  }

  /** Exactly one e-mail address, or null when empty. Lists and header-breaking characters are refused. */
  email(column: string): string | null | undefined {
    const raw = this.record.fields[this.index.get(column) ?? -1] ?? '';
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (/[\r\n]/.test(raw)) return this.fail(column, 'contains a line break');
    if (/[,;]/.test(value) || (value.match(/@/g) ?? []).length > 1) {
      return this.fail(column, `"${value}" holds several addresses; give one address per column`);
    }
    if (!isValidAddress(value)) return this.fail(column, `"${value}" is not an e-mail address`);
    return value;
  }
}

/** The records of one file with its header mapping and value format: what every validator reads. */
export interface RecordsInput {
  /** Read once, in order (an import splits the file as it goes). */
  records: Iterable<CsvRecord>;
  index: ColumnIndex;
  /** Number of columns in the header row. */
  width: number;
  format: ValueFormat;
}

/**
 * Run `readRow` over every record; a row becomes a valid row only when `readRow` returns a value
 * and recorded no problem. `readRow` should read every column so that all problems are listed.
 */
export function validateRecords<T>(input: RecordsInput, readRow: (reader: RowReader) => T | undefined): Validated<T> {
  const rows: Validated<T>['rows'] = [];
  const chunks = validChunks(input, readRow, Number.POSITIVE_INFINITY);
  for (;;) {
    const next = chunks.next();
    if (next.done) return { rows, errors: next.value.errors };
    // One push per row: spreading a chunk as arguments overflows the stack past about 100,000 rows.
    for (const row of next.value) rows.push(row);
  }
}

/**
 * The valid rows in chunks of up to `size` as they are read, then (as the generator's return
 * value) every problem found and how many rows were valid: a caller that writes each chunk
 * asynchronously awaits between chunks, and the file is still read once.
 */
export function* validChunks<T>(
  input: RecordsInput,
  readRow: (reader: RowReader) => T | undefined,
  size: number,
): Generator<ValidRow<T>[], { errors: RowError[]; validRows: number }, void> {
  const reader = new RowReader(input.index, input.format, input.width);
  let chunk: ValidRow<T>[] = [];
  let validRows = 0;
  for (const record of input.records) {
    // Spreadsheets leave rows of bare delimiters (",,,,") below the data: nothing to import or report.
    if (record.fields.every((field) => field.trim() === '')) continue;
    if (!reader.start(record)) continue;
    const row = readRow(reader);
    if (row === undefined || !reader.rowOk) continue;
    chunk.push({ line: record.line, row });
    validRows += 1;
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
  return { errors: reader.errors, validRows };
}
