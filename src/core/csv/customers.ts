/** Validation of a customers file (docs/reference/csv.md §2.1): one Customer per valid row. */
import type { Customer, Language } from '../domain.js';
import { DuplicateKeys } from './duplicates.js';
import { DEFAULT_PROFILE } from '../plan.js';
import { isCountryCode, type AddressFields } from '../postal-address.js';
import { validateRecords, type RecordsInput, type RowReader } from './row-reader.js';
import type { Validated } from './types.js';

/** Defaults for cells left empty (from the policy settings), and the profiles a row may name. */
export interface CustomerDefaults {
  language: Language;
  currency: string;
  /** Every profile name of the settings, `default` first. */
  profiles: readonly string[];
}

/** The profile a `profile` cell names: null for the default (empty or `default`); refused when unknown. */
function readProfile(reader: RowReader, known: readonly string[]): string | null | undefined {
  const text = reader.text('profile');
  if (text === undefined) return undefined;
  if (text === '' || text === DEFAULT_PROFILE) return null;
  if (known.includes(text)) return text;
  return reader.fail('profile', `unknown profile "${text}" (known: ${known.join(', ')}; profiles are set in policy.profiles)`);
}

/** The postal address cells, or undefined when one is refused (the problem is recorded). */
function readAddress(reader: RowReader): AddressFields | undefined {
  const addressLine1 = reader.optional('address_line1');
  const addressLine2 = reader.optional('address_line2');
  const postalCode = reader.optional('postal_code');
  const city = reader.optional('city');
  const countryText = reader.optional('country');
  let country: string | null | undefined = countryText;
  if (countryText) {
    country = countryText.toUpperCase();
    if (!isCountryCode(country)) country = reader.fail('country', `"${countryText}" is not an ISO 3166-1 alpha-2 country code (like DE, GR, GB)`);
  }
  if (addressLine1 === undefined || addressLine2 === undefined || postalCode === undefined || city === undefined || country === undefined) {
    return undefined;
  }
  // Half an address would print a letter the post cannot deliver: refuse it rather than guess.
  const given = [addressLine2, postalCode, country].some((cell) => cell !== null);
  if ((given || city !== null) && addressLine1 === null) return reader.fail('address_line1', 'is required when the row has a postal address (the street and number)');
  if ((given || addressLine1 !== null) && city === null) return reader.fail('city', 'is required when the row has a postal address');
  return { addressLine1, addressLine2, postalCode, city, country };
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
    const profile = readProfile(reader, defaults.profiles);
    // A file written for the single switch keeps its meaning: no statements cell follows reminders.
    const statements = reminders === undefined ? undefined : reader.boolean('statements', reminders);
    const address = readAddress(reader);
    const contactPerson = reader.optional('contact_person');
    const phone = reader.optional('phone');
    if (
      code === undefined || name === undefined || email === undefined || email2 === undefined ||
      email3 === undefined || language === undefined || currency === undefined || reminders === undefined ||
      statementEveryDays === undefined || agentEmail === undefined || holdUntil === undefined || notes === undefined ||
      profile === undefined || statements === undefined || address === undefined || contactPerson === undefined ||
      phone === undefined
    ) {
      return undefined;
    }
    return {
      code, name, email, email2, email3, language, currency, reminders, statementEveryDays, agentEmail, holdUntil, notes,
      profile, statements, contactPerson, phone, ...address,
    };
  });
}
