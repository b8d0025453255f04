/**
 * Migration 18: bank statements (docs/reference/bank.md §3).
 *
 * - `bank_credits`: every credit read from a statement, by the bank's reference, so a statement read
 *   again (or the camt.053 after its camt.054) is recognised; `state` is `matched`, `unmatched`
 *   (kept for a clerk to assign) or `reversed`; a matched credit names its customer and how many
 *   payments it became (`parts`: references REF, REF/2, …).
 * - `bank_debtors`: the debtor IBANs remembered from confirmed matches, each with its customer.
 */
export const sql = `
CREATE TABLE bank_credits (
  reference TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  debtor TEXT NOT NULL,
  iban TEXT,
  creditor_ref TEXT,
  text TEXT NOT NULL,
  end_to_end TEXT,
  state TEXT NOT NULL CHECK (state IN ('matched', 'unmatched', 'reversed')),
  customer_code TEXT REFERENCES customers(code),
  parts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bank_credits_state ON bank_credits(state, date);
CREATE INDEX bank_credits_end_to_end ON bank_credits(end_to_end);
CREATE TABLE bank_debtors (
  iban TEXT PRIMARY KEY,
  customer_code TEXT NOT NULL REFERENCES customers(code),
  since TEXT NOT NULL
);
`;
