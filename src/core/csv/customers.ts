/** Validation of a customers file (SPEC §7): one Customer per valid row. */
import type { Customer, Language } from '../domain.js';
import { DuplicateKeys } from './duplicates.js';
import { validateRecords, type RecordsInput } from './row-reader.js';
import type { Validated } from './types.js';

/** Defaults for cells left empty (from the policy settings). */
export interface CustomerDefaults {
  language: Language;
  currency: string;
}

/** Turn customer records into Customers or errors; `code` must be unique within the file. */
export function validateCustomers(input: RecordsInput, defaults: CustomerDefaults): Validated<Customer> {
  const seen = new DuplicateKeys();
  return validateRecords(input, (reader) => {
    const code = reader.required('code');
    if (code !== undefined) seen.check(reader, 'code', code);
    const name = reader.required('name');
    const email = reader.email('email');
    const email2 = reader.email('email2');
    const email3 = reader.email('email3');
    const language = reader.language('language', defaults.language);
    const currency = reader.currency('currency', defaults.currency);
    const reminders = reader.boolean('reminders', true);
    const statementEveryDays = reader.integer('statement_every_days', 1, 3650, false);
    const agentEmail = reader.email('agent_email');
    const holdUntil = reader.date('hold_until', false);
    const notes = reader.text('notes');
    if (
      code === undefined || name === undefined || email === undefined || email2 === undefined ||
      email3 === undefined || language === undefined || currency === undefined || reminders === undefined ||
      statementEveryDays === undefined || agentEmail === undefined || holdUntil === undefined || notes === undefined
    ) {
      return undefined;
    }
    return { code, name, email, email2, email3, language, currency, reminders, statementEveryDays, agentEmail, holdUntil, notes };
  });
}
