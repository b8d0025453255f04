import { describe, expect, it } from 'vitest';
import { validateRecords } from '../../src/core/csv/row-reader.js';
import type { CsvRecord } from '../../src/core/csv/types.js';

describe('validateRecords', () => {
  it('keeps every valid row of a file far larger than a call stack (a 300,000-row payments file)', () => {
    const count = 300_000;
    function* records(): Generator<CsvRecord> {
      for (let line = 2; line < count + 2; line += 1) yield { line, fields: [`PAY-${line}`] };
    }
    const { rows, errors } = validateRecords(
      { records: records(), index: new Map([['reference', 0]]), width: 1, format: { decimalComma: false, dateFormat: 'YMD' } },
      (reader) => reader.required('reference'),
    );
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(count);
    expect(rows[count - 1]).toEqual({ line: count + 1, row: `PAY-${count + 1}` });
  });
});
