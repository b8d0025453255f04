/**
 * Customers' postal address, contact person and phone (docs/reference/csv.md §2.1): imported,
 * exported back as they were, and refused with a message naming file, line and column.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { makeHarness, tempCsv } from './harness.js';

const HEADER = 'code,name,email,contact_person,phone,address_line1,address_line2,postal_code,city,country';

describe('customers: postal address columns', () => {
  it('imports the address and exports it back, so the export imports as the same data', async () => {
    const h = await makeHarness();
    const file = [
      HEADER,
      'A1,Acme GmbH,ar@acme.example,Frau Erika Muster,+49 30 1234567,Hauptstraße 5,Hinterhaus,10557,Berlin,de',
      'A2,Λάμδα Α.Ε.,,,,Οδός Αθηνάς 12,,105 51,Αθήνα,GR',
      'A3,Widgets Ltd,,,,1 High Street,,SW1A 1AA,London,GB',
      'A4,No Post Inc,np@example.com,,,,,,,',
    ].join('\n');
    const imported = await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', file));
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('customers: 4 added, 0 updated, 0 unchanged\n');
    // A phone number starts with "+": the export escapes it like any text cell, and import takes the escape off.
    const exported = await h.exportCsv(['customers']);
    const [header, ...rows] = parse(exported.stdout) as string[][];
    const column = (row: string[] | undefined, name: string): string | undefined => row?.[header!.indexOf(name)];
    const a1 = rows.find((r) => r[0] === 'A1');
    expect(['contact_person', 'phone', 'address_line1', 'address_line2', 'postal_code', 'city', 'country'].map((name) => column(a1, name)))
      .toEqual(['Frau Erika Muster', "'+49 30 1234567", 'Hauptstraße 5', 'Hinterhaus', '10557', 'Berlin', 'DE']);
    expect(column(rows.find((r) => r[0] === 'A4'), 'address_line1')).toBe('');

    const fresh = await makeHarness();
    const again = await fresh.importCsv(['customers', 'e.csv'], tempCsv('e.csv', exported.stdout));
    expect(again.stdout).toBe('customers: 4 added, 0 updated, 0 unchanged\n');
    expect((await fresh.exportCsv(['customers'])).stdout).toBe(exported.stdout);
    // And re-importing the export into the ledger it came from changes nothing.
    expect((await h.importCsv(['customers', 'e.csv'], tempCsv('e.csv', exported.stdout))).stdout).toBe('customers: 0 added, 0 updated, 4 unchanged\n');
  });

  it('a file without the address columns keeps the addresses already stored', async () => {
    const h = await makeHarness();
    await h.importCsv(['customers', 'c.csv'], tempCsv('c.csv', `${HEADER}\nA1,Acme GmbH,ar@acme.example,Erika,,Hauptstraße 5,,10557,Berlin,DE\n`));
    const renamed = await h.importCsv(['customers', 'n.csv'], tempCsv('n.csv', 'code,name\nA1,Acme Deutschland GmbH\n'));
    expect(renamed.stdout).toBe('customers: 0 added, 1 updated, 0 unchanged\n');
    const exported = (await h.exportCsv(['customers'])).stdout;
    expect(exported).toContain('Acme Deutschland GmbH');
    expect(exported).toContain('Hauptstraße 5,,10557,Berlin,DE');
  });

  it('refuses a bad country and half an address, naming file, line and column, and imports nothing', async () => {
    const h = await makeHarness();
    const before = await h.dump();
    const file = [
      HEADER,
      'B1,Bad Country,,,,Via Roma 1,,00184,Roma,Italy',
      'B2,No Street,,,,,,10557,Berlin,DE',
      'B3,No City,,,,Hauptstraße 5,,10557,,',
      'B4,Unknown Code,,,,1 Main St,,,Springfield,XX',
      'B5,Fine,,,,Rua Augusta 10,,1100-053,Lisboa,PT',
    ].join('\n');
    const run = await h.importCsv(['customers', 'addr.csv'], tempCsv('addr.csv', file));
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([
      'addr.csv:2: country: "Italy" is not an ISO 3166-1 alpha-2 country code (like DE, GR, GB)',
      'addr.csv:3: address_line1: is required when the row has a postal address (the street and number)',
      'addr.csv:4: city: is required when the row has a postal address',
      'addr.csv:5: country: "XX" is not an ISO 3166-1 alpha-2 country code (like DE, GR, GB)',
      'addr.csv: 4 problems; nothing imported',
    ]);
    expect(await h.dump()).toBe(before);
  });
});
