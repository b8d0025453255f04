/** Checks shared by the collection features: bad input is refused naming what and where, before anything is written. */
import { isIsoDate } from '../core/dates.js';
import type { IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { fieldProblem, fieldRule } from '../core/csv/field-rules.js';
import { customerFacts, type CustomerFacts } from '../storage/collection-lookups.js';
import type { Sql } from '../storage/sql.js';

/** The customer with this code, or a UserError naming it. */
export async function knownCustomer(sql: Sql, what: string, code: string): Promise<CustomerFacts> {
  const customer = await customerFacts(sql, code);
  if (customer === null) throw new UserError(`${what}: unknown customer "${code}"`);
  return customer;
}

/** A calendar date `YYYY-MM-DD`, or a UserError naming the option. */
export function dateArgument(what: string, option: string, value: string): IsoDate {
  if (!isIsoDate(value)) throw new UserError(`${what}: ${option} "${value}" is not a date YYYY-MM-DD`);
  return value;
}

/** Text of a free-text field, trimmed and within the limits the same column has in an import file. */
export function textArgument(what: string, field: string, value: string, required: boolean): string {
  const trimmed = value.trim();
  if (required && trimmed === '') throw new UserError(`${what}: ${field} must not be empty`);
  const problem = fieldProblem(trimmed, fieldRule(field));
  if (problem !== null) throw new UserError(`${what}: ${field} ${problem}`);
  return trimmed;
}
