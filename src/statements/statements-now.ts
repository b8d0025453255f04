/**
 * Statements as the CLI (`duedesk statement`) and the TUI (Customers p/w/s) make them: one per
 * currency of the customer, listing open items or, for the `activity` kind, the account's movements
 * over a period as well. The one place both manual paths go through; the cadence's statements are
 * decided by the rules engine (core/rules/cadence.ts) from the planning snapshot.
 */
import { ACTIVITY_TEMPLATE, type ActivityStatement } from '../core/activity.js';
import type { IsoDate } from '../core/domain.js';
import { UserError } from '../core/exit-codes.js';
import { manualStatements, type ManualScope } from '../core/manual-statement.js';
import type { PlannedMessage, Policy } from '../core/plan.js';
import { resolvePolicy } from '../core/policy.js';
import { activitySinceDays } from '../core/rules/cadence.js';
import type { Settings } from '../core/settings.js';
import { getCustomer } from '../storage/customers.js';
import { openItemsOf } from '../storage/items.js';
import type { Ledger } from '../storage/ledger.js';
import { listPayments } from '../storage/payments.js';
import { accountOf, activityFor, type ActivityRange } from './account-activity.js';

/** What a statement shows (settings `policy.statementKind`). */
export type StatementKind = Policy['statementKind'];

/** What the operator asked for; unset fields take the defaults of docs/reference/cli.md §6. */
export interface StatementRequest {
  asOf: IsoDate;
  /** Default `all-open`: the whole account, not only what a reminder would list. */
  scope?: ManualScope;
  /** Default policy.statementKind. */
  kind?: StatementKind;
  /** Activity period; default from the day after the previous statement. `to` defaults to asOf. */
  from?: IsoDate;
  to?: IsoDate;
}

/** The statement `message` extended with the account's activity. */
function withActivity(message: PlannedMessage, activity: ActivityStatement): PlannedMessage {
  return { ...message, template: ACTIVITY_TEMPLATE, activity };
}

/**
 * The statements of customer `code` now, one per currency (empty when there is nothing to state).
 * Throws a UserError naming the code when the customer does not exist.
 */
export function statementsNow(ledger: Ledger, settings: Settings, code: string, request: StatementRequest): Promise<PlannedMessage[]> {
  return ledger.read(async (sql) => {
    const customer = await getCustomer(sql, code);
    if (!customer) throw new UserError(`unknown customer "${code}"`);
    const policy = resolvePolicy(settings);
    const { asOf } = request;
    const scope = request.scope ?? 'all-open';
    const payments = await listPayments(sql, code);
    const unapplied = payments.filter((payment) => payment.itemNumber === null);
    const open = await openItemsOf(sql, code);
    if ((request.kind ?? policy.statementKind) === 'open-items') return manualStatements(customer, open, policy, asOf, scope, [], unapplied);
    const account = await accountOf(sql, customer, payments);
    const range: ActivityRange = request.from !== undefined ? { from: request.from, to: request.to ?? asOf } : { sinceDays: activitySinceDays(customer, policy) };
    const stated: PlannedMessage[] = [];
    for (const message of manualStatements(customer, open, policy, asOf, scope, [...account.keys()], unapplied)) {
      const activity = await activityFor(sql, account, customer, message.currency, asOf, range);
      // A currency settled long ago, with nothing in the period, has nothing to state.
      if (message.lines.length === 0 && activity.lines.length === 0 && activity.closing === 0) continue;
      stated.push(withActivity(message, activity));
    }
    return stated;
  });
}
