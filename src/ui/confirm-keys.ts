/** The answer a key gives to a yes/no question of the desk: Enter or y says yes, Esc or n says no. */
import type { Key } from 'ink';

/** 'yes', 'no', or null for a key that answers nothing (the question stays open). */
export function confirmAnswer(input: string, key: Key): 'yes' | 'no' | null {
  if (key.return || input === 'y' || input === 'Y') return 'yes';
  if (key.escape || input === 'n' || input === 'N') return 'no';
  return null;
}

/** Call `yes` or `no` when the key answers the question; any other key leaves it open. */
export function onAnswer(input: string, key: Key, yes: () => void, no: () => void): void {
  const answer = confirmAnswer(input, key);
  if (answer === 'yes') yes();
  else if (answer === 'no') no();
}
