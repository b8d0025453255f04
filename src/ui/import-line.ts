/**
 * The Import prompt's line as an import request: `KIND FILE [--options]`. The file is everything
 * between the kind and the first option, spaces included, so a path with spaces imports as typed;
 * the options are checked by the same parser as `duedesk import`.
 */
import { IMPORT_KINDS, isImportKind } from '../core/csv/types.js';
import { parseImportArgs, type ImportRequest } from '../csv/import/request.js';

/** The request a typed line asks for, or why it cannot be imported (shown under the prompt). */
export function importRequestOf(line: string): ImportRequest | string {
  const match = /^\s*(\S+)\s+(.*?)\s*(?:\s(--\S.*))?$/.exec(line);
  const kind = match?.[1] ?? line.trim();
  const file = match?.[2] ?? '';
  if (!isImportKind(kind) || file === '') return `write KIND FILE, KIND one of ${IMPORT_KINDS.join(', ')}`;
  const options = (match?.[3] ?? '').split(/\s+/).filter((word) => word !== '');
  try {
    return parseImportArgs([kind, file, ...options]);
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  }
}
