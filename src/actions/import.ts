/** Importing a CSV file as `duedesk import` and the desk both do: counts and problems, typed. The importer loads on first use. */
import type { ImportResult } from '../csv/import/import-csv.js';
import type { ImportRequest } from '../csv/import/request.js';
import { defineAction } from './action.js';
import { settingsOf, type ActionDeps } from './deps.js';

/** The file to import, and who hears how far the import has read (lines so far, lines in the file). */
export interface ImportInput {
  request: ImportRequest;
  onProgress?: ((line: number, lines: number) => void) | undefined;
}

/**
 * Import a CSV file as `duedesk import` does (docs/reference/cli.md §4, docs/reference/csv.md §3):
 * counts and problems, typed.
 */
export const importCsv = defineAction({
  name: 'import',
  changes: true,
  refused: 'importing',
  run: async (deps: ActionDeps, { request, onProgress }: ImportInput): Promise<ImportResult> => {
    const { importCsv: importFile } = await import('../csv/import/import-csv.js');
    return importFile(deps.ledger, settingsOf(deps), request, deps.context.cwd, onProgress);
  },
});
