/**
 * Disputes of items (migration 10) ⇄ ItemDispute. Opening or resolving one also sets or clears
 * `items.dispute`, the column planning reads, in the same transaction.
 */
import type { ItemDispute } from '../core/domain.js';
import { int, text, textOrNull, type Row } from './rows.js';
import type { Sql } from './sql.js';

const COLUMNS = 'id, customer_code, item_number, reason, opened_by, opened_at, resolved_by, resolved_at, resolution';

function toDispute(row: Row): ItemDispute {
  return {
    id: int(row, 'id'),
    customerCode: text(row, 'customer_code'),
    itemNumber: text(row, 'item_number'),
    reason: text(row, 'reason'),
    openedBy: text(row, 'opened_by'),
    openedAt: text(row, 'opened_at'),
    resolvedBy: textOrNull(row, 'resolved_by'),
    resolvedAt: textOrNull(row, 'resolved_at'),
    resolution: textOrNull(row, 'resolution'),
  };
}

/** Open a dispute of an item (inside ledger.write); resolves to its id. */
export async function openDispute(sql: Sql, dispute: Pick<ItemDispute, 'customerCode' | 'itemNumber' | 'reason' | 'openedBy' | 'openedAt'>): Promise<number> {
  const [row] = await sql.all(
    'INSERT INTO item_disputes (customer_code, item_number, reason, opened_by, opened_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
    [dispute.customerCode, dispute.itemNumber, dispute.reason, dispute.openedBy, dispute.openedAt],
  );
  await sql.run('UPDATE items SET dispute = ? WHERE customer_code = ? AND number = ?', [dispute.reason, dispute.customerCode, dispute.itemNumber]);
  return int(row!, 'id');
}

/** Resolve an item's open disputes and clear its mark; resolves to how many were open (an imported mark counts as one). */
export async function resolveDispute(sql: Sql, customerCode: string, itemNumber: string, by: string, at: string, resolution: string): Promise<number> {
  const resolved = await sql.run(
    'UPDATE item_disputes SET resolved_by = ?, resolved_at = ?, resolution = ? WHERE customer_code = ? AND item_number = ? AND resolved_at IS NULL',
    [by, at, resolution, customerCode, itemNumber],
  );
  const cleared = await sql.run('UPDATE items SET dispute = NULL WHERE customer_code = ? AND number = ? AND dispute IS NOT NULL', [customerCode, itemNumber]);
  return Math.max(resolved, cleared);
}

/** A customer's disputes, every item, oldest first. */
export async function disputesOf(sql: Sql, customerCode: string): Promise<ItemDispute[]> {
  return (await sql.all(`SELECT ${COLUMNS} FROM item_disputes WHERE customer_code = ? ORDER BY opened_at, id`, [customerCode])).map(toDispute);
}

/** Codes of the customers with a disputed open item (the Customers screen's disputes filter). */
export async function customersWithDisputes(sql: Sql): Promise<string[]> {
  const rows = await sql.all('SELECT DISTINCT customer_code FROM items WHERE dispute IS NOT NULL AND open_amount <> 0 ORDER BY customer_code');
  return rows.map((row) => text(row, 'customer_code'));
}
