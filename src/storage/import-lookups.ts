/**
 * Lookups into the database that import validation needs (customer currencies, items named by
 * payments), each one query for a whole file or a few thousand keys, never one per row.
 */
import type { ItemKind } from '../core/domain.js';
import type { Sql } from './sql.js';

/** Every customer's code → currency. */
export async function customerCurrencies(sql: Sql): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const row of await sql.all('SELECT code, currency FROM customers')) map.set(String(row.code), String(row.currency));
  return map;
}

/** An item's currency and kind, as payment validation needs them. */
export interface ItemInfo {
  currency: string;
  kind: ItemKind;
}

/** The key `itemInfos` answers by: customer code and item number. */
export function itemKey(customerCode: string, number: string): string {
  return `${customerCode}\u0000${number}`;
}

/** Keys looked up per query by `itemInfos`. */
const KEYS_PER_QUERY = 5000;

/** The currency and kind of the named items that exist, by `itemKey`. */
export async function itemInfos(sql: Sql, items: readonly (readonly [customerCode: string, number: string])[]): Promise<Map<string, ItemInfo>> {
  const found = new Map<string, ItemInfo>();
  for (let at = 0; at < items.length; at += KEYS_PER_QUERY) {
    const rows = await sql.all(
      `SELECT customer_code, number, currency, kind FROM items WHERE (customer_code, number) IN
        (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
      [JSON.stringify(items.slice(at, at + KEYS_PER_QUERY))],
    );
    for (const row of rows) found.set(itemKey(String(row.customer_code), String(row.number)), { currency: String(row.currency), kind: String(row.kind) as ItemKind });
  }
  return found;
}
