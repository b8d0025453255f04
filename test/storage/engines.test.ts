/**
 * The two SQLite engines of a file ledger (docs/reference/cli.md §16, docs/architecture.md §4):
 * one file format, one save contract, the same plan. Where the runtime has no node:sqlite (Node
 * 20) asking for it is refused with a clear message; CI runs this file on Node 22 as well.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/storage/open-ledger.js';
import { storeOf } from '../../src/storage/sqljs/sqljs-ledger.js';
import { defaultEngineName } from '../../src/storage/sqljs/engines.js';
import type { EngineName } from '../../src/storage/engine-names.js';
import { planDue } from '../../src/planning/plan-due.js';
import type { Settings } from '../../src/core/settings.js';
import { getCustomer, upsertCustomers } from '../../src/storage/customers.js';
import { aCustomer } from '../helpers/store.js';
import { seed } from '../planning/seed.js';
import { D, dataArb, mergeSeeds } from '../planning/random-ledger.js';
import { sandbox } from '../cli/io.js';
import { tempDir } from './temp-dir.js';

const hasNative = process.getBuiltinModule?.('node:sqlite') !== undefined;
const ENGINES: EngineName[] = hasNative ? ['sqljs', 'native'] : ['sqljs'];

/** A plan as the JSON a comparison can read byte for byte (the change counts are a Map). */
async function planJson(file: string, engine: EngineName, settings: Settings): Promise<string> {
  const ledger = await openLedger(file, { engine });
  try {
    expect(storeOf(ledger).engine).toBe(engine);
    const { changeCounts, ...plan } = await planDue(ledger, settings, D);
    return JSON.stringify({ plan, changeCounts: [...(changeCounts ?? new Map()).entries()] });
  } finally {
    await ledger.close();
  }
}

describe('the engine a file ledger runs on', () => {
  it('is node:sqlite where the runtime has it, sql.js otherwise; native elsewhere is refused by name', async () => {
    expect(defaultEngineName()).toBe(hasNative ? 'native' : 'sqljs');
    const file = join(tempDir(), 'a.db');
    if (hasNative) {
      const ledger = await openLedger(file);
      expect(storeOf(ledger).engine).toBe('native');
      await ledger.close();
    } else {
      await expect(openLedger(file, { engine: 'native' })).rejects.toThrow(
        /--engine native needs node:sqlite \(Node 22\.5 or later\); this is Node 20\.[\d.]+: use --engine sqljs/,
      );
      expect(existsSync(file)).toBe(false);
    }
  });

  it.each(ENGINES.flatMap((writer) => ENGINES.map((reader) => [writer, reader] as const)))(
    'a file written on %s is read and written on %s, and nothing but the file (and its lock) stays beside it',
    async (writer, reader) => {
      const dir = tempDir();
      const file = join(dir, 'duedesk.db');
      const one = await openLedger(file, { engine: writer });
      await one.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'FROM-ONE', name: 'Ünïcode ☃' })]));
      const two = await openLedger(file, { engine: reader });
      expect((await two.read((sql) => getCustomer(sql, 'FROM-ONE')))?.name).toBe('Ünïcode ☃');
      await two.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'FROM-TWO' })]));
      // The first one sees the second's save (a new file under the name: it reloads).
      expect(await one.read((sql) => getCustomer(sql, 'FROM-TWO'))).not.toBeNull();
      await one.close();
      await two.close();
      expect(readdirSync(dir).filter((name) => !name.startsWith('duedesk.db.lock')).sort()).toEqual(['duedesk.db']);
    },
  );

  it('a write that fails leaves the file as it was and the ledger usable', async () => {
    for (const engine of ENGINES) {
      const dir = tempDir();
      const file = join(dir, 'duedesk.db');
      const ledger = await openLedger(file, { engine });
      await ledger.write((sql) => upsertCustomers(sql, [aCustomer({ code: 'KEPT' })]));
      await expect(
        ledger.write(async (sql) => {
          await upsertCustomers(sql, [aCustomer({ code: 'GONE' })]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await ledger.read((sql) => getCustomer(sql, 'GONE'))).toBeNull();
      expect(await ledger.read((sql) => getCustomer(sql, 'KEPT'))).not.toBeNull();
      await ledger.close();
      expect(readdirSync(dir).filter((name) => !name.startsWith('duedesk.db.lock'))).toEqual(['duedesk.db']);
    }
  });

  it('plans a random ledger to the same JSON on every engine', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async ([customers, policy]) => {
        const file = join(tempDir(), 'random.db');
        const ledger = await openLedger(file, { engine: 'sqljs' });
        await seed(ledger, mergeSeeds(customers));
        await ledger.close();
        const plans = await Promise.all(ENGINES.map((engine) => planJson(file, engine, { policy })));
        for (const json of plans) expect(json).toBe(plans[0]);
      }),
      { numRuns: hasNative ? 25 : 3 },
    );
  });

  it('--send-due --dry-run --json prints the same bytes on every engine', async () => {
    const box = sandbox('2026-11-22');
    const csv = {
      customers: 'code,name,email,language,currency\nC001,Acme Ltd,ar@acme.example,en,EUR\nC002,Βήτα ΑΕ,info@beta.example,el,EUR\n',
      items:
        'customer_code,number,issue_date,due_date,amount,currency,case\nC001,INV-1,2026-09-01,2026-10-01,1200.00,EUR,\nC001,INV-2,2026-10-20,2026-11-19,300.00,EUR,\nC002,INV-7,2026-08-01,2026-09-01,99.50,EUR,K1\n',
    };
    for (const [kind, text] of Object.entries(csv)) {
      const path = join(box.dir, `${kind}.csv`);
      writeFileSync(path, text);
      expect((await box.run(['--engine', ENGINES[0]!, 'import', kind, path])).code).toBe(0);
    }
    const outputs = [];
    for (const engine of ENGINES) {
      const run = await box.run(['--engine', engine, '--send-due', '--dry-run', '--json', '--as-of', '2026-11-22']);
      expect(run.stderr).toBe('');
      outputs.push(run.stdout);
    }
    expect(JSON.parse(outputs[0]!).counts.messages ?? JSON.parse(outputs[0]!).messages?.length).toBeGreaterThan(0);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  });
});
