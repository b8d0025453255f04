/**
 * Recording a run that claims its messages, on a ledger several hosts send from at once (a
 * shared PostgreSQL ledger), where no send journal could be shared. Each message's `sending` row
 * is committed to the ledger before the mail server sees it, together with its claims
 * (src/storage/send-claims.ts) under the run's id: a sender that finds the message already
 * recorded or claimed leaves it to the other. The ledger tells a dead run from a live one
 * (Ledger.beginSend), so only a dead run's `sending` messages are turned `uncertain`.
 */
import type { Ledger } from '../storage/ledger.js';
import type { GuardKey, MessageState } from '../storage/delivery-history.js';
import { alreadyInHistory, applyMessageStates } from '../storage/delivery-history.js';
import { claimForMessage, claimKeysOf, heldClaims, releaseClaimsOf } from '../storage/send-claims.js';
import type { RecipientResult } from '../mail/transports/types.js';
import { changeCountOf } from '../storage/customers.js';
import type { HistoryRecord, JournalStatus } from './journal.js';
import type { BeginResult, MessageRecorder } from './recorder.js';
import { ledgerBusy } from './run-stop.js';

/** Another sender recorded or claimed the message first: roll back our `sending` row. */
class ClaimedElsewhere extends Error {}

/**
 * How long a delivered message's outcome waits for a writer holding the ledger (a long import)
 * before the run gives up on recording it (it then stays `sending`, and becomes `uncertain`).
 */
const FINISH_PATIENCE_MS = 10 * 60_000;

/** Each message's states written to the ledger in their own transactions, claims with them. */
export class SharedLedgerRecorder implements MessageRecorder {
  private readonly records = new Map<string, { record: HistoryRecord; createdAt: string }>();

  constructor(
    private readonly ledger: Ledger,
    private readonly runId: number,
  ) {}

  async begin(record: HistoryRecord, at: string, guard: GuardKey, planned: number | null): Promise<BeginResult> {
    const state: MessageState = { record, status: 'sending', error: null, recipients: [], createdAt: at, updatedAt: at };
    const keys = claimKeysOf(guard);
    let found: BeginResult;
    try {
      // Under the write lock, so no import commits between the check and the claim.
      found = await this.ledger.write(async (sql): Promise<BeginResult> => {
        if ((await alreadyInHistory(sql, guard)) || (await heldClaims(sql, keys)).length > 0) return 'taken';
        if (planned !== null && (await changeCountOf(sql, record.customerCode)) !== planned) return 'changed';
        await applyMessageStates(sql, [state]);
        if (!(await claimForMessage(sql, keys, record.messageId, this.runId))) throw new ClaimedElsewhere();
        return 'begun';
      });
    } catch (error) {
      if (error instanceof ClaimedElsewhere) return 'taken';
      throw error;
    }
    if (found === 'begun') this.records.set(record.messageId, { record, createdAt: at });
    return found;
  }

  /**
   * Record a begun message's outcome. A writer holding the ledger (a long import) is waited out:
   * the message has gone (or not) already, and only its true outcome may be recorded, never the
   * `sending` that would make it `uncertain` next run.
   */
  async finish(messageId: string, status: JournalStatus, error: string | null, recipients: RecipientResult[], at: string): Promise<void> {
    const begun = this.records.get(messageId);
    if (begun === undefined) return;
    const state: MessageState = { record: begun.record, status, error, recipients, createdAt: begun.createdAt, updatedAt: at };
    const giveUpAt = Date.now() + FINISH_PATIENCE_MS;
    for (;;) {
      try {
        await this.ledger.write(async (sql) => {
          await applyMessageStates(sql, [state]);
          // A failed or stopped message may go again later (by any sender); an uncertain one may have arrived.
          if (status === 'failed' || status === 'stopped') await releaseClaimsOf(sql, messageId);
        });
        return;
      } catch (failure) {
        // Each try waits the ledger's lock timeout itself, so this loop does not spin.
        if (!ledgerBusy(failure) || Date.now() >= giveUpAt) throw failure;
      }
    }
  }

  async close(): Promise<unknown> {
    return null;
  }
}
