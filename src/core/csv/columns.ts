/**
 * The columns of each import file (docs/reference/csv.md §2; the names are a contract) and the
 * mapping of a header row onto them. Header names are matched case-insensitively after trimming;
 * order is free.
 */
import type { CsvRecord, ImportKind, RowError } from './types.js';

/** One column of an import file. */
export interface ColumnSpec {
  name: string;
  required: boolean;
}

function columns(list: string): ColumnSpec[] {
  return list.split(',').map((entry) => ({ name: entry.replace('*', ''), required: entry.endsWith('*') }));
}

/** The contract columns per kind, in the order export writes them. */
export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  customers: columns(
    'code*,name*,email,email2,email3,language,currency,reminders,statement_every_days,agent_email,hold_until,notes,profile,statements,' +
      'contact_person,phone,address_line1,address_line2,postal_code,city,country',
  ),
  items: columns(
    'customer_code*,number*,issue_date*,due_date*,amount*,open_amount,currency,kind,reference,case,hold_until,dispute',
  ),
  payments: columns('customer_code*,date*,amount*,reference*,item_number,case,currency'),
  plans: columns('customer_code*,case*,installment*,day_of_month*,start_date*,end_date,active'),
};

/** Where each known column sits in the records of one file (absent columns are not in the map). */
export type ColumnIndex = ReadonlyMap<string, number>;

/** Result of reading a header row. */
export type HeaderResult = { ok: true; index: ColumnIndex } | { ok: false; errors: RowError[] };

/** Map a header record onto the columns of `kind`: unknown, repeated or missing required columns are errors. */
export function mapHeader(kind: ImportKind, header: CsvRecord): HeaderResult {
  const specs = COLUMNS[kind];
  const known = new Set(specs.map((spec) => spec.name));
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  header.fields.forEach((raw, position) => {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      errors.push({ line: header.line, column: 'header', message: `column ${position + 1} has no name` });
    } else if (!known.has(name)) {
      errors.push({
        line: header.line,
        column: 'header',
        message: `unknown column "${raw.trim()}" for ${kind} (known: ${specs.map((s) => s.name).join(', ')})`,
      });
    } else if (index.has(name)) {
      errors.push({ line: header.line, column: 'header', message: `column "${name}" appears twice` });
    } else {
      index.set(name, position);
    }
  });
  const missing = specs.filter((spec) => spec.required && !index.has(spec.name)).map((spec) => spec.name);
  if (missing.length > 0) {
    errors.push({
      line: header.line,
      column: 'header',
      message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}
