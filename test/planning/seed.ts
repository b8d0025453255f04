/** Fills a test store with rows through the storage modules, the way import and delivery do. */
import type { Customer, InstallmentPlan, Item, Payment, PaymentPromise } from '../../src/core/domain.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { insertMessage, type NewMessage } from '../../src/storage/messages.js';
import { upsertPayments } from '../../src/storage/payments.js';
import { upsertPlans } from '../../src/storage/plans.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { insertPromise } from '../../src/storage/promises.js';

/** Rows to put in a store. */
export interface Seed {
  customers?: Customer[];
  items?: Item[];
  payments?: Payment[];
  plans?: InstallmentPlan[];
  messages?: NewMessage[];
  promises?: Omit<PaymentPromise, 'id'>[];
}

/** Write the rows in one transaction. */
export async function seed(store: Ledger, rows: Seed): Promise<void> {
  await store.write(async (sql) => {
    await upsertCustomers(sql, rows.customers ?? []);
    await upsertItems(sql, rows.items ?? []);
    await upsertPayments(sql, rows.payments ?? []);
    await upsertPlans(sql, rows.plans ?? []);
    for (const [index, message] of (rows.messages ?? []).entries()) await insertMessage(sql, { ...message, messageId: `<seed-${index}@test>` });
    for (const promise of rows.promises ?? []) await insertPromise(sql, promise);
  });
}
