/**
 * Matching a bank credit to a customer and its invoices (docs/reference/bank.md §2), in this order:
 * 1. a structured creditor reference that is a valid RF — ours (customer code and currency, as the
 *    letters print it, ../rf-reference.ts) or an item's own reference;
 * 2. item numbers or references in the unstructured text, of a customer whose name or remembered
 *    debtor IBAN fits, the amount split over them in the order named;
 * 3. the debtor IBAN remembered from an earlier confirmed match: that customer, on account;
 * 4. otherwise unmatched.
 * Pure: the book of what the ledger holds is passed in, and updated as credits use open amounts.
 */
import type { Minor } from '../domain.js';
import { accountRfReference, isRfReference } from '../rf-reference.js';
import type { BankCredit } from './credit.js';
import { namesFit } from './name-fit.js';
import { firstRf } from './rf-in-text.js';

/** An invoice or charge a credit may pay; `open` goes down as the import assigns money to it. */
export interface BookItem {
  customerCode: string;
  number: string;
  reference: string | null;
  currency: string;
  open: Minor;
}

/** A customer as matching needs it. */
export interface BookCustomer {
  code: string;
  name: string;
  currency: string;
}

/** What the ledger holds that a credit may be matched against. */
export interface MatchBook {
  customers: ReadonlyMap<string, BookCustomer>;
  /** Items by their number and by their own reference, upper case. */
  items: readonly BookItem[];
  /** Remembered debtor IBAN → customer code. */
  ibans: ReadonlyMap<string, string>;
}

/** One part of a matched credit: so much to an item, or (item null) on account. */
export interface CreditPart {
  itemNumber: string | null;
  amount: Minor;
}

/** How a credit was matched, or that it was not. */
export type CreditMatch =
  | { kind: 'matched'; customerCode: string; currency: string; parts: CreditPart[]; by: 'reference' | 'text' | 'iban' | 'clerk' }
  | { kind: 'unmatched' };

/** The words of a text an item number or reference may be (upper case, outer punctuation off). */
export function textTokens(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((word) => word.replace(/^[#(:"']+|[.):"']+$/g, '').toUpperCase())
    .filter((word) => word.length >= 2);
}

/** Indexes over a book, built once per import. */
export class Matcher {
  private readonly byKey = new Map<string, BookItem[]>();
  private readonly ours = new Map<string, { customerCode: string; currency: string }>();

  constructor(private readonly book: MatchBook) {
    for (const item of book.items) {
      this.index(item.number, item);
      if (item.reference !== null) this.index(item.reference.replace(/\s+/g, ''), item);
    }
    const currencies = new Map<string, Set<string>>();
    for (const customer of book.customers.values()) currencies.set(customer.code, new Set([customer.currency]));
    for (const item of book.items) currencies.get(item.customerCode)?.add(item.currency);
    for (const [code, set] of currencies) {
      for (const currency of set) {
        this.ours.set(accountRfReference(code, currency), { customerCode: code, currency });
      }
    }
  }

  private index(key: string, item: BookItem): void {
    const upper = key.toUpperCase();
    const list = this.byKey.get(upper);
    if (list === undefined) this.byKey.set(upper, [item]);
    else if (!list.includes(item)) list.push(item);
  }

  /** Match one credit; the open amounts it takes are taken from the book for the credits after it. */
  match(credit: BankCredit): CreditMatch {
    return this.byReference(credit) ?? this.byText(credit) ?? this.byIban(credit) ?? { kind: 'unmatched' };
  }

  /** Assign a credit by hand: to `customerCode`, split over `itemNumbers` in order, the rest on account. */
  assign(credit: BankCredit, customerCode: string, itemNumbers: readonly string[]): CreditMatch {
    const items = itemNumbers.flatMap((number) => (this.byKey.get(number.toUpperCase()) ?? []).filter((item) => item.customerCode === customerCode && item.number.toUpperCase() === number.toUpperCase()));
    return { ...this.split(credit, customerCode, items), by: 'clerk' };
  }

  /** Step 1: a structured (or written-out) valid RF reference. */
  private byReference(credit: BankCredit): CreditMatch | undefined {
    const structured = credit.creditorRef?.replace(/\s+/g, '').toUpperCase() ?? '';
    const candidates = [structured, firstRf(credit.text) ?? ''].filter((ref) => ref !== '' && isRfReference(ref));
    for (const ref of candidates) {
      const own = (this.byKey.get(ref) ?? []).filter((item) => item.reference?.replace(/\s+/g, '').toUpperCase() === ref);
      const customers = new Set(own.map((item) => item.customerCode));
      if (own.length > 0 && customers.size === 1) return { ...this.split(credit, own[0]!.customerCode, own), by: 'reference' };
      const ours = this.ours.get(ref);
      if (ours !== undefined) return { kind: 'matched', customerCode: ours.customerCode, currency: credit.currency, parts: [{ itemNumber: null, amount: credit.amount }], by: 'reference' };
    }
    return undefined;
  }

  /** Step 2: item numbers or references in the text, of the one customer whose name or IBAN fits. */
  private byText(credit: BankCredit): CreditMatch | undefined {
    const named: BookItem[] = [];
    for (const token of textTokens(`${credit.text} ${credit.creditorRef ?? ''}`)) {
      for (const item of this.byKey.get(token) ?? []) if (!named.includes(item) && this.fits(credit, item.customerCode)) named.push(item);
    }
    const customers = new Set(named.map((item) => item.customerCode));
    if (customers.size !== 1) return undefined;
    return { ...this.split(credit, named[0]!.customerCode, named), by: 'text' };
  }

  /** Step 3: the remembered debtor IBAN, on account. */
  private byIban(credit: BankCredit): CreditMatch | undefined {
    const customerCode = credit.iban === null ? undefined : this.book.ibans.get(credit.iban);
    if (customerCode === undefined || !this.book.customers.has(customerCode)) return undefined;
    return { kind: 'matched', customerCode, currency: credit.currency, parts: [{ itemNumber: null, amount: credit.amount }], by: 'iban' };
  }

  /** Whether the credit's debtor is the customer: the remembered IBAN or the name. */
  private fits(credit: BankCredit, customerCode: string): boolean {
    if (credit.iban !== null && this.book.ibans.get(credit.iban) === customerCode) return true;
    const customer = this.book.customers.get(customerCode);
    return customer !== undefined && namesFit(credit.debtor, customer.name);
  }

  /** The amount over `items` in order, each up to its open amount in the credit's currency, the rest on account. */
  private split(credit: BankCredit, customerCode: string, items: readonly BookItem[]): Extract<CreditMatch, { kind: 'matched' }> {
    const parts: CreditPart[] = [];
    let rest = credit.amount;
    for (const item of items) {
      if (rest === 0) break;
      if (item.currency !== credit.currency || item.open <= 0) continue;
      const take = Math.min(rest, item.open);
      item.open -= take;
      rest -= take;
      parts.push({ itemNumber: item.number, amount: take });
    }
    if (rest > 0) parts.push({ itemNumber: null, amount: rest });
    return { kind: 'matched', customerCode, currency: credit.currency, parts, by: 'text' };
  }
}

/** The payment references of a credit's parts: its own reference, then `REF/2`, `REF/3`, … */
export function partReference(ref: string, index: number): string {
  return index === 0 ? ref : `${ref}/${index + 1}`;
}
