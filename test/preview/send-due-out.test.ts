import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSendDue } from '../../src/cli/commands/send-due.js';
import type { CommandContext } from '../../src/runtime/context.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { upsertCustomers } from '../../src/storage/customers.js';
import { upsertItems } from '../../src/storage/items.js';
import { aCustomer, anItem, makeLedger, valuesOf } from '../helpers/store.js';
import { settings } from '../documents/fixtures.js';
import { pdfPages } from '../documents/pdf-text.js';
import { headerValues } from '../helpers/eml.js';

let dir: string;
let store: Ledger;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-send-due-out-'));
  store = await makeLedger();
  await store.write(async (sql) => {
    await upsertCustomers(sql, [
      aCustomer({ code: 'GR01', name: 'Ξυλουργική Λάρισας Α.Ε.', language: 'el', email: 'logistirio@xyl.test' }),
      aCustomer({ code: 'BG01', name: 'Тракия Агро АД', language: 'bg', email: 'finansi@trakia.test' }),
    ]);
    await upsertItems(sql, [
      anItem({ customerCode: 'GR01', number: 'ΤΔΑ-1', dueDate: '2026-02-28', amount: 128450, openAmount: 128450 }),
      anItem({ customerCode: 'BG01', number: 'Ф-1', dueDate: '2026-02-28', amount: 50000, openAmount: 50000 }),
    ]);
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function context(out: string[]): CommandContext {
  return {
    openLedger: () => Promise.resolve(store),
    settings: { path: join(dir, 'config.json'), read: () => settings },
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => out.push(text) },
    now: () => new Date('2026-03-20T07:00:00Z'),
    cwd: dir,
  };
}

describe('duedesk --send-due --dry-run --out DIR', () => {
  it('writes every planned message as .eml and .pdf and sends or records nothing', async () => {
    const printed: string[] = [];
    const code = await runSendDue({ asOf: '2026-03-20', dryRun: true, json: false, out: 'previews' }, context(printed));
    expect(code).toBe(0);
    const out = join(dir, 'previews');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['BG01-EUR-first.eml', 'BG01-EUR-first.pdf', 'GR01-EUR-first.eml', 'GR01-EUR-first.pdf']);
    expect(printed.join('')).toContain('Wrote 4 files');
    const eml = readFileSync(join(out, 'GR01-EUR-first.eml'), 'utf8');
    expect(headerValues(eml, 'To')).toEqual(['Ξυλουργική Λάρισας Α.Ε. <logistirio@xyl.test>']);
    expect(eml).toMatch(/^Message-ID: <2026-03-20\.GR01-EUR-first\.[0-9a-f]+@acme\.test>$/m);
    const text = (await pdfPages(readFileSync(join(out, 'BG01-EUR-first.pdf')))).join(' ');
    expect(text).toContain('Тракия Агро АД');
    expect(text).toContain('Напомняне за плащане');
    const sent = (await valuesOf(store, 'SELECT COUNT(*) FROM messages'))[0]?.[0];
    expect(sent).toBe(0);
  });
});
