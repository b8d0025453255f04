/**
 * `duedesk import customers|items|payments|plans FILE [options]` (docs/reference/cli.md §4,
 * docs/reference/csv.md §3).
 */
import type { CommandContext } from '../../runtime/context.js';
import { ExitCode } from '../../core/exit-codes.js';
import { actionDeps } from '../../actions/deps.js';
import { importCsv } from '../../actions/import.js';
import { parseImportArgs } from '../../csv/import/request.js';
import { progressLine } from '../../runtime/progress-line.js';

/** `duedesk import customers|items|payments|plans FILE [options]`; returns the exit code. */
export async function runImport(args: string[], ctx: CommandContext): Promise<number> {
  if (args[0] === 'bank') {
    const { runImportBank } = await import('./bank.js');
    return runImportBank(args.slice(1), ctx);
  }
  const request = parseImportArgs(args);
  const deps = await actionDeps(ctx);
  const progress = progressLine(ctx, `import ${request.kind}`, 'rows', 0);
  let result;
  try {
    result = await importCsv.run(deps, { request, onProgress: (line, lines) => progress.update(line, lines) });
  } finally {
    progress.finish();
  }
  for (const problem of result.problems) ctx.stderr.write(`${problem}\n`);
  if (result.rejected) {
    ctx.stderr.write(`${result.summary}\n`);
    return ExitCode.Usage;
  }
  ctx.stdout.write(`${result.summary}\n`);
  return ExitCode.Ok;
}
