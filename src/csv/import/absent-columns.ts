/**
 * Partial files: a column missing from a file's header leaves that field of existing records as
 * it is (a `code,name,email` file only updates names and e-mails), while a column present with
 * an empty cell clears the field to its default.
 */
import type { ColumnIndex } from '../../core/csv/columns.js';

/** Pairs of (record field, CSV column) that a partial file may leave out. */
export type FieldColumns<T> = readonly (readonly [keyof T, string])[];

/** The fields whose columns the file does not have. */
export function absentFields<T>(index: ColumnIndex, fields: FieldColumns<T>): (keyof T)[] {
  return fields.filter(([, column]) => !index.has(column)).map(([field]) => field);
}

/** `incoming` with the absent fields taken from `existing` (a copy; `incoming` when new). */
export function keepAbsent<T extends object>(incoming: T, existing: T | undefined, absent: readonly (keyof T)[]): T {
  if (existing === undefined || absent.length === 0) return incoming;
  const merged = { ...incoming };
  keepAbsentIn(merged, existing, absent);
  return merged;
}

/** Like `keepAbsent`, but takes the absent fields from `existing` into `incoming` itself. */
export function keepAbsentIn<T extends object>(incoming: T, existing: T | undefined, absent: readonly (keyof T)[]): void {
  if (existing === undefined) return;
  for (const field of absent) incoming[field] = existing[field];
}
