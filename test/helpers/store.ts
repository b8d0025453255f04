/**
 * Test helpers shared by every area: a fresh migrated in-memory store and tiny builders for
 * domain rows with sensible defaults (override only what a test is about).
 */
import { openStore } from '../../src/storage/database.js';
import type { Store } from '../../src/storage/store.js';
import type { Database } from 'sql.js';
import { listItems } from '../../src/storage/items.js';
import { listPayments } from '../../src/storage/payments.js';
import { listPlans } from '../../src/storage/plans.js';
import type { Customer, InstallmentPlan, Item, MessageRecord, Payment } from '../../src/core/domain.js';

/** A fresh, migrated, private in-memory store. */
export function makeStore(): Promise<Store> {
  return openStore({ path: null });
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
export function itemOf(db: Database, customerCode: string, number: string): Item | undefined {
  return listItems(db, customerCode).find((item) => item.number === number);
}

/** One payment as the listing that statements and the import read returns it, or undefined. */
export function paymentOf(db: Database, reference: string): Payment | undefined {
  return listPayments(db).find((payment) => payment.reference === reference);
}

/** One installment plan as the listing that the import reads returns it, or undefined. */
export function planOf(db: Database, customerCode: string, caseRef: string): InstallmentPlan | undefined {
  return listPlans(db, { customerCode }).find((plan) => plan.case === caseRef);
}
