import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { decodeCsvBytes } from '../../src/csv/decode.js';
import { detectDelimiter, splitRecords, type Delimiter } from '../../src/csv/records.js';

describe('decodeCsvBytes', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeCsvBytes(Buffer.from('\ufeffcode,name\n'), 'f.csv')).toBe('code,name\n');
  });

  it('names the first line that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('a\nb\nc'), Buffer.from([0xe1, 0x20]), Buffer.from('\nd\n')]);
    expect(() => decodeCsvBytes(bytes, 'f.csv')).toThrow('f.csv: not valid UTF-8 (line 3); use --encoding, e.g. --encoding windows-1253');
  });

  it('decodes a named encoding (Cyrillic windows-1251 here)', () => {
    // "Иван" in windows-1251
    expect(decodeCsvBytes(Buffer.from([0xc8, 0xe2, 0xe0, 0xed]), 'f.csv', 'windows-1251')).toBe('Иван');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1;2;3', ','],
    ['a;b;c\n1,5;2', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y";b,c,d', ','],
    ['single', ','],
  ] as const)('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('splitRecords', () => {
  it('gives the physical line each record starts on, across quoted line breaks and blank lines', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n5,"6""\n\n7"\n8';
    expect(splitRecords(text, ',', 'f.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\ny'] },
      { line: 5, fields: ['3', '4'] },
      { line: 6, fields: ['5', '6"\n\n7'] },
      { line: 9, fields: ['8'] },
    ]);
  });

  it('without quotes gives exactly what csv-parse gives (the fast path is not a second dialect)', () => {
    const cell = fc.stringMatching(/^[^"\r\n,;\t]{0,6}$/);
    const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t');
    fc.assert(
      fc.property(delimiter, fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (d, rows) => {
        const text = rows.map((row) => row.join(d)).join('\n');
        const expected = parse(text, { delimiter: d, relax_column_count: true, skip_empty_lines: true }) as string[][];
        expect(splitRecords(text, d, 'f.csv').map((r) => r.fields)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
