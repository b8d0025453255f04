/**
 * Sending on a shared (PostgreSQL) ledger, where several hosts send at once and no send lock
 * file can be shared. Each message's `sending` row is committed to the ledger before the mail
 * server sees it, together with its claims (src/storage/send-claims.ts): a sender that finds the
 * message already recorded or claimed leaves it to the other. The run holds a session advisory
 * lock for as long as it sends (src/storage/postgres/send-runs.ts), so only a dead run's
 * `sending` messages are turned `uncertain`, never a live one's.
 */
import type { Ledger, LedgerLostError } from '../storage/ledger.js';
import type { GuardKey, MessageState } from '../storage/delivery-history.js';
import { alreadyInHistory, applyMessageStates } from '../storage/delivery-history.js';
import { claimForMessage, claimKeysOf, heldClaims, releaseClaimsOf } from '../storage/send-claims.js';
import type { RecipientResult } from '../mail/transports/types.js';
import type { HistoryRecord, JournalStatus } from './journal.js';
import type { MessageRecorder } from './recorder.js';

/** A sending run on a shared ledger. */
export interface SharedRun {
  /** Turn dead runs' `sending` messages `uncertain`; how many. */
  recover(now: Date): Promise<number>;
  /** Records this run's messages in the ledger itself. */
  recorder: MessageRecorder;
  /** False once this run's liveness lock is lost: it must send nothing more. */
  alive(): boolean;
  /** Why, when the ledger's server went away (the run's connection broke), else null. */
  lost(): LedgerLostError | null;
  end(): Promise<void>;
}

/** Another sender recorded or claimed the message first: roll back our `sending` row. */
class ClaimedElsewhere extends Error {}

/**
 * Start a run on a PostgreSQL ledger (`scheduled`: `--send-due`, one at a time across hosts,
 * else exit 75). Returns null for any other ledger.
 */
export async function beginSharedRun(ledger: Ledger, scheduled: boolean): Promise<SharedRun | null> {
  if (ledger.kind !== 'postgres') return null;
  // Loaded only here: a file ledger never loads the PostgreSQL driver.
  const { PostgresLedger } = await import('../storage/postgres/postgres-ledger.js');
  const { beginSendRun, recoverDeadRuns } = await import('../storage/postgres/send-runs.js');
  if (!(ledger instanceof PostgresLedger)) return null;
  const run = await beginSendRun(ledger, { scheduled });
  return {
    recover: async (now) => (await recoverDeadRuns(ledger, () => now)).length,
    recorder: new SharedLedgerRecorder(ledger, run.id),
    alive: () => run.alive(),
    lost: () => run.lost(),
    end: () => run.end(),
  };
}

/** Each message's states written to the ledger in their own transactions, claims with them. */
class SharedLedgerRecorder implements MessageRecorder {
  private readonly records = new Map<string, { record: HistoryRecord; createdAt: string }>();

  constructor(
    private readonly ledger: Ledger,
    private readonly runId: number,
  ) {}

  async begin(record: HistoryRecord, at: string, guard: GuardKey): Promise<boolean> {
    const state: MessageState = { record, status: 'sending', error: null, recipients: [], createdAt: at, updatedAt: at };
    const keys = claimKeysOf(guard);
    try {
      await this.ledger.write(async (sql) => {
        if ((await alreadyInHistory(sql, guard)) || (await heldClaims(sql, keys)).length > 0) throw new ClaimedElsewhere();
        await applyMessageStates(sql, [state]);
        if (!(await claimForMessage(sql, keys, record.messageId, this.runId))) throw new ClaimedElsewhere();
      });
    } catch (error) {
      if (error instanceof ClaimedElsewhere) return false;
      throw error;
    }
    this.records.set(record.messageId, { record, createdAt: at });
    return true;
  }

  async finish(messageId: string, status: JournalStatus, error: string | null, recipients: RecipientResult[], at: string): Promise<void> {
    const begun = this.records.get(messageId);
    if (begun === undefined) return;
    const state: MessageState = { record: begun.record, status, error, recipients, createdAt: begun.createdAt, updatedAt: at };
    await this.ledger.write(async (sql) => {
      await applyMessageStates(sql, [state]);
      // A failed message may go again later (by any sender); an uncertain one may have arrived.
      if (status === 'failed') await releaseClaimsOf(sql, messageId);
    });
  }

  async close(): Promise<unknown> {
    return null;
  }
}
