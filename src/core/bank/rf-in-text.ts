/**
 * An ISO 11649 creditor reference written inside free text (docs/reference/bank.md §2): banks and
 * payers often put the structured reference into the purpose text, sometimes in groups of four.
 * Only a reference whose check digits hold is taken, so no other number is mistaken for one.
 */
import { isRfReference } from '../rf-reference.js';

/** The first valid RF creditor reference written in `text`, compact and upper case, or null. */
export function firstRf(text: string): string | null {
  const found = text.match(/RF\d{2}(?: ?[A-Z0-9]){1,21}/gi) ?? [];
  for (const candidate of found) {
    const words = candidate.split(' ');
    for (let take = words.length; take >= 1; take -= 1) {
      const compact = words.slice(0, take).join('');
      if (compact.length <= 25 && isRfReference(compact)) return compact.toUpperCase();
    }
  }
  return null;
}
