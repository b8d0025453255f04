/** A CLI sandbox whose database file has one damaged page, as a disk or a copy tool leaves it. */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { openStore } from '../../src/storage/sqljs/database.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { openLedger } from '../../src/storage/open-ledger.js';
import { aCustomer, anItem } from '../helpers/store.js';
import { sandbox, type Sandbox } from '../cli/io.js';

/** A filled sandbox after damage; `damaged`: the database file's bytes as damaged. */
export interface DamagedSandbox extends Sandbox {
  damaged: Buffer;
}

/** A sandbox whose database has customer C1 and 400 items, intact. */
export async function filledSandbox(): Promise<Sandbox> {
  const box = sandbox();
  const ledger = await openLedger(box.db);
  await ledger.write(async (sql) => {
    await upsertCustomers(sql, [aCustomer({ code: 'C1' })]);
    await upsertItems(sql, Array.from({ length: 400 }, (_, i) => anItem({ customerCode: 'C1', number: `INV-${i}-${'x'.repeat(40)}`, amount: 100, openAmount: 100 })));
  });
  await ledger.close();
  return box;
}

/** A copy of `bytes` with page `page` (1-based) overwritten. */
function withPageDamaged(bytes: Buffer, page: number, pageSize: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.fill(0xa5, (page - 1) * pageSize, page * pageSize);
  return copy;
}

/**
 * The data page nearest the middle of the file whose damage integrity_check reports as such
 * ("Tree N page M: …") instead of failing outright: a page only a full check (or a read of that
 * very row range) finds, whatever the schema's layout is this version.
 */
async function middleDataPage(file: string, pageCount: number, pageSize: number): Promise<number> {
  const engine = await loadSqlEngine();
  const bytes = readFileSync(file);
  const middle = Math.floor(pageCount / 2);
  for (let offset = 0; offset < pageCount; offset++) {
    for (const page of [middle + offset, middle - offset]) {
      if (page < 2 || page > pageCount) continue;
      const db = new engine.Database(withPageDamaged(bytes, page, pageSize));
      try {
        const rows = db.exec('PRAGMA integrity_check')[0]?.values ?? [];
        if (rows.some((row) => /(^|\n)Tree \d+ page \d+/.test(String(row[0])))) return page;
      } catch {
        // This page breaks the check itself (an index root, the schema): look further.
      } finally {
        db.close();
      }
    }
  }
  throw new Error('no data page found to damage');
}

/**
 * A filled sandbox with one page overwritten on disk: the items table's root page, or (`middle`)
 * a data page near the middle of the file. The header and the schema stay intact, so the file opens.
 */
export async function damagedSandbox(where: 'items-root' | 'middle' = 'items-root'): Promise<DamagedSandbox> {
  const box = await filledSandbox();
  const store = await openStore({ path: box.db });
  const value = (sql: string): number => store.db.exec(sql)[0]?.values[0]?.[0] as number;
  const pageSize = value('PRAGMA page_size');
  const pageCount = value('PRAGMA page_count');
  const root = value("SELECT rootpage FROM sqlite_master WHERE name = 'items'");
  store.close();
  const page = where === 'middle' ? await middleDataPage(box.db, pageCount, pageSize) : root;
  const fd = openSync(box.db, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return { ...box, damaged: readFileSync(box.db) };
}
