/**
 * The activity statements of a customer from the ledger: its documents and payments per currency
 * and the as-of date of its previous statement, fed to the pure model in core/activity.ts. Read
 * only; built from what duedesk knows (a payment never imported is not shown).
 */
import { activityPeriod, activityStatement, type AccountByCurrency, type ActivityStatement } from '../core/activity.js';
import type { Customer, IsoDate, Payment } from '../core/domain.js';
import { listItems } from '../storage/items.js';
import { customerTimeline } from '../storage/messages.js';
import { listPayments } from '../storage/payments.js';
import type { Sql } from '../storage/sql.js';

/**
 * Every document and payment of `customer`, by currency (a payment's currency is decided at import:
 * the named item's, else the one the file gives, else the customer's;
 * docs/reference/rules.md §1.3). `payments`: the customer's payments when the caller has already
 * read them.
 */
export async function accountOf(sql: Sql, customer: Customer, payments?: readonly Payment[]): Promise<AccountByCurrency> {
  const account: AccountByCurrency = new Map();
  const entry = (currency: string) => {
    let found = account.get(currency);
    if (!found) account.set(currency, (found = { documents: [], payments: [] }));
    return found;
  };
  for (const item of await listItems(sql, customer.code)) {
    entry(item.currency).documents.push({ number: item.number, kind: item.kind, issueDate: item.issueDate, amount: item.amount });
  }
  for (const payment of payments ?? (await listPayments(sql, customer.code))) {
    entry(payment.currency).payments.push({ reference: payment.reference, date: payment.date, amount: payment.amount, itemNumber: payment.itemNumber, case: payment.case });
  }
  return account;
}

/**
 * As-of date of the customer's latest statement in `currency` before `asOf` that may have reached
 * it (sent, uncertain or being sent; a failed one did not), or null.
 */
async function previousStatementAsOf(sql: Sql, customerCode: string, currency: string, asOf: IsoDate): Promise<IsoDate | null> {
  let latest: IsoDate | null = null;
  for (const message of await customerTimeline(sql, customerCode)) {
    if (message.kind !== 'statement' || message.currency !== currency || message.status === 'failed' || message.status === 'stopped' || message.asOf >= asOf) continue;
    if (latest === null || message.asOf > latest) latest = message.asOf;
  }
  return latest;
}

/** A period asked for by hand, or how to find the default one. */
export type ActivityRange = { from: IsoDate; to: IsoDate } | { sinceDays: number };

/**
 * The activity statement of one currency of the account: over the given period, or from the day
 * after the previous statement (else the last `sinceDays` days) to `asOf`.
 */
export async function activityFor(sql: Sql, account: AccountByCurrency, customer: Customer, currency: string, asOf: IsoDate, range: ActivityRange): Promise<ActivityStatement> {
  const period = 'from' in range ? range : activityPeriod(await previousStatementAsOf(sql, customer.code, currency, asOf), range.sinceDays, asOf);
  const found = account.get(currency);
  return activityStatement(found?.documents ?? [], found?.payments ?? [], period.from, period.to);
}
