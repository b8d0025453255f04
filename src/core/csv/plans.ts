/**
 * Validation of an installment plans file (docs/reference/csv.md §2.4); installments are in the
 * customer's currency.
 */
import type { InstallmentPlan } from '../domain.js';
import { DuplicateKeys } from './duplicates.js';
import { validateRecords, type RecordsInput } from './row-reader.js';
import type { Validated } from './types.js';

/** What plan validation needs to know about existing data. */
export interface PlanLookup {
  /** The customer's currency, or undefined when no such customer exists. */
  customerCurrency(code: string): string | undefined;
}

/** Turn plan records into InstallmentPlans or errors; (customer_code, case) must be unique in the file. */
export function validatePlans(input: RecordsInput, lookup: PlanLookup): Validated<InstallmentPlan> {
  const seen = new DuplicateKeys();
  return validateRecords(input, (reader) => {
    const customerCode = reader.required('customer_code');
    const caseRef = reader.required('case');
    if (customerCode !== undefined && caseRef !== undefined) {
      seen.check(reader, 'case', `${customerCode}\u0000${caseRef}`, () => `case "${caseRef}" for customer "${customerCode}"`);
    }
    const currency = customerCode === undefined ? undefined : lookup.customerCurrency(customerCode);
    if (customerCode !== undefined && currency === undefined) {
      reader.fail('customer_code', `unknown customer "${customerCode}" (import customers first)`);
    }
    const installment = reader.amount('installment', currency, true);
    if (installment != null && installment <= 0) reader.fail('installment', 'must be greater than 0');
    const dayOfMonth = reader.integer('day_of_month', 1, 31, true);
    const startDate = reader.date('start_date', true);
    const endDate = reader.date('end_date', false);
    if (startDate && endDate && endDate < startDate) reader.fail('end_date', `${endDate} is before start_date ${startDate}`);
    const active = reader.boolean('active', true);
    if (
      customerCode === undefined || caseRef === undefined || installment == null || dayOfMonth == null ||
      !startDate || endDate === undefined || active === undefined
    ) {
      return undefined;
    }
    return { customerCode, case: caseRef, installment, dayOfMonth, startDate, endDate, active };
  });
}
