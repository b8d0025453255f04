/**
 * The statement readers on files shaped like the banks' own: camt.053 in versions .02, .04, .06
 * and .08, a camt.054 batch, MT940 with the German ?-subfields and without them (the Dutch
 * /KEY/ form and plain text). A malformed file names the element or the line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeStatement, detectFormat, parseStatement } from '../../src/bank/read-statement.js';
import { BankFileProblem } from '../../src/core/bank/credit.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bank');
const read = (name: string) => parseStatement(decodeStatement(readFileSync(join(FIXTURES, name))));
const problem = (text: string, format?: 'camt' | 'mt940') => {
  try {
    parseStatement(text, format);
  } catch (error) {
    if (error instanceof BankFileProblem) return error.message;
    throw error;
  }
  return 'no problem';
};

describe('camt', () => {
  it('.053.001.02: booked credits with their references, debtor and IBAN; debits and pending entries left out', () => {
    const statement = read('camt053-v02.xml');
    expect(statement.entries).toBe(5);
    expect(statement.credits).toEqual([
      { ref: '2026120312345601', date: '2026-12-03', amount: 50000, currency: 'EUR', debtor: 'Acme Trading GmbH', iban: 'DE89370400440532013000', creditorRef: 'RF62ACME01EUR', text: '', endToEndId: 'ACME-2026-118' },
      { ref: '2026120312345602', date: '2026-12-03', amount: 120000, currency: 'EUR', debtor: 'BETA FOODS SRL', iban: 'IT60X0542811101000000123456', creditorRef: 'RF06 2001', text: '', endToEndId: null },
      { ref: '2026120312345604', date: '2026-12-03', amount: 4000, currency: 'EUR', debtor: 'Jo Smith & Partners', iban: null, creditorRef: null, text: '=HYPERLINK("x") thanks', endToEndId: null },
    ]);
  });

  it('.053.001.08: Sts/Cd, Dbtr/Pty/Nm, the booking date of a DtTm, the transaction Amt and its currency', () => {
    const { credits } = read('camt053-v08.xml');
    expect(credits.map((c) => [c.ref, c.date, c.amount, c.currency, c.debtor, c.text])).toEqual([
      ['ZKB-20261204-0001', '2026-12-04', 70000, 'EUR', 'ACME TRADING GMBH', 'Rechnungen INV-1001, INV-1002'],
      ['ZKB-20261204-0002', '2026-12-04', 25000, 'EUR', 'D. Werkzeuge', 'Zahlung Dezember'],
      ['ZKB-20261204-0003', '2026-12-04', 10000, 'USD', 'Acme Trading Inc', ''],
    ]);
  });

  it('.054.001.04: a batch entry with two TxDtls is two credits, each with its own reference and amount', () => {
    const statement = read('camt054-v04-batch.xml');
    expect(statement.entries).toBe(1);
    expect(statement.credits.map((c) => [c.ref, c.amount, c.debtor, c.creditorRef ?? c.text, c.endToEndId])).toEqual([
      ['TX-20261205-001', 120000, 'Beta Foods S.r.l.', 'RF062001', 'BETA-E2E-9'],
      ['TX-20261205-002', 50000, 'Acme Trading GmbH', 'INV-1001', 'ACME-E2E-10'],
    ]);
  });

  it('zeros past the currency\'s decimals are read; a real third decimal is refused', () => {
    const xml = readFileSync(join(FIXTURES, 'camt053-v02.xml'), 'utf8');
    expect(parseStatement(xml.replace('<Amt Ccy="EUR">40.00</Amt>', '<Amt Ccy="EUR">40.00000</Amt>')).credits[2]!.amount).toBe(4000);
    expect(problem(xml.replace('<Amt Ccy="EUR">40.00</Amt>', '<Amt Ccy="EUR">40.005</Amt>'))).toMatch(/Ntry\[4\]\/Amt: "40.005" has more than 2 decimals/);
  });

  it('.053.001.04: the amount in AmtDtls/TxAmt', () => {
    expect(read('camt053-v04-after-054.xml').credits.map((c) => c.amount)).toEqual([120000, 50000, 7550]);
  });

  it('.053.001.06: a reversed credit (DBIT with RvslInd) is a reversal; a reversed debit is nothing', () => {
    const statement = read('camt053-v06-reversal.xml');
    expect(statement.credits).toEqual([]);
    expect(statement.reversals).toEqual([
      { ref: 'RTRN-20261207-01', date: '2026-12-07', amount: 120000, currency: 'EUR', iban: 'IT60X0542811101000000123456', endToEndId: 'BETA-E2E-9' },
    ]);
  });

  it('a batch whose transactions carry no amounts stays one credit of the entry', () => {
    const xml = readFileSync(join(FIXTURES, 'camt054-v04-batch.xml'), 'utf8').replace(/<Amt Ccy="EUR">(1200|500)\.00<\/Amt>/g, '');
    const { credits } = parseStatement(xml);
    expect(credits.map((c) => [c.ref, c.amount])).toEqual([['SAMMEL-20261205-1', 170000]]);
  });

  it.each([
    ['a broken tag', (xml: string) => xml.replace('</Dbtr>', '</Dbtor>'), /^line 38, column 47: not well-formed XML: Expected closing tag .Dbtr./],
    ['an amount that is no amount', (xml: string) => xml.replace('<Amt Ccy="EUR">500.00</Amt>\n', '<Amt Ccy="EUR">5OO.00</Amt>\n'), /^Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[1\]\/Amt: "5OO.00" is not an amount/],
    ['a missing CdtDbtInd', (xml: string) => xml.replace('<CdtDbtInd>DBIT</CdtDbtInd>', ''), /^Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[3\]\/CdtDbtInd: missing/],
    ['an unknown currency', (xml: string) => xml.replace('<Amt Ccy="EUR">40.00</Amt>', '<Amt Ccy="EURO">40.00</Amt>'), /^Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[4\]\/Amt@Ccy: "EURO" is not a currency code/],
    ['a missing booking date', (xml: string) => xml.replace('<BookgDt><Dt>2026-12-03</Dt></BookgDt>\n        <ValDt><Dt>2026-12-03</Dt></ValDt>\n        <AcctSvcrRef>2026120312345601', '<AcctSvcrRef>2026120312345601'), /^Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[1\]\/BookgDt: missing/],
    ['a file cut short', (xml: string) => xml.slice(0, xml.indexOf('</Stmt>')), /^line \d+, column \d+: not well-formed XML: elements Document, BkToCstmrStmt, Stmt never closed \(the file ends early\?\)$/],
    ['a DOCTYPE (entities are never expanded)', (xml: string) => xml.replace('<Document', '<!DOCTYPE d [<!ENTITY x "boom">]>\n<Document'), /^DOCTYPE: /],
    ['another XML document', () => '<?xml version="1.0"?><Invoice><Id>1</Id></Invoice>', /^Document: missing/],
  ])('names where the file is malformed: %s', (_name, change, expected) => {
    const xml = readFileSync(join(FIXTURES, 'camt053-v02.xml'), 'utf8');
    expect(problem(change(xml))).toMatch(expected);
  });
});

describe('MT940', () => {
  it('German ?-subfields: SVWZ+ text, EREF+, ?31 IBAN, ?32 name; the booking date; debits left out; an RF in the text', () => {
    const statement = read('mt940-de-structured.sta');
    expect(statement.format).toBe('mt940');
    expect(statement.entries).toBe(4);
    expect(statement.credits).toEqual([
      { ref: 'POS2612080001', date: '2026-12-08', amount: 70000, currency: 'EUR', text: 'Rech. INV-1001 INV-1002', debtor: 'ACME TRADING GMBH', iban: 'DE89370400440532013000', endToEndId: 'E2E-MT-4711', creditorRef: null },
      { ref: 'POS2612080002', date: '2026-12-08', amount: 25000, currency: 'EUR', text: 'RF18 DELTA04EUR', debtor: 'DELTA WERKZEUGE AG', iban: 'DE44500105175407324931', endToEndId: null, creditorRef: 'RF18DELTA04EUR' },
      { ref: 'POS2612080004', date: '2026-12-08', amount: 1200, currency: 'EUR', text: 'Spende', debtor: 'M. Mueller', iban: null, endToEndId: null, creditorRef: null },
    ]);
  });

  it('without ?-subfields: the /NAME/ /REMI/ form and plain text; RC is a reversal; references stable when the bank gives none', () => {
    const first = read('mt940-plain.sta');
    expect(first.credits.map((c) => [c.amount, c.debtor, c.iban, c.text])).toEqual([
      [120000, 'BETA FOODS SRL', 'IT60X0542811101000000123456', 'INV-2001 DEC'],
      [5500, '', null, 'PAYMENT FOR INV-1002 THANK YOU ACME TRADING'],
    ]);
    expect(first.reversals.map((r) => [r.amount, r.iban])).toEqual([[120000, 'IT60X0542811101000000123456']]);
    expect(first.credits[0]!.ref).toMatch(/^BANK-[0-9A-F]{16}$/);
    expect(read('mt940-plain.sta').credits.map((c) => c.ref)).toEqual(first.credits.map((c) => c.ref));
  });

  it('Windows-1252 bytes (a German bank file) are read as such', () => {
    const text = readFileSync(join(FIXTURES, 'mt940-de-structured.sta'), 'latin1').replace('M. Mueller', 'M. Müller');
    const { credits } = parseStatement(decodeStatement(Buffer.from(text, 'latin1')));
    expect(credits[2]!.debtor).toBe('M. Müller');
  });

  it.each([
    ['a statement line that is none', (sta: string) => sta.replace(':61:2612081208CR12,00', ':61:26120X1208CR12,00'), /^line 12 \(:61:\): "26120X1208CR12,00NTRFNONREF\/\/POS2612080004" is not a statement line/],
    ['no opening balance', (sta: string) => sta.replace(/:60F:[^\r\n]*\r\n/, ''), /^line 4 \(:61:\): comes before any opening balance/],
    ['text before any field', (sta: string) => `hello\r\n${sta}`, /^line 1: "hello" comes before any :NN: field/],
  ])('names the line: %s', (_name, change, expected) => {
    const sta = readFileSync(join(FIXTURES, 'mt940-de-structured.sta'), 'utf8');
    expect(problem(change(sta), 'mt940')).toMatch(expected);
  });
});

describe('format detection', () => {
  it('tells XML from MT940 by the content, and refuses what is neither', () => {
    expect(detectFormat('\n  <?xml version="1.0"?><Document/>')).toBe('camt');
    expect(detectFormat(':20:X\r\n:25:1/2\r\n')).toBe('mt940');
    expect(detectFormat('{1:F01ABNANL2AXXXX0000000000}{2:O940}{4:\n:20:X')).toBe('mt940');
    expect(problem('customer_code,date,amount\nC1,2026-01-01,5\n')).toMatch(/^line 1: neither camt XML nor an MT940 statement/);
  });
});
