/**
 * Validation of an items file (docs/reference/csv.md §2.2). Sign rules: invoices and charges have a
 * positive amount; a credit note may be written with either sign and is always stored negative
 * (ERPs export both ways). An open amount, when given, has the item's sign and is not larger than
 * the amount.
 */
import type { Item, ItemKind, Minor } from '../domain.js';
import { ITEM_KINDS } from '../domain.js';
import { validChunks, type RecordsInput, type RowReader } from './row-reader.js';
import type { RowError, ValidRow } from './types.js';

/** An item as read from a file: `openAmount` is null when the cell was empty (the importer decides). */
export type ImportedItem = Omit<Item, 'openAmount'> & { openAmount: Minor | null };

/** What item validation needs to know about existing data. */
export interface ItemLookup {
  /** The customer's currency, or undefined when no such customer exists. */
  customerCurrency(code: string): string | undefined;
}

/**
 * Turn item records into ImportedItems or errors, yielding valid rows in chunks of up to `size` as
 * they are read (see validChunks); (customer_code, number) must be unique in the file. Returns every
 * (customer, number → first line) the file names, valid or not (for --snapshot).
 */
export function* validItemChunks(
  input: RecordsInput,
  lookup: ItemLookup,
  size: number,
): Generator<ValidRow<ImportedItem>[], { errors: RowError[]; validRows: number; listed: Map<string, Map<string, number>> }, void> {
  const listed = new Map<string, Map<string, number>>();
  const result = yield* validChunks(input, (reader): ImportedItem | undefined => {
    const customerCode = reader.required('customer_code');
    const number = reader.required('number');
    if (customerCode !== undefined && number !== undefined) {
      // One map serves both the duplicate check and --snapshot (a million-row file has no room for two).
      let numbers = listed.get(customerCode);
      if (numbers === undefined) listed.set(customerCode, (numbers = new Map()));
      const first = numbers.get(number);
      if (first === undefined) numbers.set(number, reader.line);
      else reader.fail('number', `duplicate number "${number}" for customer "${customerCode}" (first on line ${first})`);
    }
    const customerCurrency = customerCode === undefined ? undefined : lookup.customerCurrency(customerCode);
    if (customerCode !== undefined && customerCurrency === undefined) {
      reader.fail('customer_code', `unknown customer "${customerCode}" (import customers first)`);
    }
    const currency = reader.currency('currency', customerCurrency);
    const kind = readKind(reader);
    const issueDate = reader.date('issue_date', true);
    const dueDate = reader.date('due_date', true);
    if (issueDate && dueDate && dueDate < issueDate) reader.fail('due_date', `${dueDate} is before issue_date ${issueDate}`);
    let amount = reader.amount('amount', currency, true);
    let openAmount = reader.amount('open_amount', currency, false);
    if (kind !== undefined && amount != null) {
      ({ amount, openAmount } = applySignRules(reader, kind, amount, openAmount ?? null));
    }
    const reference = reader.optional('reference');
    const caseRef = reader.optional('case');
    const holdUntil = reader.date('hold_until', false);
    const dispute = reader.optional('dispute');
    if (
      customerCode === undefined || number === undefined || currency === undefined || kind === undefined ||
      !issueDate || !dueDate || amount == null || openAmount === undefined || holdUntil === undefined ||
      reference === undefined || caseRef === undefined || dispute === undefined
    ) {
      return undefined;
    }
    return { customerCode, number, kind, issueDate, dueDate, amount, openAmount, currency, reference, case: caseRef, holdUntil, dispute };
  }, size);
  return { ...result, listed };
}

function readKind(reader: RowReader): ItemKind | undefined {
  const text = reader.text('kind');
  if (text === undefined) return undefined;
  const value = text.toLowerCase();
  if (value === '') return 'invoice';
  const kind = ITEM_KINDS.find((known) => known === value);
  return kind ?? reader.fail('kind', `"${text}" is not a kind (${ITEM_KINDS.join(', ')})`);
}

function applySignRules(
  reader: RowReader,
  kind: ItemKind,
  amount: Minor,
  openAmount: Minor | null,
): { amount: Minor | undefined; openAmount: Minor | null | undefined } {
  if (kind === 'credit_note') {
    if (amount === 0) return { amount: reader.fail('amount', 'a credit note cannot be 0'), openAmount };
    const open = openAmount === null ? null : -Math.abs(openAmount);
    if (open !== null && open < -Math.abs(amount)) {
      return { amount: -Math.abs(amount), openAmount: reader.fail('open_amount', 'is larger than amount') };
    }
    return { amount: -Math.abs(amount), openAmount: open };
  }
  if (amount <= 0) {
    const hint = amount < 0 ? ' (a negative amount is a credit note: set kind to credit_note)' : '';
    return { amount: reader.fail('amount', `must be greater than 0 for ${kind === 'invoice' ? 'an invoice' : 'a charge'}${hint}`), openAmount };
  }
  if (openAmount !== null && openAmount < 0) return { amount, openAmount: reader.fail('open_amount', 'cannot be negative') };
  if (openAmount !== null && openAmount > amount) return { amount, openAmount: reader.fail('open_amount', 'is larger than amount') };
  return { amount, openAmount };
}
