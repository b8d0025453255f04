/**
 * `duedesk export history|customers|items|handover [--from D] [--to D] [--as-of D] [--raw]`: CSV on
 * stdout (docs/reference/cli.md §5, docs/reference/csv.md §4).
 */
import type { CommandContext } from '../../runtime/context.js';
import { ExitCode } from '../../core/exit-codes.js';
import { exportCustomers, exportItems } from '../../csv/export/export-data.js';
import { exportHistory } from '../../csv/export/export-history.js';
import { parseExportArgs } from '../../csv/export/request.js';
import { exportHandover } from '../../csv/export/export-handover.js';
import { exportAudit } from '../../csv/export/export-audit.js';
import { exportInbox } from '../../csv/export/export-inbox.js';
import { localDate } from '../../core/dates.js';
import { resolvePolicy } from '../../core/policy.js';

/** `duedesk export history|customers|items [--from D] [--to D] [--raw]`; returns the exit code. */
export async function runExport(args: string[], ctx: CommandContext): Promise<number> {
  const request = parseExportArgs(args);
  const ledger = await ctx.openLedger();
  // The mark goes first, once: Excel then reads the file as UTF-8 (docs/reference/csv.md §4.8).
  if (request.bom) ctx.stdout.write('\uFEFF');
  switch (request.kind) {
    case 'customers':
      await exportCustomers(ledger, ctx.stdout, request.raw);
      break;
    case 'items':
      await exportItems(ledger, ctx.stdout, request.raw);
      break;
    case 'history':
      await exportHistory(ledger, ctx.stdout, request.from, request.to, request.raw, {
        asOf: localDate(ctx.now()),
        graceDays: resolvePolicy(ctx.settings.read()).promiseGraceDays,
      });
      break;
    case 'audit':
      await exportAudit(ledger, ctx.stdout, request.from, request.to, request.raw);
      break;
    case 'inbox':
      await exportInbox(ledger, ctx.stdout, request.from, request.to, request.raw);
      break;
    case 'handover':
      await exportHandover(ledger, resolvePolicy(ctx.settings.read()), request.asOf ?? localDate(ctx.now()), ctx.stdout, request.raw);
      break;
    default: {
      const never: never = request.kind;
      throw new Error(`unknown export kind ${String(never)}`);
    }
  }
  return ExitCode.Ok;
}
