/** The customers: the list with aging, one customer's detail, and the switches a clerk sets on one. */
import { agingOf } from '../core/aging.js';
import type { Customer, IsoDate } from '../core/domain.js';
import { resolvePolicy } from '../core/policy.js';
import { chooseProfile } from '../collections/profiles.js';
import { customerNames as namesOf } from '../storage/customer-names.js';
import { getCustomer, setHold as holdCustomer, setReminders as remindersOf, setStatementInterval as intervalOf, setStatements as statementsOf } from '../storage/customers.js';
import { itemHold, setItemHold as holdItem } from '../storage/item-hold.js';
import { openItemsOf } from '../storage/items.js';
import type { Ledger } from '../storage/ledger.js';
import { customerTimeline } from '../storage/messages.js';
import type { Sql } from '../storage/sql.js';
import { defineAction } from './action.js';
import type { AuditSpec } from './audit-trail.js';
import { linesOf } from './collections.js';
import { queryCustomerList } from './customer-list.js';
import { settingsOf, type ActionDeps } from './deps.js';
import type { CustomerDetail, CustomerList } from './desk-views.js';

/** Change one customer, refusing a code the ledger does not hold (checked in the same write). */
function changeCustomer(ledger: Ledger, code: string, change: (sql: Sql) => Promise<void>): Promise<void> {
  return ledger.write(async (sql) => {
    if (!(await getCustomer(sql, code))) throw new Error(`customer ${code} does not exist`);
    await change(sql);
  });
}

/** The audit trail's old → new of a customer's field (docs/reference/roles.md §4). */
function customerField(read: (customer: Customer) => unknown): AuditSpec<{ code: string }, Promise<void>> {
  return {
    value: async (sql, { code }) => {
      const customer = await getCustomer(sql, code);
      const value = customer ? read(customer) : null;
      return value === null || value === undefined ? null : String(value);
    },
  };
}

/** All customers with open totals and aging as of `asOf`. */
export const listCustomers = defineAction({
  name: 'list customers',
  changes: false,
  run: (deps: ActionDeps, asOf: IsoDate): Promise<CustomerList> => queryCustomerList(deps.ledger, asOf),
});

/** The names of these customers by code (unknown codes are left out). */
export const customerNames = defineAction({
  name: 'customer names',
  changes: false,
  run: (deps: ActionDeps, codes: readonly string[]): Promise<Map<string, string>> => deps.ledger.read((sql) => namesOf(sql, codes)),
});

/** One customer with items and history; null when the code is unknown. */
export const customerDetail = defineAction({
  name: 'customer detail',
  changes: false,
  run: async (deps: ActionDeps, { code, asOf }: { code: string; asOf: IsoDate }): Promise<CustomerDetail | null> => {
    const found = await deps.ledger.read(async (sql) => {
      const customer = await getCustomer(sql, code);
      return customer && { customer, items: await openItemsOf(sql, code), messages: await customerTimeline(sql, code) };
    });
    if (!found) return null;
    const { customer, items } = found;
    const timeline = found.messages
      .reverse()
      .map((m) => ({ id: m.id, asOf: m.asOf, kind: m.kind, level: m.level, currency: m.currency, outstanding: m.outstanding, status: m.status }));
    const policy = resolvePolicy(settingsOf(deps));
    const collection = await linesOf(deps, code, asOf, policy.promiseGraceDays);
    return { customer, items, aging: agingOf(items, asOf), effectiveStatementEveryDays: customer.statementEveryDays ?? policy.statementEveryDays, timeline, collection };
  },
});

/** Hold the customer until `until` (inclusive); null clears the hold. */
export const setHold = defineAction({
  name: 'set hold',
  changes: true,
  audit: customerField((c) => c.holdUntil),
  refused: 'setting a hold',
  run: (deps: ActionDeps, { code, until }: { code: string; until: IsoDate | null }): Promise<void> =>
    changeCustomer(deps.ledger, code, (sql) => holdCustomer(sql, code, until)),
});

/** Hold one item of a customer until `until` (inclusive); null clears its hold. */
export const setItemHold = defineAction({
  name: 'set item hold',
  changes: true,
  audit: { value: (sql, { code, number }) => itemHold(sql, code, number) },
  refused: 'holding an item',
  run: (deps: ActionDeps, { code, number, until }: { code: string; number: string; until: IsoDate | null }): Promise<void> =>
    deps.ledger.write((sql) => holdItem(sql, code, number, until)),
});

/** Turn reminders on or off for a customer. */
export const setReminders = defineAction({
  name: 'set reminders',
  changes: true,
  audit: customerField((c) => c.reminders),
  refused: 'changing reminders',
  run: (deps: ActionDeps, { code, on }: { code: string; on: boolean }): Promise<void> => changeCustomer(deps.ledger, code, (sql) => remindersOf(sql, code, on)),
});

/** Set the customer's own statement interval in days; null = use the policy. */
export const setStatementInterval = defineAction({
  name: 'set statement interval',
  changes: true,
  audit: customerField((c) => c.statementEveryDays),
  refused: 'changing the statement interval',
  run: (deps: ActionDeps, { code, days }: { code: string; days: number | null }): Promise<void> =>
    changeCustomer(deps.ledger, code, (sql) => intervalOf(sql, code, days)),
});

/** Statements on or off for a customer, apart from reminders. */
export const setStatements = defineAction({
  name: 'set statements',
  changes: true,
  audit: customerField((c) => c.statements ?? c.reminders),
  refused: 'changing statements',
  run: (deps: ActionDeps, { code, on }: { code: string; on: boolean }): Promise<void> => deps.ledger.write((sql) => statementsOf(sql, code, on)),
});

/** Put the customer on a profile (`default` or empty: the default ladder). */
export const setProfile = defineAction({
  name: 'set profile',
  changes: true,
  audit: customerField((c) => c.profile ?? 'default'),
  refused: 'changing the profile',
  needs: 'supervisor',
  run: (deps: ActionDeps, { code, profile }: { code: string; profile: string }): Promise<void> =>
    chooseProfile(deps.ledger, resolvePolicy(settingsOf(deps)), code, profile),
});
