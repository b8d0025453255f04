/** `duedesk import customers|items|payments|plans FILE [options]` (SPEC §6, §7). */
import type { CommandContext } from '../runtime/context.js';
import { LANGUAGES, type Language } from '../core/domain.js';
import { ExitCode } from '../core/exit-codes.js';
import { isCurrency } from '../core/money.js';
import { resolvePolicy } from '../core/policy.js';
import { importFile } from '../import/import-file.js';
import { formatRowError, formatSummary } from '../import/report.js';
import { parseImportArgs } from '../import/request.js';
import { progressLine } from '../runtime/progress-line.js';

/** `duedesk import customers|items|payments|plans FILE [options]`; returns the exit code. */
export async function runImport(args: string[], ctx: CommandContext): Promise<number> {
  const request = parseImportArgs(args);
  const policy = resolvePolicy(ctx.settings.read());
  const language = LANGUAGES.find((known) => known === policy.defaultLanguage) ?? ('en' satisfies Language);
  const currency = isCurrency(policy.defaultCurrency) ? policy.defaultCurrency : 'EUR';
  const store = await ctx.openStore();
  const progress = progressLine(ctx, `import ${request.kind}`, 'rows', 0);
  let outcome;
  try {
    outcome = await importFile(store, request, { language, currency }, ctx.cwd, (line, lines) => progress.update(line, lines));
  } finally {
    progress.finish();
  }
  for (const error of outcome.errors) ctx.stderr.write(`${formatRowError(request.file, error)}\n`);
  const rejected = outcome.errors.length > 0 && (!request.skipInvalid || outcome.validRows === 0);
  if (rejected) {
    const problems = `${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'}`;
    ctx.stderr.write(`${request.file}: ${problems}; nothing imported\n`);
    return ExitCode.Usage;
  }
  ctx.stdout.write(`${formatSummary(request.kind, outcome.counts, outcome.invalidRows)}\n`);
  return ExitCode.Ok;
}
