import { describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../src/csv/import/request.js';

describe('import arguments', () => {
  it('parses every import option', () => {
    expect(
      parseImportArgs(['items', 'f.csv', '--skip-invalid', '--snapshot', '--encoding', 'windows-1253', '--decimal-comma', '--date-format', 'dmy']),
    ).toEqual({
      kind: 'items', file: 'f.csv', skipInvalid: true, snapshot: true, encoding: 'windows-1253',
      format: { decimalComma: true, dateFormat: 'DMY' },
    });
    expect(parseImportArgs(['plans', 'p.csv'])).toEqual({
      kind: 'plans', file: 'p.csv', skipInvalid: false, snapshot: false, encoding: undefined,
      format: { decimalComma: false, dateFormat: 'YMD' },
    });
  });

  it.each([
    [[], 'import: what and which file?'],
    [['items'], 'import: what and which file?'],
    [['invoices', 'f.csv'], 'import: unknown kind "invoices" (customers, items, payments, plans)'],
    [['items', 'f.csv', 'g.csv'], 'import: unexpected argument "g.csv"'],
    [['items', 'f.csv', '--date-format', 'DDMMYY'], 'import: --date-format must be YMD, DMY or MDY, not "DDMMYY"'],
    [['items', 'f.csv', '--snapshots'], "import: Unknown option '--snapshots'"],
    [['items', 'f.csv', '--encoding'], "import: Option '--encoding <value>' argument missing"],
    [['plans', 'f.csv', '--snapshot'], 'import: --snapshot applies to items and payments only'],
  ])('%j is refused with exit 2', (args, message) => {
    expect(() => parseImportArgs(args)).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(message) }));
  });
});
