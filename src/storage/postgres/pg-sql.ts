/**
 * The `Sql` port on one PostgreSQL connection: `?` placeholders numbered for the server, bytes
 * bound as bytea, and rows keyed by lower-case column names like SQLite's (PostgreSQL folds
 * unquoted names to lower case already; a quoted alias is folded here).
 */
import type pg from 'pg';
import type { Dialect, Row, Sql, SqlValue } from '../sql.js';
import { insertInBatches, insertShape } from './batched-insert.js';
import { numberPlaceholders } from './placeholders.js';

/** Bind values as pg expects them (a Uint8Array becomes a Buffer, sent as bytea). */
function bindable(params: readonly SqlValue[]): unknown[] {
  return params.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value,
  );
}

/** Rows with lower-case keys (most results already are: then the rows are returned as they came). */
function lowerCaseRows(result: pg.QueryResult): Row[] {
  const rows = result.rows as Row[];
  const fields = result.fields ?? [];
  if (fields.every((f) => f.name === f.name.toLowerCase())) return rows;
  return rows.map((row) => {
    const lowered: Row = {};
    for (const [key, value] of Object.entries(row)) lowered[key.toLowerCase()] = value;
    return lowered;
  });
}

/**
 * Statements on one pg connection (a pool client inside a transaction). Calls made side by side
 * (a caller's Promise.all) run one after the other: a connection answers one query at a time,
 * and pg stops queueing them itself in its next major version.
 */
export class PgSql implements Sql {
  readonly dialect: Dialect = 'postgres';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.ClientBase) {}

  /** Run `work` after every call made before it, whether that one failed or not. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.inTurn(async () => lowerCaseRows(await this.client.query(numberPlaceholders(sql), bindable(params))));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.inTurn(async () => (await this.client.query(numberPlaceholders(sql), bindable(params))).rowCount ?? 0);
  }

  runMany(sql: string, paramSets: readonly (readonly SqlValue[])[]): Promise<number> {
    const shape = paramSets.length > 1 ? insertShape(sql) : null;
    const rows = paramSets.map(bindable);
    return this.inTurn(() => (shape !== null ? insertInBatches(this.client, shape, rows, (batch) => this.oneByOne(sql, batch)) : this.oneByOne(sql, rows)));
  }

  /** Each row on its own: a named statement is parsed and planned once per connection, then only bound and run. */
  private async oneByOne(sql: string, paramSets: readonly unknown[][]): Promise<number> {
    const text = numberPlaceholders(sql);
    const name = statementName(text);
    let changed = 0;
    for (const params of paramSets) {
      const result = await this.client.query({ name, text, values: params });
      changed += result.rowCount ?? 0;
    }
    return changed;
  }
}

const names = new Map<string, string>();

/** A stable prepared-statement name per statement text (the same text gets the same name). */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `duedesk_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}
