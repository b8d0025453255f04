/**
 * Splitting decoded CSV text into records with the physical line each starts on. Quoted fields
 * (with delimiters, quotes and line breaks inside) go through csv-parse. A file without any quote
 * character cannot hold a quoted field, and RFC 4180 parsing of it is exactly a split on line
 * breaks and the delimiter — that path is taken for speed on large exports (~15× faster).
 */
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import type { CsvRecord } from '../core/csv/types.js';
import { UserError } from '../core/exit-codes.js';

/** Field delimiters an import file may use (docs/reference/csv.md §1.1). */
export type Delimiter = ',' | ';' | '\t';

/** Pick the delimiter that occurs most often (outside quotes) in the header line; ',' when none does. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}

/** Records of `text` (line breaks normalised to \n, blank lines skipped). Throws UserError on broken quoting. */
export function splitRecords(text: string, delimiter: Delimiter, file: string): CsvRecord[] {
  return [...eachRecord(text, delimiter, file)];
}

/**
 * The records of `text` as `splitRecords` gives them, but a file without quotes is split one line
 * at a time as the records are read: a million-row import then never holds every row's fields
 * at once beside the rows made from them (quoted files are parsed whole, before the first record).
 */
export function eachRecord(text: string, delimiter: Delimiter, file: string): Iterable<CsvRecord> {
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return normalised.includes('"') ? parseQuoted(normalised, delimiter, file) : splitPlain(normalised, delimiter);
}

function* splitPlain(text: string, delimiter: Delimiter): Generator<CsvRecord> {
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line += 1;
    if (end > start) yield { line, fields: text.slice(start, end).split(delimiter) };
    start = end + 1;
  }
}

function parseQuoted(text: string, delimiter: Delimiter, file: string): CsvRecord[] {
  const starts: number[] = [];
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      // context.lines is the line where the record ends; line breaks inside fields give the start.
      on_record: (fields: string[], context) => {
        starts.push(context.lines - fields.reduce((n, field) => n + countNewlines(field), 0));
        return fields;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? openingQuoteLine(text) : Number(error.lines ?? 0);
      throw new UserError(`${file}:${line}: row: ${describe(error)}`);
    }
    throw error;
  }
  return rows.map((fields, i) => ({ line: starts[i] ?? 0, fields }));
}

/** The line where the last quoted field opens (the one never closed). */
function openingQuoteLine(text: string): number {
  let line = 1;
  let quoted = false;
  let opened = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line += 1;
    else if (char === '"') {
      quoted = !quoted;
      if (quoted) opened = line;
    }
  }
  return opened;
}

function countNewlines(field: string): number {
  let n = 0;
  for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) n += 1;
  return n;
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (missing ")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a quoted field must be doubled ("")';
    default:
      return error.message;
  }
}
