/**
 * Disputed items (docs/reference/rules.md §9.3): never reminded, shown on statements, not part of
 * the amount asked.
 */
import type { Item } from './domain.js';

/** Whether the customer disputes the item. */
export function isDisputed(item: Item): boolean {
  return item.dispute !== undefined && item.dispute !== null;
}
