/** Fills a test store with rows through the storage modules, the way import and delivery do. */
import type { Customer, InstallmentPlan, Item, Payment } from '../../src/core/domain.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { insertMessage, type NewMessage } from '../../src/storage/messages.js';
import { upsertPayments } from '../../src/storage/payments.js';
import { upsertPlans } from '../../src/storage/plans.js';
import type { Store } from '../../src/storage/store.js';

/** Rows to put in a store. */
export interface Seed {
  customers?: Customer[];
  items?: Item[];
  payments?: Payment[];
  plans?: InstallmentPlan[];
  messages?: NewMessage[];
}

/** Write the rows in one transaction. */
export async function seed(store: Store, rows: Seed): Promise<void> {
  await store.write((db) => {
    upsertCustomers(db, rows.customers ?? []);
    upsertItems(db, rows.items ?? []);
    upsertPayments(db, rows.payments ?? []);
    upsertPlans(db, rows.plans ?? []);
    (rows.messages ?? []).forEach((message, index) => insertMessage(db, { ...message, messageId: `<seed-${index}@test>` }));
  });
}
