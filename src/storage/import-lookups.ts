/**
 * Lookups into the database that validation needs (customer currencies, items named by
 * payments). One prepared statement per lookup kind, reused for every row of the file.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import type { ItemKind } from '../core/domain.js';

/** Every customer's code → currency. */
export function customerCurrencies(db: Database): Map<string, string> {
  const map = new Map<string, string>();
  const stmt = db.prepare('SELECT code, currency FROM customers');
  try {
    while (stmt.step()) {
      const [code, currency] = stmt.get();
      map.set(String(code), String(currency));
    }
  } finally {
    stmt.free();
  }
  return map;
}

/** A reusable point query; call `free()` when done. */
export class PointQuery {
  private readonly stmt: Statement;

  /** Prepare `sql` on `db`. */
  constructor(db: Database, sql: string) {
    this.stmt = db.prepare(sql);
  }

  /** The first row for these parameters as an array of values, or undefined. */
  first(params: (string | number | null)[]): ReturnType<Statement['get']> | undefined {
    try {
      this.stmt.bind(params);
      return this.stmt.step() ? this.stmt.get() : undefined;
    } finally {
      this.stmt.reset();
    }
  }

  /** Call `visit` with every row for these parameters (rows are not collected). */
  each(params: (string | number | null)[], visit: (row: SqlValue[]) => void): void {
    try {
      this.stmt.bind(params);
      while (this.stmt.step()) visit(this.stmt.get());
    } finally {
      this.stmt.reset();
    }
  }

  /** Release the statement. */
  free(): void {
    this.stmt.free();
  }
}

/** Looks up an item's currency and kind by (customer, number). */
export class ItemInfoQuery {
  private readonly query: PointQuery;

  /** Prepare on `db`. */
  constructor(db: Database) {
    this.query = new PointQuery(db, 'SELECT currency, kind FROM items WHERE customer_code = ? AND number = ?');
  }

  /** The item's currency and kind, or undefined. */
  item(customerCode: string, number: string): { currency: string; kind: ItemKind } | undefined {
    const row = this.query.first([customerCode, number]);
    return row === undefined ? undefined : { currency: String(row[0]), kind: String(row[1]) as ItemKind };
  }

  /** Release the statement. */
  free(): void {
    this.query.free();
  }
}
