/**
 * One copy of an earlier message sent again (docs/reference/cli.md §11.5) through the machinery
 * every send uses: the ledger held for sending (dead runs settled first), the copy kept in the
 * archive, a durable `sending` line in the journal (or, on a shared ledger, the row and its claim)
 * before the transport sees it, the outcome after, never retried by itself. A copy that cannot be
 * kept stops it before anything is handed over (FileWriteError, exit 2).
 */
import { UserError } from '../core/exit-codes.js';
import type { CommandContext } from '../runtime/context.js';
import { alreadyInHistory, type GuardKey } from '../storage/delivery-history.js';
import { ledgerFile } from '../storage/ledger-location.js';
import { createTransport } from '../mail/transports/index.js';
import { realSleep } from '../mail/transports/wait.js';
import type { SendEnvelope, Transport } from '../mail/transports/types.js';
import { recorderFor } from './deliver.js';
import type { HistoryRecord } from './journal.js';
import { replayJournal } from './recorder.js';
import { sendWithRetry, type SendEnding } from './send-one.js';

/** The copy to send: its bytes, its history record (kind `copy`), its envelope and its guard key. */
export interface CopyToSend {
  raw: Buffer;
  record: HistoryRecord;
  envelope: SendEnvelope;
  /** What makes it one copy: the same original to the same address on the same day goes once. */
  guard: GuardKey;
  /** Said when the guard finds it sent already. */
  alreadySent: string;
}

/** Seams of a copy's send (tests), and the TUI's typed password. */
export interface CopyOptions {
  transport?: Transport;
  sessionPassword?: string | null;
  retryDelaysMs?: number[];
}

/** Send `copy` at most once, recording it in the history; resolves to how it ended. */
export async function deliverCopy(copy: CopyToSend, ctx: CommandContext, options: CopyOptions = {}): Promise<SendEnding> {
  const settings = ctx.settings.read();
  const ledger = await ctx.openLedger();
  const run = await ledger.beginSend({ scheduled: false, waitMs: 10_000, now: () => ctx.now(), settleJournal: () => replayJournal(ledger, ctx.now().toISOString()) });
  try {
    const transport = options.transport ?? (await createTransport(settings, ctx.env, { dbPath: ledgerFile(ledger), cwd: ctx.cwd }, undefined, options.sessionPassword ?? null));
    try {
      // Under the send hold: two clerks asking at once send one copy.
      if (await ledger.read((sql) => alreadyInHistory(sql, copy.guard))) throw new UserError(copy.alreadySent);
      await transport.verify();
      const warn = (text: string): void => void ctx.stderr.write(`duedesk: ${text}\n`);
      const recorder = await recorderFor(run, ledger, {}, warn);
      let ending: SendEnding;
      try {
        // No proof, no send (docs/reference/cli.md §11.1): kept before its history line.
        const archived = await ledger.archive.keep(copy.raw);
        const record: HistoryRecord = { ...copy.record, archive: { sha256: archived.sha256, size: archived.size, prunedAt: null } };
        const begun = await recorder.begin(record, ctx.now().toISOString(), copy.guard, null);
        if (begun !== 'begun') {
          await ledger.archive.drop(archived.sha256).catch(() => 0);
          throw new UserError(copy.alreadySent);
        }
        const retry = { delaysMs: options.retryDelaysMs ?? [1000, 5000, 15_000], sleep: realSleep };
        ending = await sendWithRetry(transport, copy.raw, copy.envelope, copy.record.messageId, retry);
        await recorder.finish(copy.record.messageId, ending.status, ending.error, ending.recipients, ctx.now().toISOString());
      } finally {
        const kept = await recorder.close();
        if (kept !== null) warn('the send journal is kept and will be folded into the history by the next run');
      }
      if (ending.fileError) throw ending.fileError;
      return ending;
    } finally {
      await transport.close();
    }
  } finally {
    await run.release();
  }
}
