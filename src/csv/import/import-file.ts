/**
 * One import, end to end: read the file, map its header, then — inside a single ledger write, so
 * under the lock, on the freshest data, in one transaction and one save — validate every row
 * against the database and apply (items a chunk at a time as they are read). Any invalid row (without --skip-invalid) aborts the write, so
 * nothing changes; an import that would change nothing aborts it too, so the file is not rewritten.
 */
import { resolve } from 'node:path';
import { mapHeader, type ColumnIndex } from '../../core/csv/columns.js';
import { validateCustomers, type CustomerDefaults } from '../../core/csv/customers.js';
import { validItemChunks } from '../../core/csv/items.js';
import { validatePayments } from '../../core/csv/payments.js';
import { validatePlans } from '../../core/csv/plans.js';
import type { CsvRecord, RowError } from '../../core/csv/types.js';
import type { RecordsInput } from '../../core/csv/row-reader.js';
import type { Ledger } from '../../storage/ledger.js';
import type { Sql } from '../../storage/sql.js';
import { readCsvFile } from '../read-csv-file.js';
import { applyCustomers } from './apply-customers.js';
import { ItemsApplier } from './apply-items.js';
import { applyPayments } from './apply-payments.js';
import { applyPlans } from './apply-plans.js';
import { changedAnything, noCounts, type ImportCounts } from './counts.js';
import { customerCurrencies, itemInfos, itemKey } from '../../storage/import-lookups.js';
import type { ImportRequest } from './request.js';
import { IMPORTED_TABLES, refreshStatistics } from '../../storage/statistics.js';

/** What an import did: counts of what was applied and every problem found. */
export interface ImportOutcome {
  counts: ImportCounts;
  errors: RowError[];
  /** Rows with at least one problem. */
  invalidRows: number;
  /** Rows that passed validation. */
  validRows: number;
  /** True when the changes were saved (false: rejected, or nothing to change). */
  saved: boolean;
}

/**
 * Valid item rows applied at a time: big enough for bulk inserts, small enough that a chunk dies
 * young. Rows of 10,000-row chunks outlived the young generation and piled up in the old one until
 * a full collection (a re-import of 1M items peaked at 820 MB; with 2,000 at 490 MB, and faster).
 */
const ITEMS_PER_CHUNK = 2_000;

/** Thrown inside the ledger write to roll back and skip the save; carries the outcome out. */
class Abandon extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import abandoned');
  }
}

/** Import `request.file` (relative to `cwd`) into `ledger`. Throws UserError for unreadable files. */
export async function importFile(
  ledger: Ledger,
  request: ImportRequest,
  defaults: CustomerDefaults,
  cwd: string,
  progress?: (line: number, lines: number) => void,
): Promise<ImportOutcome> {
  const csv = await readCsvFile(resolve(cwd, request.file), request.file, request.encoding);
  const header = mapHeader(request.kind, csv.header);
  if (!header.ok) {
    return { counts: noCounts(), errors: header.errors, invalidRows: 0, validRows: 0, saved: false };
  }
  const width = csv.header.fields.length;
  try {
    return await ledger.write(async (sql) => {
      const records = progress === undefined ? csv.records : reporting(csv.records, csv.header.line, (line) => progress(line, csv.lines));
      const outcome = await validateAndApply(sql, request, records, header.index, width, defaults);
      if (!outcome.saved) throw new Abandon(outcome);
      // The next plan reads the imported rows: let the query planner know how many there are now.
      await refreshStatistics(sql, IMPORTED_TABLES[request.kind]);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Abandon) return error.outcome;
    throw error;
  }
}

/** `records` as they are read, telling `reached` the line (after the header's) of every 1,000th. */
function* reporting(records: Iterable<CsvRecord>, headerLine: number, reached: (line: number) => void): Generator<CsvRecord> {
  let read = 0;
  for (const record of records) {
    read += 1;
    if (read % 1000 === 0) reached(record.line - headerLine);
    yield record;
  }
}

async function validateAndApply(
  sql: Sql,
  request: ImportRequest,
  records: Iterable<CsvRecord>,
  index: ColumnIndex,
  width: number,
  defaults: CustomerDefaults,
): Promise<ImportOutcome> {
  const input: RecordsInput = { records, index, width, format: request.format };
  const currencies = request.kind === 'customers' ? new Map<string, string>() : await customerCurrencies(sql);
  const customerCurrency = (code: string): string | undefined => currencies.get(code);
  let result: { validRows: number; errors: RowError[]; apply: () => Promise<ImportCounts> };
  switch (request.kind) {
    case 'customers': {
      const v = validateCustomers(input, defaults);
      result = { validRows: v.rows.length, errors: v.errors, apply: () => applyCustomers(sql, v.rows, index) };
      break;
    }
    case 'items': {
      // Applied chunk by chunk while the file is read; a rejected file rolls the whole write back.
      const items = await ItemsApplier.start(sql, index, request.snapshot);
      const chunks = validItemChunks(input, { customerCurrency }, ITEMS_PER_CHUNK);
      let next = chunks.next();
      for (; !next.done; next = chunks.next()) await items.apply(next.value);
      const v = next.value;
      result = { validRows: v.validRows, errors: v.errors, apply: () => items.finish(v.listed) };
      break;
    }
    case 'payments': {
      // Validated twice over the same records: the first pass learns which items the rows name, so
      // they are looked up in a few queries instead of one per row; the second decides.
      const read: RecordsInput = { ...input, records: [...input.records] };
      const named: [string, string][] = [];
      validatePayments(read, { customerCurrency, item: (customer, number) => void named.push([customer, number]) });
      const items = await itemInfos(sql, named);
      const v = validatePayments(read, { customerCurrency, item: (customer, number) => items.get(itemKey(customer, number)) });
      const { rows, listed } = v;
      result = { validRows: rows.length, errors: v.errors, apply: () => applyPayments(sql, rows, listed, request.snapshot) };
      break;
    }
    case 'plans': {
      const v = validatePlans(input, { customerCurrency });
      result = { validRows: v.rows.length, errors: v.errors, apply: () => applyPlans(sql, v.rows) };
      break;
    }
    default: {
      const never: never = request.kind;
      throw new Error(`unknown import kind ${String(never)}`);
    }
  }
  const invalidRows = new Set(result.errors.map((error) => error.line)).size;
  const base = { errors: result.errors, invalidRows, validRows: result.validRows };
  if (result.errors.length > 0 && (!request.skipInvalid || result.validRows === 0)) {
    return { ...base, counts: noCounts(), saved: false };
  }
  const counts = await result.apply();
  return { ...base, counts, saved: changedAnything(counts) };
}
