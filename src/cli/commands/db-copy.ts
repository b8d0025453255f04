/**
 * `duedesk db copy SOURCE DEST [--replace]`: a whole ledger, history included, from a database
 * file to a PostgreSQL ledger or back (src/storage/ledger-copy.ts does the copy). A file SOURCE
 * must exist; a file DEST is created. Moving from a file to a shared ledger also brings this
 * host's shared settings (company, policy: src/settings/shared-settings.ts) along, unless the
 * destination already keeps some, since on a shared ledger they are read from there.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { recordChange } from '../../actions/audit-trail.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import type { CommandContext } from '../../runtime/context.js';
import { progressLine } from '../../runtime/progress-line.js';
import { sharedEntries } from '../../settings/shared-settings.js';
import type { Ledger } from '../../storage/ledger.js';
import { copyLedger } from '../../storage/ledger-copy.js';
import { isPostgresUrl } from '../../storage/ledger-location.js';
import { readLedgerSettings, replaceLedgerSettings } from '../../storage/ledger-settings.js';
import { openLedger } from '../../storage/open-ledger.js';
import { removeQuietly } from '../../files/atomic-file.js';
import { removeLockFiles } from '../../storage/sqljs/send-lock.js';
import { refusePasswordOnCommandLine } from '../../storage/postgres/connection-url.js';
import { ledgerPassword } from '../shared-ledger.js';
import { holdBetweenSends, settledNote, whileHeld, type HoldOptions } from './db-between-sends.js';

/** How to copy: replace a DEST that holds a ledger, and how to wait for sends under way. */
export interface DbCopyOptions {
  replace: boolean;
  hold: HoldOptions;
}

/** A SOURCE or DEST as given: a URL as it is (never with a password), a file made absolute. */
function location(given: string, ctx: CommandContext): string {
  if (!isPostgresUrl(given)) return resolve(ctx.cwd, given);
  refusePasswordOnCommandLine(given, 'db copy');
  return given;
}

/** Copy SOURCE to DEST; prints what was copied. */
export async function runDbCopy(source: string, dest: string, { replace, hold }: DbCopyOptions, ctx: CommandContext): Promise<number> {
  const from = location(source, ctx);
  const to = location(dest, ctx);
  if (from === to) throw new UserError(`db copy: SOURCE and DEST are the same ledger (${source})`);
  if (!isPostgresUrl(from) && !existsSync(from)) throw new UserError(`no database at ${from}`);
  const options = { password: ledgerPassword(ctx.settings, ctx.env) };
  const opened: Ledger[] = [];
  // A copy that fails leaves no half-made DEST file behind (nor its lock files).
  const newFile = !isPostgresUrl(to) && !existsSync(to);
  let copied = false;
  try {
    const sourceLedger = await openLedger(from, options);
    opened.push(sourceLedger);
    const destLedger = await openLedger(to, options);
    opened.push(destLedger);
    // Between sends on both sides: the source's history is whole, and no run sends from a DEST being replaced.
    const sourceHeld = await holdBetweenSends(sourceLedger, hold);
    if (sourceHeld.settled > 0) ctx.stderr.write(`${settledNote('db copy', sourceHeld.settled)}\n`);
    const report = await whileHeld(sourceHeld, async () =>
      whileHeld(await holdBetweenSends(destLedger, hold), async () => {
        // One line on stderr while a large ledger moves (a terminal only: nothing on a pipe or in cron).
        const progress = progressLine(ctx, 'db copy', 'rows', 0);
        try {
          return await copyLedger(sourceLedger, destLedger, { replace, onProgress: (done, total) => progress.update(done, total) });
        } finally {
          progress.finish();
        }
      }),
    );
    const counts = report.filter((r) => r.rows > 0).map((r) => `${r.table} ${r.rows.toLocaleString('en')}`);
    ctx.stdout.write(`copied ${sourceLedger.location} to ${destLedger.location}: ${counts.join(', ') || 'an empty ledger'}\n`);
    copied = true;
    // Who took the copy, in both trails (docs/reference/roles.md §4): the copy carries the source's.
    const record = { action: 'db copy', customerCode: null, oldValue: null, newValue: null, detail: counts.join(', ') || null };
    await recordChange(sourceLedger, ctx, { ...record, subject: `to ${destLedger.location}` });
    await recordChange(destLedger, ctx, { ...record, subject: `from ${sourceLedger.location}` });
    if (sourceLedger.kind !== 'postgres' && destLedger.kind === 'postgres') await seedSharedSettings(destLedger, ctx);
    return ExitCode.Ok;
  } finally {
    for (const ledger of opened) await ledger.close();
    if (newFile && !copied) removeDatabaseFile(to);
  }
}

/** Remove a database file this copy created, with its lock and send-lock files. */
function removeDatabaseFile(path: string): void {
  removeQuietly(path);
  removeLockFiles(path);
}

/** A new shared ledger gets this host's company and policy settings, so every host plans alike. */
async function seedSharedSettings(ledger: Ledger, ctx: CommandContext): Promise<void> {
  const entries = sharedEntries(ctx.settings.read());
  if (entries.length === 0) return;
  const seeded = await ledger.write(async (sql) => {
    if ((await readLedgerSettings(sql)).length > 0) return false;
    await replaceLedgerSettings(sql, entries);
    return true;
  });
  if (seeded) ctx.stdout.write(`shared settings from ${ctx.settings.path} stored in the ledger: ${entries.map(([key]) => key).join(', ')}\n`);
  else ctx.stderr.write(`the ledger keeps shared settings already; those of ${ctx.settings.path} were not copied\n`);
}
