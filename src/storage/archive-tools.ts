/**
 * Cross-engine tools over the archive (docs/reference/cli.md §11.1): every copy checked against
 * the hash its history row recorded (db check), and the copies carried along when a ledger is
 * copied or backed up.
 */
import { sha256Of, type MessageArchive } from './archive.js';
import { archivedMessages, type ArchivedMessage } from './messages.js';
import type { Sql } from './sql.js';

/** One archived copy that does not match its history row. */
export interface ArchiveProblem {
  message: ArchivedMessage;
  problem: 'missing' | 'altered';
  /** Where the copy is (or should be). */
  where: string;
}

/** Reads through one ledger (or one open file): `ledger.read` or a query on an open database. */
export type ReadVia = <T>(query: (sql: Sql) => Promise<T>) => Promise<T>;

/** Every copy not pruned, checked against its hash: how many were checked, and the ones missing or altered. */
export async function checkArchive(read: ReadVia, archive: MessageArchive): Promise<{ checked: number; problems: ArchiveProblem[] }> {
  const messages = await read((sql) => archivedMessages(sql));
  const problems: ArchiveProblem[] = [];
  for (const message of messages) {
    const bytes = await archive.fetch(message.sha256);
    const problem = bytes === null ? 'missing' : sha256Of(bytes) !== message.sha256 ? 'altered' : null;
    if (problem !== null) problems.push({ message, problem, where: archive.whereIs(message.sha256) });
  }
  return { checked: messages.length, problems };
}

/**
 * Keep in `to` every sound copy the history read through `read` names from `from`; how many.
 * `added` hears of each copy `to` did not have before, so a caller that fails later can take back
 * what it wrote.
 */
export async function carryArchive(read: ReadVia, from: MessageArchive, to: MessageArchive, added?: (sha256: string) => void): Promise<number> {
  const messages = await read((sql) => archivedMessages(sql));
  let carried = 0;
  for (const message of messages) {
    const bytes = await from.fetch(message.sha256);
    // A copy that no longer matches its hash is not carried: db check names it at the source.
    if (bytes === null || sha256Of(bytes) !== message.sha256) continue;
    const there = added !== undefined && (await to.fetch(message.sha256)) !== null;
    await to.keep(bytes);
    if (added !== undefined && !there) added(message.sha256);
    carried += 1;
  }
  return carried;
}
