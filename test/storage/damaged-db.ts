/** A CLI sandbox whose database file has one damaged page, as a disk or a copy tool leaves it. */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { openStore } from '../../src/storage/database.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { aCustomer } from '../helpers/store.js';
import { sandbox, type Sandbox } from '../cli/io.js';

/** A filled sandbox after damage; `damaged`: the database file's bytes as damaged. */
export interface DamagedSandbox extends Sandbox {
  damaged: Buffer;
}

/** A sandbox whose database has customer C1 and 400 items, intact. */
export async function filledSandbox(): Promise<Sandbox> {
  const box = sandbox();
  const store = await openStore({ path: box.db });
  await store.write((db) => {
    upsertCustomers(db, [aCustomer({ code: 'C1' })]);
    for (let i = 0; i < 400; i++) {
      db.run(
        "INSERT INTO items (customer_code, number, kind, issue_date, due_date, amount, open_amount, currency) VALUES ('C1', ?, 'invoice', '2026-01-01', '2026-01-31', 100, 100, 'EUR')",
        [`INV-${i}-${'x'.repeat(40)}`],
      );
    }
  });
  store.close();
  return box;
}

/**
 * A filled sandbox with one page overwritten on disk: the items table's root page, or (`middle`)
 * the page in the middle of the file. The header and the schema stay intact, so the file opens.
 */
export async function damagedSandbox(where: 'items-root' | 'middle' = 'items-root'): Promise<DamagedSandbox> {
  const box = await filledSandbox();
  const store = await openStore({ path: box.db });
  const value = (sql: string): number => store.db.exec(sql)[0]?.values[0]?.[0] as number;
  const page = where === 'middle' ? Math.floor(value('PRAGMA page_count') / 2) : value("SELECT rootpage FROM sqlite_master WHERE name = 'items'");
  const pageSize = value('PRAGMA page_size');
  store.close();
  const fd = openSync(box.db, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return { ...box, damaged: readFileSync(box.db) };
}
