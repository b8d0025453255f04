/** What an import did, counted: what its summary line reports (./report.ts). */

/** Counts of one import. `closed` only for items --snapshot, `removed` only for payments --snapshot. */
export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  closed?: number;
  removed?: number;
}

/** Zero counts. */
export function noCounts(): ImportCounts {
  return { added: 0, updated: 0, unchanged: 0 };
}

/** True when applying changed something in the database. */
export function changedAnything(counts: ImportCounts): boolean {
  return counts.added + counts.updated + (counts.closed ?? 0) + (counts.removed ?? 0) > 0;
}

/** True when two flat records hold the same values for every key of `a`. */
function sameFields<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) {
    if (a[key] !== b[key]) return false;
  }
  return true;
}

/**
 * Count one incoming record against what the database holds (`before`, undefined when new);
 * returns true when it must be written.
 */
export function tally<T extends object>(counts: ImportCounts, before: T | undefined, after: T): boolean {
  if (before === undefined) {
    counts.added += 1;
    return true;
  }
  if (sameFields(after, before)) {
    counts.unchanged += 1;
    return false;
  }
  counts.updated += 1;
  return true;
}
