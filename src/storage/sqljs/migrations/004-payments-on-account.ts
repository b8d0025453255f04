/**
 * Migration 4: payments on account (docs/reference/rules.md §5.4, docs/reference/json.md §2.2).
 *
 * - `payments.currency`: a payment naming no item needs its own currency to be netted against the
 *   right balance. Existing rows get what import used to read their amount with: the named item's
 *   currency, else the customer's.
 * - `payments_unallocated`: the payments planning nets (no item), by customer.
 * - `messages.unapplied`: what a message netted, kept beside `total` so the history says why a
 *   reminder asked less than the open items add up to.
 */
export const sql = `
ALTER TABLE payments ADD COLUMN currency TEXT;
UPDATE payments SET currency = COALESCE(
  (SELECT i.currency FROM items i WHERE i.customer_code = payments.customer_code AND i.number = payments.item_number),
  (SELECT c.currency FROM customers c WHERE c.code = payments.customer_code));
CREATE INDEX payments_unallocated ON payments (customer_code, currency, date) WHERE item_number IS NULL;
ALTER TABLE messages ADD COLUMN unapplied INTEGER NOT NULL DEFAULT 0;
`;
