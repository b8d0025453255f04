/**
 * Marking an item disputed and resolving it (docs/reference/rules.md §9.3): `duedesk dispute` and
 * the customer detail of the TUI call these. Marking returns what the sales agent should be told
 * (when the customer has an agent); the caller sends it once the dispute is recorded.
 */
import { UserError } from '../core/exit-codes.js';
import type { DisputeNotice } from '../core/templates/dispute-view.js';
import { itemFacts, type CustomerFacts, type ItemFacts } from '../storage/collection-lookups.js';
import { openDispute, resolveDispute } from '../storage/item-disputes.js';
import type { Ledger } from '../storage/ledger.js';
import type { Sql } from '../storage/sql.js';
import type { Actor } from './actor.js';
import { knownCustomer, textArgument } from './checks.js';

const WHAT = 'dispute';

/** A recorded dispute and, when the customer has a sales agent, the notice to send them. */
export interface DisputeMarked {
  id: number;
  customer: CustomerFacts;
  item: ItemFacts;
  /** The agent's address and what to tell them; null when the customer has no agent. */
  notify: { to: string; notice: DisputeNotice } | null;
}

async function knownItem(sql: Sql, code: string, number: string): Promise<{ customer: CustomerFacts; item: ItemFacts }> {
  const customer = await knownCustomer(sql, WHAT, code);
  const item = (await itemFacts(sql, code)).find((candidate) => candidate.number === number);
  if (item === undefined) throw new UserError(`${WHAT}: ${code} has no item "${number}"`);
  return { customer, item };
}

/** Mark an item disputed with a reason. Throws UserError (nothing written) on bad input or an item already disputed. */
export async function markDisputed(ledger: Ledger, code: string, number: string, reasonText: string, actor: Actor): Promise<DisputeMarked> {
  const reason = textArgument(WHAT, 'dispute', reasonText, true);
  return ledger.write(async (sql) => {
    const { customer, item } = await knownItem(sql, code, number);
    if (item.dispute !== null) throw new UserError(`${WHAT}: item ${number} of ${code} is already disputed ("${item.dispute}"); resolve it first`);
    if (item.openAmount === 0) throw new UserError(`${WHAT}: item ${number} of ${code} is closed; nothing to dispute`);
    const id = await openDispute(sql, { customerCode: code, itemNumber: number, reason, openedBy: actor.operator, openedAt: actor.at });
    const disputed = { ...item, dispute: reason };
    return { id, customer, item: disputed, notify: customer.agentEmail === null ? null : { to: customer.agentEmail, notice: noticeOf(customer, disputed, actor) } };
  });
}

/** Resolve an item's dispute; it is reminded again from the next run. Throws UserError when it is not disputed. */
export async function resolveDisputed(ledger: Ledger, code: string, number: string, resolutionText: string, actor: Actor): Promise<void> {
  const resolution = textArgument(WHAT, 'dispute', resolutionText, false);
  await ledger.write(async (sql) => {
    const { item } = await knownItem(sql, code, number);
    if (item.dispute === null) throw new UserError(`${WHAT}: item ${number} of ${code} is not disputed`);
    await resolveDispute(sql, code, number, actor.operator, actor.at, resolution);
  });
}

function noticeOf(customer: CustomerFacts, item: ItemFacts, actor: Actor): DisputeNotice {
  return { customer, item, reason: item.dispute ?? '', operator: actor.operator, asOf: actor.asOf };
}
