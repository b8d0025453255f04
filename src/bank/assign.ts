/**
 * A clerk assigns an unmatched credit (docs/reference/bank.md §4): to a customer, optionally split
 * over items in the order named (each up to its open amount, the rest on account), exactly as an
 * import would have; the debtor IBAN is remembered for that customer so its next credit matches.
 */
import type { Payment } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { applyPayments } from '../csv/import/apply-payments.js';
import { bookItems, recordedCredit, rememberIbans, setCreditState, type StoredCredit } from '../storage/bank.js';
import { getCustomer } from '../storage/customers.js';
import type { Sql } from '../storage/sql.js';
import { creditPayments, matcherFor } from './apply.js';

/** What an assignment did: the credit and the payments it became. */
export interface Assignment {
  credit: StoredCredit;
  payments: Payment[];
}

/** Assign the unmatched credit `ref` to `customerCode` (inside a ledger write). Throws UserError. */
export async function assignCredit(sql: Sql, ref: string, customerCode: string, itemNumbers: readonly string[]): Promise<Assignment> {
  const credit = await recordedCredit(sql, ref);
  if (credit === null) throw new UserError(`bank assign: no credit "${ref}" (duedesk bank unmatched lists them)`);
  if (credit.state !== 'unmatched') {
    throw new UserError(`bank assign: credit "${ref}" is ${credit.state === 'matched' ? `already matched to ${credit.customerCode ?? '?'}` : 'reversed'}; nothing changed`);
  }
  if ((await getCustomer(sql, customerCode)) === null) throw new UserError(`bank assign: unknown customer "${customerCode}"`);
  const matcher = await matcherFor(sql, itemNumbers.map((number) => number.toUpperCase()));
  const items = await bookItems(sql, itemNumbers.map((number) => number.toUpperCase()));
  for (const number of itemNumbers) {
    if (!items.some((item) => item.customerCode === customerCode && item.number.toUpperCase() === number.toUpperCase())) {
      throw new UserError(`bank assign: customer "${customerCode}" has no invoice or charge "${number}"`);
    }
  }
  const match = matcher.assign(credit, customerCode, itemNumbers);
  if (match.kind !== 'matched') throw new UserError(`bank assign: credit "${ref}" could not be assigned`);
  const payments = creditPayments(credit, match);
  await applyPayments(sql, payments.map((row, index) => ({ line: index + 1, row })), new Map(), false);
  await setCreditState(sql, credit.ref, 'matched', customerCode, payments.length);
  if (credit.iban !== null) await rememberIbans(sql, [{ iban: credit.iban, customerCode, since: credit.date }]);
  return { credit: { ...credit, state: 'matched', customerCode, parts: payments.length }, payments };
}
