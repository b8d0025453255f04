/**
 * Validation of a payments file (SPEC §7). A payments file has no currency column: a payment is
 * in the currency of the item it names, else in the customer's currency, and its amount is read
 * with that currency's decimals — so a payment can never be in another currency than its item.
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

/** Turn payment records into Payments or errors; `reference` must be unique in the file. */
export function validatePayments(input: RecordsInput, lookup: PaymentLookup): Validated<Payment> {
  const seen = new DuplicateKeys();
  return validateRecords(input, (reader) => {
    const customerCode = reader.required('customer_code');
    const reference = reader.required('reference');
    if (reference !== undefined) seen.check(reader, 'reference', reference);
    const date = reader.date('date', true);
    const itemNumber = reader.optional('item_number');
    const caseRef = reader.optional('case');
    const currency = customerCode === undefined ? undefined : paymentCurrency(reader, lookup, customerCode, itemNumber);
    const amount = reader.amount('amount', currency, true);
    if (amount != null && amount <= 0) reader.fail('amount', 'must be greater than 0');
    if (customerCode === undefined || reference === undefined || !date || amount == null) return undefined;
    if (itemNumber === undefined || caseRef === undefined) return undefined;
    return { customerCode, date, amount, reference, itemNumber, case: caseRef };
  });
}

/** The currency the payment is in; records why when it cannot be known. */
function paymentCurrency(
  reader: RowReader,
  lookup: PaymentLookup,
  customerCode: string,
  itemNumber: string | null | undefined,
): string | undefined {
  const currency = lookup.customerCurrency(customerCode);
  if (currency === undefined) return reader.fail('customer_code', `unknown customer "${customerCode}" (import customers first)`);
  if (itemNumber === undefined) return undefined;
  if (itemNumber === null) return currency;
  const item = lookup.item(customerCode, itemNumber);
  if (item === undefined) return reader.fail('item_number', `customer "${customerCode}" has no item "${itemNumber}"`);
  if (item.kind === 'credit_note') {
    return reader.fail('item_number', `"${itemNumber}" is a credit note; payments settle invoices and charges`);
  }
  return item.currency;
}
