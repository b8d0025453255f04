/**
 * Send claims on a shared PostgreSQL ledger: three senders race over the same plan of messages
 * (in-process, a connection pool each, as three hosts would have), each message claimed and
 * recorded `sending` in one transaction, then marked `sent`; every message is won by exactly one
 * sender. The reference does the same statements with three bare pg clients and no ledger: no
 * write lock, no double-send check before the insert, the unique key alone deciding.
 */
import pg from 'pg';
import { openPostgresLedger, type PostgresLedger } from '../src/storage/postgres/postgres-ledger.js';
import { claim, claimKeysOf } from '../src/storage/send-claims.js';
import { benchDatabase, type BenchDatabase } from './lib/pg-server.js';
import { defineBenchmark, type Benchmark } from './types.js';

interface ClaimsContext {
  db: BenchDatabase;
  senders: PostgresLedger[];
  clients: pg.Client[];
  messages: number;
  round: number;
}

const SENDERS = 3;
const INSERT_SENDING = `INSERT INTO messages (customer_code, kind, level, currency, as_of, message_id, status, created_at, updated_at)
  VALUES ('C1', 'reminder', 'first', 'EUR', '2026-11-23', ?, 'sending', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z') RETURNING id`;
const MARK_SENT = `UPDATE messages SET status = 'sent', updated_at = '2026-11-23T09:00:01Z' WHERE id = ?`;

/** The claim keys of message n of round r (a new plan each round, so no round finds the last one's claims). */
function keysOf(round: number, n: number): string[] {
  return claimKeysOf({ customerCode: 'C1', currency: 'EUR', asOf: '2026-11-23', kind: 'reminder', level: 'first', items: [`R${round}-INV-${n}`] });
}

/** Count a sender's wins, failing the benchmark if a message was won twice or not at all. */
function checkWins(wins: number[], messages: number): void {
  const total = wins.reduce((a, b) => a + b, 0);
  if (total !== messages) throw new Error(`claims: ${total} messages won for ${messages} planned`);
}

const claims = defineBenchmark<ClaimsContext>({
  name: 'pg claims: 3 senders racing over one plan vs bare pg',
  units: (c) => c.messages,
  target: { measure: 'throughput', ratio: 0.5 },
  async setup({ quick }) {
    const db = await benchDatabase();
    const senders = await Promise.all(Array.from({ length: SENDERS }, () => openPostgresLedger({ url: db.url, poolSize: 2 })));
    await senders[0]!.write((sql) => sql.run(`INSERT INTO customers (code, name, currency) VALUES ('C1', 'Bench', 'EUR')`));
    const clients = await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        return client;
      }),
    );
    return { db, senders, clients, messages: quick ? 200 : 2000, round: 0 };
  },
  async ours(c) {
    const round = ++c.round;
    const wins = await Promise.all(
      c.senders.map(async (ledger, s) => {
        let won = 0;
        for (let n = 0; n < c.messages; n++) {
          const id = await ledger.write(async (sql) => {
            const [row] = await sql.all(INSERT_SENDING, [`<${round}-${n}-${s}@bench>`]);
            const messageId = Number(row!.id);
            if (await claim(sql, keysOf(round, n), messageId, s + 1)) return messageId;
            throw new Taken();
          }).catch((error: unknown) => {
            if (error instanceof Taken) return null;
            throw error;
          });
          if (id === null) continue;
          await ledger.write((sql) => sql.run(MARK_SENT, [id]));
          won++;
        }
        return won;
      }),
    );
    checkWins(wins, c.messages);
  },
  async reference(c) {
    const round = ++c.round;
    const wins = await Promise.all(
      c.clients.map(async (client, s) => {
        let won = 0;
        for (let n = 0; n < c.messages; n++) {
          await client.query('BEGIN');
          const inserted = await client.query(INSERT_SENDING.replace('?', '$1'), [`<${round}-${n}-${s}@bench>`]);
          const claimed = await client.query(
            'INSERT INTO send_claims (claim_key, message_id, run_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
            [keysOf(round, n)[0], inserted.rows[0].id, s + 1],
          );
          if (claimed.rowCount === 0) {
            await client.query('ROLLBACK');
            continue;
          }
          await client.query('COMMIT');
          await client.query(MARK_SENT.replace('?', '$1'), [inserted.rows[0].id]);
          won++;
        }
        return won;
      }),
    );
    checkWins(wins, c.messages);
  },
  async teardown(c) {
    await Promise.all(c.senders.map((l) => l.close()));
    await Promise.all(c.clients.map((cl) => cl.end()));
    await c.db.dispose();
  },
});

/** The message was claimed by another sender: roll this one's `sending` row back. */
class Taken extends Error {}

export const benchmarks: Benchmark[] = [claims];
