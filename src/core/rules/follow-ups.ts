/**
 * Follow-ups due (docs/reference/rules.md §9.5): notes whose follow-up date has come and that
 * nobody marked done.
 */
import type { CustomerNote, IsoDate } from '../domain.js';

/** The notes to follow up on `asOf`, oldest follow-up first (overdue ones stay until done). */
export function followUpsDue(notes: readonly CustomerNote[], asOf: IsoDate): CustomerNote[] {
  return notes
    .filter((note) => note.followUp !== null && note.followUp <= asOf && note.doneAt === null)
    .sort((a, b) => (a.followUp! < b.followUp! ? -1 : a.followUp! > b.followUp! ? 1 : a.id - b.id));
}
