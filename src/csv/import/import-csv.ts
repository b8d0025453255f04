/**
 * One import as a feature: the settings' defaults, the import itself and what it did, as a typed
 * result. The CLI prints it; the TUI shows it; neither parses the other's text.
 */
import { LANGUAGES, type Language } from '../../core/domain.js';
import type { CustomerDefaults } from '../../core/csv/customers.js';
import { isCurrency } from '../../core/money.js';
import { resolvePolicy } from '../../core/policy.js';
import { profileNames } from '../../core/rules/profiles.js';
import type { Settings } from '../../core/settings.js';
import type { Ledger } from '../../storage/ledger.js';
import { importFile, type ImportOutcome } from './import-file.js';
import { formatRowError, formatSummary } from './report.js';
import type { ImportRequest } from './request.js';

/** What an import did: the outcome, whether the file was refused, and its lines ready to show. */
export interface ImportResult extends ImportOutcome {
  request: ImportRequest;
  /** True when nothing was imported because of problems (without --skip-invalid, or no valid row). */
  rejected: boolean;
  /** Every problem as `FILE:LINE: column: message` (docs/reference/csv.md §3.1). */
  problems: string[];
  /** The summary line (`items: 3 added, …`), or the refusal (`FILE: 2 problems; nothing imported`). */
  summary: string;
}

/** Customer language and currency for rows that name none, from the policy (invalid values fall back), and its profiles. */
function importDefaults(settings: Settings): CustomerDefaults {
  const policy = resolvePolicy(settings);
  const language = LANGUAGES.find((known) => known === policy.defaultLanguage) ?? ('en' satisfies Language);
  const currency = isCurrency(policy.defaultCurrency) ? policy.defaultCurrency : 'EUR';
  return { language, currency, profiles: profileNames(policy) };
}

/**
 * Import `request.file` (relative to `cwd`) into `ledger`. Throws UserError for an unreadable file.
 * `progress` hears the lines read so far and the file's line count (the CLI's progress line).
 */
export async function importCsv(
  ledger: Ledger,
  settings: Settings,
  request: ImportRequest,
  cwd: string,
  progress?: (line: number, lines: number) => void,
): Promise<ImportResult> {
  const outcome = await importFile(ledger, request, importDefaults(settings), cwd, progress);
  const problems = outcome.errors.map((error) => formatRowError(request.file, error));
  const rejected = outcome.errors.length > 0 && (!request.skipInvalid || outcome.validRows === 0);
  const count = outcome.errors.length;
  const summary = rejected
    ? `${request.file}: ${count} problem${count === 1 ? '' : 's'}; nothing imported`
    : formatSummary(request.kind, outcome.counts, outcome.invalidRows);
  return { ...outcome, request, rejected, problems, summary };
}
