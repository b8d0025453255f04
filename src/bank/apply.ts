/**
 * A statement's credits applied to the ledger inside one write (docs/reference/bank.md §2, §3):
 * duplicates recognised by the bank's reference (or end-to-end id and amount), each new credit
 * matched and turned into payments exactly as a payments CSV row would be (../csv/import/
 * apply-payments.ts), unmatched ones kept for a clerk, reversals undoing the credit they return.
 */
import type { BankCredit, BankReversal, BankStatement } from '../core/bank/credit.js';
import { Matcher, partReference, textTokens, type CreditMatch } from '../core/bank/match.js';
import { firstRf } from '../core/bank/rf-in-text.js';
import type { Payment } from '../core/domain.js';
import { applyPayments } from '../csv/import/apply-payments.js';
import {
  bookCustomers, bookItems, recordCredits, recordedCredits, rememberedIbans, rememberIbans, reversibleCredits, setCreditState,
  type StoredCredit,
} from '../storage/bank.js';
import { adjustOpenAmounts, deletePayments, paymentsByReference } from '../storage/payments.js';
import type { Sql } from '../storage/sql.js';

/** What importing a statement did. */
export interface BankImportCounts {
  /** Credits in the file. */
  credits: number;
  /** Credits that paid at least one item. */
  items: number;
  /** Credits matched to a customer wholly on account. */
  onAccount: number;
  /** Credits left for a clerk, in file order. */
  unmatched: BankCredit[];
  /** Credits (and reversals) already imported. */
  duplicates: number;
  /** Earlier credits this file reverses. */
  reversed: number;
}

/** The payments a matched credit becomes: one per part, references REF, REF/2, … */
export function creditPayments(credit: BankCredit, match: Extract<CreditMatch, { kind: 'matched' }>): Payment[] {
  return match.parts.map((part, index) => ({
    customerCode: match.customerCode,
    date: credit.date,
    amount: part.amount,
    reference: partReference(credit.ref, index),
    itemNumber: part.itemNumber,
    case: null,
    currency: match.currency,
  }));
}

/** The keys of the items a statement may name: its texts' words and its references. */
function namedKeys(credits: readonly BankCredit[]): string[] {
  const keys = new Set<string>();
  for (const credit of credits) {
    for (const token of textTokens(`${credit.text} ${credit.creditorRef ?? ''}`)) keys.add(token);
    const rf = firstRf(credit.text);
    if (rf !== null) keys.add(rf);
    if (credit.creditorRef !== null) keys.add(credit.creditorRef.replace(/\s+/g, '').toUpperCase());
  }
  return [...keys];
}

/** A matcher over what the ledger holds for these credits (or these item numbers). */
export async function matcherFor(sql: Sql, keys: readonly string[]): Promise<Matcher> {
  const [customers, ibans, items] = [await bookCustomers(sql), await rememberedIbans(sql), await bookItems(sql, keys)];
  return new Matcher({ customers, ibans, items });
}

/**
 * The credits already seen — recorded before, or earlier in this file — by reference and by
 * end-to-end id with amount and currency (a camt.053 repeating its camt.054 under another reference).
 */
class SeenCredits {
  private readonly refs = new Set<string>();
  private readonly endToEnd = new Set<string>();

  add(credit: Pick<BankCredit, 'ref' | 'endToEndId' | 'amount' | 'currency'>): void {
    this.refs.add(credit.ref);
    if (credit.endToEndId !== null) this.endToEnd.add(SeenCredits.key(credit));
  }

  has(credit: Pick<BankCredit, 'ref' | 'endToEndId' | 'amount' | 'currency'>): boolean {
    return this.refs.has(credit.ref) || (credit.endToEndId !== null && this.endToEnd.has(SeenCredits.key(credit)));
  }

  private static key(credit: Pick<BankCredit, 'endToEndId' | 'amount' | 'currency'>): string {
    return `${credit.endToEndId ?? ''}\u0000${credit.amount}\u0000${credit.currency}`;
  }
}

/** Apply a statement inside a ledger write; resolves to the counts. */
export async function applyStatement(sql: Sql, statement: BankStatement): Promise<BankImportCounts> {
  const counts: BankImportCounts = { credits: statement.credits.length, items: 0, onAccount: 0, unmatched: [], duplicates: 0, reversed: 0 };
  const entries = [...statement.credits, ...statement.reversals];
  const recorded = await recordedCredits(
    sql,
    entries.map((entry) => entry.ref),
    entries.flatMap((entry) => (entry.endToEndId === null ? [] : [entry.endToEndId])),
  );
  const existing = await paymentsByReference(sql, statement.credits.map((credit) => credit.ref));
  const seen = new SeenCredits();
  for (const before of recorded) seen.add(before);
  const fresh: BankCredit[] = [];
  for (const credit of statement.credits) {
    if (existing.has(credit.ref) || seen.has(credit)) {
      counts.duplicates += 1;
      continue;
    }
    seen.add(credit);
    fresh.push(credit);
  }
  const matcher = await matcherFor(sql, namedKeys(fresh));
  const payments: Payment[] = [];
  const stored: StoredCredit[] = [];
  const confirmed: { iban: string; customerCode: string; since: string }[] = [];
  for (const credit of fresh) {
    const match = matcher.match(credit);
    if (match.kind === 'unmatched') {
      counts.unmatched.push(credit);
      stored.push({ ...credit, state: 'unmatched', customerCode: null, parts: 0 });
      continue;
    }
    if (match.parts.some((part) => part.itemNumber !== null)) counts.items += 1;
    else counts.onAccount += 1;
    payments.push(...creditPayments(credit, match));
    stored.push({ ...credit, state: 'matched', customerCode: match.customerCode, parts: match.parts.length });
    if (credit.iban !== null && match.by !== 'iban') confirmed.push({ iban: credit.iban, customerCode: match.customerCode, since: credit.date });
  }
  await applyPayments(sql, payments.map((row, index) => ({ line: index + 1, row })), new Map(), false);
  await recordCredits(sql, stored);
  await rememberIbans(sql, confirmed);
  for (const reversal of statement.reversals) {
    if (seen.has({ ...reversal, endToEndId: null })) {
      counts.duplicates += 1;
      continue;
    }
    if (await reverse(sql, reversal)) counts.reversed += 1;
  }
  return counts;
}

/**
 * Undo the credit a reversal returns: the one with its end-to-end id, else the newest with its
 * amount, currency and debtor IBAN. Its payments are removed and what they took from items given
 * back; the reversal itself is recorded so it is undone once. Resolves to whether one was found.
 */
async function reverse(sql: Sql, reversal: BankReversal): Promise<boolean> {
  const candidates = await reversibleCredits(sql, reversal.amount, reversal.currency);
  const original = candidates.find((credit) => reversal.endToEndId !== null && credit.endToEndId === reversal.endToEndId)
    ?? candidates.find((credit) => reversal.iban !== null && credit.iban === reversal.iban);
  await recordCredits(sql, [{
    ref: reversal.ref, date: reversal.date, amount: reversal.amount, currency: reversal.currency, debtor: '', iban: reversal.iban,
    creditorRef: null, text: original === undefined ? 'reversal' : `reversal of ${original.ref}`, endToEndId: null,
    state: 'reversed', customerCode: null, parts: 0,
  }]);
  if (original === undefined) return false;
  await undoPayments(sql, original);
  await setCreditState(sql, original.ref, 'reversed', original.customerCode, 0);
  return true;
}

/** Remove the payments a matched credit became, giving back what they took from items. */
async function undoPayments(sql: Sql, credit: StoredCredit): Promise<void> {
  const refs = Array.from({ length: credit.parts }, (_, index) => partReference(credit.ref, index));
  const payments = [...(await paymentsByReference(sql, refs)).values()];
  await adjustOpenAmounts(sql, payments.flatMap((payment) => (payment.itemNumber === null ? [] : [{ delta: payment.amount, customerCode: payment.customerCode, itemNumber: payment.itemNumber }])));
  await deletePayments(sql, refs);
}
