/** Importing a CSV file as `duedesk import` and the desk both do: counts and problems, typed. The importer loads on first use. */
import type { ImportResult } from '../csv/import/import-csv.js';
import type { ImportRequest } from '../csv/import/request.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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
  needs: 'supervisor',
  // The file's name, SHA-256 and what it changed (docs/reference/roles.md §4); a refused file, or one
  // that found nothing to change, changed nothing and leaves no entry (nor a write of the file).
  audit: {
    about: ({ request }) => ({ customer: null, subject: request.kind }),
    done: async ({ request }, result, { cwd }) => (result.rejected || !result.saved ? false : `${request.file} sha256 ${await fileSha256(resolve(cwd, request.file))}: ${result.summary}`),
  },
  run: async (deps: ActionDeps, { request, onProgress }: ImportInput): Promise<ImportResult> => {
    const { importCsv: importFile } = await import('../csv/import/import-csv.js');
    return importFile(deps.ledger, settingsOf(deps), request, deps.context.cwd, onProgress);
  },
});

/** The SHA-256 of a file as hex ('unreadable' when it went away since it was imported). */
export async function fileSha256(path: string): Promise<string> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return 'unreadable';
  }
}
