/** Each dialect fragment means the same on SQLite (sql.js) and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { loadSqlEngine } from '../../src/storage/sqljs/sql-engine.js';
import { daysBefore, greater, inJsonList, isSameAs, jsonPairs, jsonArrays, jsonValues, likeAnyCase } from '../../src/storage/dialect.js';
import type { Row, Sql, SqlValue } from '../../src/storage/sql.js';
import { ledgerForSuite, pgAvailable } from '../helpers/pg.js';

/** Statements on a bare sql.js database (no ledger needed for single expressions). */
function sqliteSql(db: Database): Sql {
  const all = async (query: string, params: readonly SqlValue[] = []): Promise<Row[]> => {
    const stmt = db.prepare(query);
    stmt.bind(params as SqlValue[]);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject() as Row);
    stmt.free();
    return rows;
  };
  return { dialect: 'sqlite', all, run: async () => 0, runMany: async () => 0 };
}

/** The same questions asked of one engine. */
async function answers(sql: Sql): Promise<Row> {
  const [row] = await sql.all(
    `SELECT (SELECT ${jsonValues(sql, 'value')} FROM ${inJsonList(sql)} AS t) AS codes,
            (SELECT COUNT(*) FROM (SELECT 7 AS id UNION ALL SELECT 8) t WHERE id IN ${inJsonList(sql, 'integer')}) AS ids,
            (SELECT ${jsonArrays(sql, 'b, a')} FROM ${jsonPairs(sql)} AS p) AS swapped,
            (SELECT ${jsonArrays(sql, 'n, d')} FROM (SELECT 1 AS n, '2026-01-31' AS d UNION ALL SELECT 2, '2026-02-01') t) AS pairs,
            (SELECT ${jsonArrays(sql, 'n')} FROM (SELECT 1 AS n) t WHERE n > 5) AS none,
            ${daysBefore(sql, '?', '?')} AS before,
            CASE WHEN 'ACME Ltd' ${likeAnyCase(sql)} ? THEN 1 ELSE 0 END AS liked,
            ${greater(sql, "'2026-01-01'", "'2026-03-01'")} AS later,
            (SELECT COUNT(*) FROM (SELECT NULL AS level UNION ALL SELECT 'first') t WHERE level ${isSameAs(sql)} ?) AS nulls,
            (SELECT COUNT(*) FROM (SELECT NULL AS level UNION ALL SELECT 'first') t WHERE level ${isSameAs(sql)} ?) AS firsts`,
    ['["C1","C 2","Ω"]', '[7, 9]', '[["C1","INV-1"],["C2","INV 2"]]', '2026-03-01', 30, '%acme%', null, 'first'],
  );
  return { ...row!, swapped: JSON.parse(String(row!.swapped)), pairs: JSON.parse(String(row!.pairs)), codes: JSON.parse(String(row!.codes)), none: JSON.parse(String(row!.none)), before: String(row!.before) };
}

const expected = {
  codes: ['C1', 'C 2', 'Ω'],
  ids: 1,
  swapped: [['INV-1', 'C1'], ['INV 2', 'C2']],
  pairs: [[1, '2026-01-31'], [2, '2026-02-01']],
  none: [],
  before: '2026-01-30',
  liked: 1,
  later: '2026-03-01',
  nulls: 1,
  firsts: 1,
};

describe('dialect fragments on SQLite', () => {
  let db: Database;
  beforeAll(async () => {
    db = new (await loadSqlEngine()).Database();
  });
  afterAll(() => db.close());

  it('answer as expected', async () => {
    expect(await answers(sqliteSql(db))).toEqual(expected);
  });
});

describe.skipIf(!pgAvailable)('dialect fragments on PostgreSQL', () => {
  const suite = ledgerForSuite();

  it('answer as on SQLite', async () => {
    expect(await suite().ledger.read(answers)).toEqual(expected);
  });
});
