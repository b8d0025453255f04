/** A connection of the PostgreSQL ledger's pool, as its holder sees it. */
import type pg from 'pg';

/** A connection checked out of the pool, watched for the server going away under it. */
export interface Checkout {
  readonly client: pg.PoolClient;
  /** The error the connection broke with (server stopped, network cut), or null while it is sound. */
  lost(): Error | null;
  /** Give it back to the pool; a broken one, one left in a transaction, or `destroy`, is closed instead. */
  release(destroy?: boolean): void;
}
