/**
 * Bank statements: a 10,000-entry camt.053 (quick: 1,000) beside a bare fast-xml-parser parse of
 * the same file — first duedesk's reader alone (well-formedness check, the tree, every entry read
 * into credits), then the whole import in process (read, match every credit against a ledger of
 * its customers and invoices, apply the payments, record the credits) on a fresh in-memory ledger
 * each repetition. Only the reading and the import are timed, not building the ledger.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { applyStatement } from '../src/bank/apply.js';
import { parseStatement, readStatement } from '../src/bank/read-statement.js';
import { importFile } from '../src/csv/import/import-file.js';
import type { Ledger } from '../src/storage/ledger.js';
import { openLedger } from '../src/storage/open-ledger.js';
import { generateStatement } from './lib/bank-statement.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface BankContext {
  dir: string;
  file: string;
  xml: string;
}

/** The same parse with nothing of duedesk's: attributes kept, as the reader needs the currency. */
function bareParse(xml: string): void {
  new XMLParser({ ignoreAttributes: false }).parse(xml);
}

async function setup({ quick, workDir }: { quick: boolean; workDir: string }): Promise<BankContext> {
  const generated = generateStatement(quick ? 1_000 : 10_000);
  const dir = join(workDir, 'bank');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'customers.csv'), generated.customersCsv);
  writeFileSync(join(dir, 'items.csv'), generated.itemsCsv);
  const file = join(dir, 'statement.xml');
  writeFileSync(file, generated.xml);
  return { dir, file, xml: generated.xml };
}

/** A fresh in-memory ledger holding the statement's customers and invoices. */
async function ledgerFor(c: BankContext): Promise<Ledger> {
  const ledger = await openLedger(null);
  const defaults = { language: 'en' as const, currency: 'EUR', profiles: [] };
  for (const kind of ['customers', 'items'] as const) {
    const request = { kind, file: `${kind}.csv`, skipInvalid: false, snapshot: false, encoding: undefined, format: { decimalComma: false, dateFormat: 'YMD' as const } };
    await importFile(ledger, request, defaults, c.dir);
  }
  return ledger;
}

const read = defineBenchmark<BankContext>({
  name: 'bank: read a 10,000-entry camt.053 vs a bare XML parse',
  target: { measure: 'time', ratio: 2 },
  setup,
  ours: (c) => void parseStatement(c.xml),
  reference: (c) => bareParse(c.xml),
});

const importing = defineBenchmark<BankContext>({
  name: 'bank: import a 10,000-entry camt.053 (read, match, apply) vs a bare XML parse',
  setup,
  async ours(c) {
    const ledger = await ledgerFor(c);
    const started = performance.now();
    const statement = await readStatement(c.file, 'statement.xml');
    await ledger.write((sql) => applyStatement(sql, statement));
    const ms = performance.now() - started;
    await ledger.close();
    return { ms };
  },
  reference: (c) => bareParse(c.xml),
});

export const benchmarks: Benchmark[] = [read, importing];
