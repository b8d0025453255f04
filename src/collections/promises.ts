/**
 * Recording a promise to pay (docs/reference/rules.md §9.2): `duedesk promise` and the customer
 * detail of the TUI both call `recordPromise`. The items default to every open, undisputed item in
 * the customer's currency, the amount to what they add up to; everything is checked before anything
 * is written.
 */
import { addDays, addYears } from '../core/dates.js';
import type { PaymentPromise } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { currencyDigits, formatMinor, parseAmount } from '../core/money.js';
import { MAX_PROMISE_GRACE_DAYS } from '../core/settings-schema.js';
import type { ItemFacts } from '../storage/collection-lookups.js';
import { itemFacts } from '../storage/collection-lookups.js';
import type { Ledger } from '../storage/ledger.js';
import { insertPromise } from '../storage/promises.js';
import type { Actor } from './actor.js';
import { dateArgument, knownCustomer, textArgument } from './checks.js';

/** What the clerk typed. */
export interface PromiseRequest {
  code: string;
  date: string;
  /** In major units as typed (`1234.50`); absent = the covered items' open amount. */
  amount?: string;
  /** Item numbers; absent or empty = every open, undisputed item in the customer's currency. */
  items?: readonly string[];
  note?: string;
}

const WHAT = 'promise';

/**
 * How far ahead a promise may be dated, in years from the day it is made. A promise is a debtor's
 * word to pay soon; years ahead it is a typo (9999-12-31 once made every item of a customer
 * un-remindable), and the date plus any grace must stay a date the rules can compare.
 */
export const PROMISE_YEARS_AHEAD = 5;

/** The items a promise covers: those named (each open and owed), else the customer's open ones. */
function coveredItems(request: PromiseRequest, items: readonly ItemFacts[], currency: string): ItemFacts[] {
  const owed = (item: ItemFacts): boolean => item.openAmount > 0;
  if (request.items === undefined || request.items.length === 0) {
    const open = items.filter((item) => owed(item) && item.dispute === null && item.currency === currency);
    if (open.length === 0) throw new UserError(`${WHAT}: ${request.code} has no open item in ${currency} to promise; name them with --items`);
    return open;
  }
  const byNumber = new Map(items.map((item) => [item.number, item]));
  const covered: ItemFacts[] = [];
  for (const number of new Set(request.items)) {
    const item = byNumber.get(number);
    if (item === undefined) throw new UserError(`${WHAT}: ${request.code} has no item "${number}"`);
    if (!owed(item)) throw new UserError(`${WHAT}: item ${number} of ${request.code} has nothing open to pay`);
    covered.push(item);
  }
  const currencies = new Set(covered.map((item) => item.currency));
  if (currencies.size > 1) throw new UserError(`${WHAT}: the items are in ${[...currencies].join(' and ')}; one promise is in one currency`);
  return covered;
}

/** Check and record a promise; resolves to it as stored. Throws UserError (nothing written) on bad input. */
export async function recordPromise(ledger: Ledger, request: PromiseRequest, actor: Actor): Promise<PaymentPromise> {
  const promisedDate = dateArgument(WHAT, '--date', request.date);
  if (promisedDate < actor.asOf) throw new UserError(`${WHAT}: --date ${promisedDate} is before today (${actor.asOf}); a promise is to pay later`);
  const latest = addYears(actor.asOf, PROMISE_YEARS_AHEAD);
  if (promisedDate > latest) {
    throw new UserError(`${WHAT}: --date ${promisedDate} is more than ${PROMISE_YEARS_AHEAD} years after ${actor.asOf}; the latest promise date is ${latest}`);
  }
  // The day it breaks under the longest grace the settings allow must be a date too (as-of near 9999).
  addDays(promisedDate, MAX_PROMISE_GRACE_DAYS + 1);
  const note = textArgument(WHAT, 'notes', request.note ?? '', false);
  return ledger.write(async (sql) => {
    const customer = await knownCustomer(sql, WHAT, request.code);
    const named = (request.items ?? []).length > 0;
    const covered = coveredItems(request, await itemFacts(sql, customer.code), customer.currency);
    const currency = named ? covered[0]!.currency : customer.currency;
    const digits = currencyDigits(currency);
    const open = covered.reduce((total, item) => total + item.openAmount, 0);
    let amount = open;
    if (request.amount !== undefined) {
      const parsed = parseAmount(request.amount, digits);
      if (!parsed.ok) throw new UserError(`${WHAT}: --amount ${parsed.error}`);
      if (parsed.value <= 0) throw new UserError(`${WHAT}: --amount must be more than 0`);
      if (parsed.value > open) throw new UserError(`${WHAT}: --amount ${formatMinor(parsed.value, digits)} is more than the items' open ${formatMinor(open, digits)} ${currency}`);
      amount = parsed.value;
    }
    const promise: Omit<PaymentPromise, 'id'> = {
      customerCode: customer.code, madeOn: actor.asOf, promisedDate, amount, currency, items: covered.map((item) => item.number),
      note, operator: actor.operator, createdAt: actor.at,
    };
    return { id: await insertPromise(sql, promise), ...promise };
  });
}
