/** Migration 18 for PostgreSQL: bank credits and remembered debtor IBANs (see ../../sqljs/migrations/018-bank.ts). */
import { DATE, MONEY, TEXT } from './types.js';

export const sql = `
CREATE TABLE bank_credits (
  reference ${TEXT} PRIMARY KEY,
  date ${DATE} NOT NULL,
  amount ${MONEY} NOT NULL,
  currency ${TEXT} NOT NULL,
  debtor ${TEXT} NOT NULL,
  iban ${TEXT},
  creditor_ref ${TEXT},
  text ${TEXT} NOT NULL,
  end_to_end ${TEXT},
  state ${TEXT} NOT NULL CHECK (state IN ('matched', 'unmatched', 'reversed')),
  customer_code ${TEXT} REFERENCES customers(code),
  parts ${MONEY} NOT NULL DEFAULT 0
);
CREATE INDEX bank_credits_state ON bank_credits(state, date);
CREATE INDEX bank_credits_end_to_end ON bank_credits(end_to_end);
CREATE TABLE bank_debtors (
  iban ${TEXT} PRIMARY KEY,
  customer_code ${TEXT} NOT NULL REFERENCES customers(code),
  since ${DATE} NOT NULL
);
`;
