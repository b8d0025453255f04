/**
 * Validation of a payments file (docs/reference/csv.md §2.3). The optional `currency` column
 * defaults to the named item's currency, else the customer's; the amount is read with that
 * currency's decimals. A payment that names an item must be in the item's currency: it settles the
 * item, and an open amount has one currency.
 */
import type { ItemKind, Payment } from '../domain.js';
import { DuplicateKeys } from './duplicates.js';
import { validateRecords, type RecordsInput, type RowReader } from './row-reader.js';
import type { Validated } from './types.js';

/** What payment validation needs to know about existing data. */
export interface PaymentLookup {
  /** The customer's currency, or undefined when no such customer exists. */
  customerCurrency(code: string): string | undefined;
  /** The named item of that customer, or undefined when it does not exist. */
  item(customerCode: string, number: string): { currency: string; kind: ItemKind } | undefined;
}

/** Validated payments plus every (customer → references) the file names, valid or not (for --snapshot). */
export interface ValidatedPayments extends Validated<Payment> {
  listed: Map<string, Set<string>>;
}

/** Turn payment records into Payments or errors; `reference` must be unique in the file. */
export function validatePayments(input: RecordsInput, lookup: PaymentLookup): ValidatedPayments {
  const seen = new DuplicateKeys();
  const listed = new Map<string, Set<string>>();
  const result = validateRecords(input, (reader) => {
    const customerCode = reader.required('customer_code');
    const reference = reader.required('reference');
    if (reference !== undefined) seen.check(reader, 'reference', reference);
    // An invalid row still names its payment: --snapshot must not remove what the file meant to keep.
    if (customerCode !== undefined && reference !== undefined) {
      let references = listed.get(customerCode);
      if (references === undefined) listed.set(customerCode, (references = new Set()));
      references.add(reference);
    }
    const date = reader.date('date', true);
    const itemNumber = reader.optional('item_number');
    const caseRef = reader.optional('case');
    const currency = customerCode === undefined ? undefined : paymentCurrency(reader, lookup, customerCode, itemNumber);
    const amount = reader.amount('amount', currency, true);
    if (amount != null && amount <= 0) reader.fail('amount', 'must be greater than 0');
    if (customerCode === undefined || reference === undefined || !date || amount == null || currency === undefined) return undefined;
    if (itemNumber === undefined || caseRef === undefined) return undefined;
    return { customerCode, date, amount, reference, itemNumber, case: caseRef, currency };
  });
  return { ...result, listed };
}

/** The currency the payment is in; records why when it cannot be known. */
function paymentCurrency(
  reader: RowReader,
  lookup: PaymentLookup,
  customerCode: string,
  itemNumber: string | null | undefined,
): string | undefined {
  const customerCurrency = lookup.customerCurrency(customerCode);
  const written = reader.currency('currency', undefined);
  if (customerCurrency === undefined) return reader.fail('customer_code', `unknown customer "${customerCode}" (import customers first)`);
  if (itemNumber === undefined) return undefined;
  if (itemNumber === null) return written ?? customerCurrency;
  const item = lookup.item(customerCode, itemNumber);
  if (item === undefined) return reader.fail('item_number', `customer "${customerCode}" has no item "${itemNumber}"`);
  if (item.kind === 'credit_note') {
    return reader.fail('item_number', `"${itemNumber}" is a credit note; payments settle invoices and charges`);
  }
  if (written !== undefined && written !== item.currency) {
    return reader.fail('currency', `"${written}" is not the currency of item "${itemNumber}" (${item.currency}); a payment settles its item in the item's currency`);
  }
  return item.currency;
}
