/** `duedesk import customers|items|payments|plans FILE [options]` (SPEC §6, §7). */
import type { CommandContext } from '../../runtime/context.js';
import { ExitCode } from '../../core/exit-codes.js';
import { importCsv } from '../../csv/import/import-csv.js';
import { parseImportArgs } from '../../csv/import/request.js';

/** `duedesk import customers|items|payments|plans FILE [options]`; returns the exit code. */
export async function runImport(args: string[], ctx: CommandContext): Promise<number> {
  const request = parseImportArgs(args);
  const result = await importCsv(await ctx.openStore(), ctx.settings.read(), request, ctx.cwd);
  for (const problem of result.problems) ctx.stderr.write(`${problem}\n`);
  if (result.rejected) {
    ctx.stderr.write(`${result.summary}\n`);
    return ExitCode.Usage;
  }
  ctx.stdout.write(`${result.summary}\n`);
  return ExitCode.Ok;
}
