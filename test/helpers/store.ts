/**
 * Test helpers shared by every area: a fresh migrated in-memory ledger and tiny builders for
 * domain rows with sensible defaults (override only what a test is about).
 */
import { openLedger } from '../../src/storage/open-ledger.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { storeOf } from '../../src/storage/sqljs/sqljs-ledger.js';
import type { Sql, SqlValue } from '../../src/storage/sql.js';
import { listItems } from '../../src/storage/items.js';
import { listPayments } from '../../src/storage/payments.js';
import { listPlans } from '../../src/storage/plans.js';
import type { Customer, InstallmentPlan, Item, MessageRecord, Payment } from '../../src/core/domain.js';

/** A fresh, migrated, private in-memory ledger. */
export function makeLedger(): Promise<Ledger> {
  return openLedger(null);
}

/** A customer with defaults (code C001, EUR, English, reminders on). */
export function aCustomer(partial: Partial<Customer> = {}): Customer {
  return {
    code: 'C001',
    name: 'Acme Ltd',
    email: 'ar@acme.example',
    email2: null,
    email3: null,
    language: 'en',
    currency: 'EUR',
    reminders: true,
    statementEveryDays: null,
    agentEmail: null,
    holdUntil: null,
    notes: '',
    profile: null,
    statements: partial.statements ?? partial.reminders ?? true,
    contactPerson: null,
    phone: null,
    addressLine1: null,
    addressLine2: null,
    postalCode: null,
    city: null,
    country: null,
    ...partial,
  };
}

/** An open invoice with defaults (C001 / INV-1, 100.00 EUR, due 2026-01-31). */
export function anItem(partial: Partial<Item> = {}): Item {
  return {
    customerCode: 'C001',
    number: 'INV-1',
    kind: 'invoice',
    issueDate: '2026-01-01',
    dueDate: '2026-01-31',
    amount: 10000,
    openAmount: 10000,
    currency: 'EUR',
    reference: null,
    case: null,
    holdUntil: null,
    dispute: null,
    ...partial,
  };
}

/** A payment with defaults (C001, 50.00 on 2026-02-10, reference PAY-1). */
export function aPayment(partial: Partial<Payment> = {}): Payment {
  return {
    customerCode: 'C001',
    date: '2026-02-10',
    amount: 5000,
    reference: 'PAY-1',
    itemNumber: null,
    case: null,
    currency: 'EUR',
    ...partial,
  };
}

/** An active installment plan with defaults (C001 case CASE-1, 25.00 on the 15th). */
export function aPlan(partial: Partial<InstallmentPlan> = {}): InstallmentPlan {
  return {
    customerCode: 'C001',
    case: 'CASE-1',
    installment: 2500,
    dayOfMonth: 15,
    startDate: '2026-02-01',
    endDate: null,
    active: true,
    ...partial,
  };
}

/** A sent reminder record (without id) with defaults; items and cases empty unless given. */
export function aMessage(partial: Partial<Omit<MessageRecord, 'id'>> = {}): Omit<MessageRecord, 'id'> {
  return {
    customerCode: 'C001',
    kind: 'reminder',
    level: 'first',
    currency: 'EUR',
    asOf: '2026-02-15',
    to: ['ar@acme.example'],
    cc: [],
    bcc: [],
    subject: 'Payment reminder',
    messageId: '<m1@duedesk.test>',
    status: 'sent',
    error: null,
    total: 10000,
    fee: 0,
    interest: 0,
    unapplied: 0,
    outstanding: 10000,
    operator: 'test',
    createdAt: '2026-02-15T09:00:00.000Z',
    updatedAt: '2026-02-15T09:00:00.000Z',
    items: [],
    cases: [],
    ...partial,
  };
}

/** One item as the listing that statements read returns it, or undefined. */
export async function itemOf(sql: Sql, customerCode: string, number: string): Promise<Item | undefined> {
  return (await listItems(sql, customerCode)).find((item) => item.number === number);
}

/** One payment as the listing that statements and the import read returns it, or undefined. */
export async function paymentOf(sql: Sql, reference: string): Promise<Payment | undefined> {
  return (await listPayments(sql)).find((payment) => payment.reference === reference);
}

/** One installment plan as the listing that the import reads returns it, or undefined. */
export async function planOf(sql: Sql, customerCode: string, caseRef: string): Promise<InstallmentPlan | undefined> {
  return (await listPlans(sql, { customerCode })).find((plan) => plan.case === caseRef);
}

/**
 * The rows of `query` as arrays of values in column order, read through the ledger: for tests
 * that check what a table holds in a form no named query returns.
 */
export async function valuesOf(ledger: Ledger, query: string, params: readonly SqlValue[] = []): Promise<SqlValue[][]> {
  return (await ledger.read((sql) => sql.all(query, params))).map((row) => Object.values(row));
}

/** The bytes a sql.js ledger would save now: a test that must prove nothing changed compares them. */
export function databaseBytes(ledger: Ledger): Uint8Array {
  return storeOf(ledger).db.export();
}
