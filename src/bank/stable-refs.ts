/**
 * References for credits the bank gave none (docs/reference/bank.md §1.3): built from what the
 * entry says, so the same statement read again gives the same references and is recognised as
 * already imported; identical entries in one file are told apart by their order.
 */
import { createHash } from 'node:crypto';

/** Makes `BANK-` + 16 hex digits references, stable for a file's content. */
export class StableRefs {
  private readonly seen = new Map<string, number>();

  /** A reference for the entry described by `facts`. */
  make(facts: readonly string[]): string {
    const key = facts.join('\u0000');
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    const hash = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 16).toUpperCase();
    return `BANK-${hash}`;
  }
}
