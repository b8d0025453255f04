/**
 * Key handling as data: a screen maps each command of the key table to what it does, instead of
 * one long switch. The key router reads the command from the table; the screen looks up its
 * handler here.
 */
import type { Command } from './keys.js';

/**
 * What one command does, given what the screen sees at that key press (`view`); false when the
 * key is not taken after all (the App then reads it as a global key). Nothing returned: taken.
 */
export type CommandHandler<V> = (view: V) => boolean | void;

/** A screen's commands and what each does. */
export type CommandHandlers<V> = Readonly<Partial<Record<Command, CommandHandler<V>>>>;

/** Run the handler of `command` on `view`: whether it took the key, or undefined when `handlers` has none for it. */
export function runCommand<V>(handlers: CommandHandlers<V>, command: Command | null, view: V): boolean | undefined {
  const handler = command !== null && Object.hasOwn(handlers, command) ? handlers[command] : undefined;
  if (handler === undefined) return undefined;
  return handler(view) !== false;
}
