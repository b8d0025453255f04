/** How an import speaks: problems as `FILE:LINE: column: message`, and one summary line. */
import type { ImportKind, RowError } from '../../core/csv/types.js';
import type { ImportCounts } from './counts.js';

/** One problem in the form of docs/reference/csv.md §3.1. */
export function formatRowError(file: string, error: RowError): string {
  return `${file}:${error.line}: ${error.column}: ${error.message}`;
}

/** The summary line, e.g. `customers: 12 added, 3 updated, 0 unchanged`. */
export function formatSummary(kind: ImportKind, counts: ImportCounts, skipped: number): string {
  let line = `${kind}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`;
  if (counts.closed !== undefined) line += `, ${counts.closed} closed`;
  if (counts.removed !== undefined) line += `, ${counts.removed} removed`;
  if (skipped > 0) line += `; ${skipped} invalid row${skipped === 1 ? '' : 's'} skipped`;
  return line;
}
