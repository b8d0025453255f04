/**
 * planDue's candidate prefilter as text, for the planning reference to narrow with: planDue first
 * finds the customers that can get anything today (src/storage/planning-queries.ts
 * `candidateCustomers`) and plans only theirs, so a reference planning every customer would do
 * more work than ours. The query is taken from `candidateCustomers` itself, run once against an Sql
 * that records what it is asked, so the reference always narrows exactly as planDue does (same
 * statement, same indexes), however that search changes.
 */
import type { IsoDate } from '../../src/core/domain.js';
import type { Policy } from '../../src/core/plan.js';
import { candidateCustomers } from '../../src/storage/planning-queries.js';
import type { Row, Sql, SqlValue } from '../../src/storage/sql.js';

/** The candidate query with named parameters `@cand0…`, and their values. */
export interface CandidateQuery {
  /** A query returning one row, one column: the candidates' codes as a JSON array (with repeats). */
  sql: string;
  params: Record<string, SqlValue>;
}

/** The statement `candidateCustomers` runs for `policy` on `asOf`, its `?` placeholders named. */
export async function candidateQuery(policy: Policy, asOf: IsoDate): Promise<CandidateQuery> {
  const asked: Array<{ sql: string; params: readonly SqlValue[] }> = [];
  const recorder: Sql = {
    dialect: 'sqlite',
    all: (sql, params = []) => {
      asked.push({ sql, params });
      return Promise.resolve([{ codes: '[]' } as Row]);
    },
    run: () => Promise.reject(new Error('the candidate search does not write')),
    runMany: () => Promise.reject(new Error('the candidate search does not write')),
  };
  await candidateCustomers(recorder, policy, asOf);
  if (asked.length !== 1) throw new Error(`the candidate search ran ${asked.length} queries; the reference embeds exactly one`);
  const [{ sql, params }] = asked as [{ sql: string; params: readonly SqlValue[] }];
  // better-sqlite3 binds either positions or names per call; the reference's own are names.
  let index = 0;
  const named = sql.replace(/\?/g, () => `@cand${index++}`);
  if (index !== params.length) throw new Error(`the candidate search has ${index} placeholders for ${params.length} values`);
  return { sql: named, params: Object.fromEntries(params.map((value, at) => [`cand${at}`, value])) };
}
