/** The `?` help: drawn from the desk's key table, so it lists exactly what the keys do. */
import { Box, Text } from 'ink';
import React from 'react';
import type { KeyBinding, KeyTable } from '../keys.js';
import { clip, fit } from '../format.js';

/** Props of Help. */
export interface HelpProps {
  height: number;
  width: number;
  /** First help line shown (scrolled with ↑/↓). */
  scroll: number;
  /** The desk's key table. */
  keys: KeyTable;
  /** Why the session's role may not use a key (docs/reference/roles.md §3.1); null when it may. */
  refused?: (binding: KeyBinding) => string | null;
}

/**
 * Every help line of the key table `keys`: a scope title followed by its bindings; a key the
 * session's role may not use (`refused`) is dimmed and says why.
 */
export function helpLines(keys: KeyTable, refused?: HelpProps['refused']): { text: string; title: boolean; dim?: boolean }[] {
  const lines: { text: string; title: boolean; dim?: boolean }[] = [];
  // Every scope of the table, in its order, so a new scope cannot be left out.
  for (const { scope, title } of keys.scopes) {
    lines.push({ text: title, title: true });
    for (const binding of keys.bindings.filter((b) => b.scope === scope)) {
      const why = refused?.(binding) ?? null;
      const text = `  ${fit(binding.keys.join(' / '), 14)} ${binding.help}`;
      lines.push(why === null ? { text, title: false } : { text: `${text} — ${why}`, title: false, dim: true });
    }
  }
  return lines;
}

/** The help window; it scrolls when the terminal is too short to show it all. */
export function Help({ height, width, scroll, keys, refused }: HelpProps): React.JSX.Element {
  const lines = helpLines(keys, refused);
  const body = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  return (
    <Box flexDirection="column">
      <Text bold inverse wrap="truncate">
        {fit(` Keys — Esc or ? closes${lines.length > body ? ', ↑/↓ scroll' : ''}`, width)}
      </Text>
      {lines.slice(top, top + body).map((line, i) => (
        <Text key={`${top + i}`} bold={line.title} dimColor={line.dim === true} wrap="truncate">
          {clip(line.text, width)}
        </Text>
      ))}
    </Box>
  );
}
