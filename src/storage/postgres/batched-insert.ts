/**
 * Many rows of one `INSERT … VALUES (?, …)` sent as multi-row statements: PostgreSQL answers each
 * statement with a round trip, so a million single-row inserts (an import) would spend most of
 * their time waiting on the connection. The result is the same as running the rows one by one,
 * including the changed-row count; the one difference, a batch naming the same key twice under
 * `ON CONFLICT … DO UPDATE` (which PostgreSQL refuses), is caught and that batch is run row by row.
 */
import type pg from 'pg';

/** The parts of a single-row INSERT that can be repeated per row, or null for any other statement. */
export interface InsertShape {
  head: string;
  tuple: string;
  width: number;
  tail: string;
  upsert: boolean;
}

const INSERT = /^(\s*INSERT\s+INTO\s+[\w".]+\s*\([^()?]*\)\s*VALUES\s*)(\(\s*\?(?:\s*,\s*\?)*\s*\))([^?]*)$/is;

/** Postgres refuses more bound parameters per statement than this. */
const MAX_PARAMS = 65_535;
/** Rows per statement: big enough to hide the round trip, small enough to plan quickly. */
const MAX_ROWS = 500;

/** Recognise an INSERT of one row of `?` placeholders (with an optional ON CONFLICT tail). */
export function insertShape(sql: string): InsertShape | null {
  const match = INSERT.exec(sql);
  if (!match) return null;
  const [, head, tuple, tail] = match as unknown as [string, string, string, string];
  const width = tuple.split('?').length - 1;
  return { head, tuple, width, tail, upsert: /\bDO\s+UPDATE\b/i.test(tail) };
}

/** `(… $n …)` tuples for `rows` rows of `width` values. */
function tuples(rows: number, width: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 1; c <= width; c++) marks.push(`$${r * width + c}`);
    out.push(`(${marks.join(', ')})`);
  }
  return out.join(', ');
}

/** Run `rows` through `shape` in multi-row statements; resolves to the rows changed. */
export async function insertInBatches(
  client: pg.ClientBase,
  shape: InsertShape,
  rows: readonly unknown[][],
  oneByOne: (rows: readonly unknown[][]) => Promise<number>,
): Promise<number> {
  const perBatch = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, shape.width))));
  let changed = 0;
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const text = `${shape.head}${tuples(batch.length, shape.width)}${shape.tail}`;
    // Unnamed: preparing the full-batch text once measured slower (its generic plan), not faster.
    const query = { text, values: batch.flat() };
    if (!shape.upsert) {
      changed += (await client.query(query)).rowCount ?? 0;
      continue;
    }
    await client.query('SAVEPOINT duedesk_batch');
    try {
      changed += (await client.query(query)).rowCount ?? 0;
      await client.query('RELEASE SAVEPOINT duedesk_batch');
    } catch (error) {
      // 21000: the batch names one key twice; row by row, the later row updates the earlier one.
      if ((error as { code?: string }).code !== '21000') throw error;
      await client.query('ROLLBACK TO SAVEPOINT duedesk_batch');
      changed += await oneByOne(batch);
    }
  }
  return changed;
}
