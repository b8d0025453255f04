// The planning reference as a whole process: open the database file with better-sqlite3, run the
// rules as SQL (bench/lib/planning-sql.ts wrote the query and its parameters to QUERY_FILE) and print
// the plan as JSON, as `duedesk --send-due --dry-run --json` prints its own.
//   node plan-sql-child.mjs DB_FILE QUERY_FILE
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

const [dbFile, queryFile] = process.argv.slice(2);
const { sql, params } = JSON.parse(readFileSync(queryFile, 'utf8'));
const db = new Database(dbFile, { readonly: true });
const row = db.prepare(sql).get(params);
db.close();
process.stdout.write(`${row.plan}\n`);
