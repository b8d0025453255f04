/**
 * A bank statement's entries as duedesk reads them (docs/reference/bank.md §1): the credits that
 * may pay an invoice, and the reversals that may undo one. Debits are not kept; every reader
 * (camt, MT940) turns its file into this one shape.
 */
import type { IsoDate, Minor } from '../domain.js';

/** One credit on the account: money a customer sent. */
export interface BankCredit {
  /** The bank's reference of the entry (or of the transaction within a batch entry); unique per credit. */
  ref: string;
  /** Booking date (else value date). */
  date: IsoDate;
  amount: Minor;
  currency: string;
  /** The debtor's name as the bank gives it; empty when absent. */
  debtor: string;
  /** The debtor's IBAN (normalized), or null. */
  iban: string | null;
  /** The structured creditor reference (`RmtInf/Strd/CdtrRefInf/Ref`), or null. */
  creditorRef: string | null;
  /** The unstructured remittance text, joined by spaces. */
  text: string;
  /** The end-to-end id the debtor gave, or null (`NOTPROVIDED` is null). */
  endToEndId: string | null;
}

/** A reversal of an earlier credit (a return): it names what it reverses as well as the bank allows. */
export interface BankReversal {
  ref: string;
  date: IsoDate;
  amount: Minor;
  currency: string;
  iban: string | null;
  endToEndId: string | null;
}

/** What a statement file holds for duedesk. */
export interface BankStatement {
  format: BankFormat;
  credits: BankCredit[];
  reversals: BankReversal[];
  /** Entries read in all (debits and pending ones included), for the report. */
  entries: number;
}

/** The statement formats read. */
export type BankFormat = 'camt' | 'mt940';

/** The formats `--format` accepts. */
export const BANK_FORMATS: readonly BankFormat[] = ['camt', 'mt940'];

/** A statement that cannot be read: `where` names the element path or the line. */
export class BankFileProblem extends Error {
  override readonly name = 'BankFileProblem';
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

/** `NOTPROVIDED` and empty mean no end-to-end id (ISO 20022 usage). */
export function endToEndOrNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' || text.toUpperCase() === 'NOTPROVIDED' ? null : text;
}
