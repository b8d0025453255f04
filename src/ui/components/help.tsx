/** The `?` help: drawn from the desk's key table (screens/registry.ts), so it lists exactly what the keys do. */
import { Box, Text } from 'ink';
import React from 'react';
import { KEY_TABLE } from '../screens/registry.js';
import { clip, fit } from '../format.js';

/** Props of Help. */
export interface HelpProps {
  height: number;
  width: number;
  /** First help line shown (scrolled with ↑/↓). */
  scroll: number;
}

/** Every help line: a scope title followed by its bindings. */
export function helpLines(): { text: string; title: boolean }[] {
  const lines: { text: string; title: boolean }[] = [];
  // Every scope of the table, in its order, so a new scope cannot be left out.
  for (const { scope, title } of KEY_TABLE.scopes) {
    lines.push({ text: title, title: true });
    for (const binding of KEY_TABLE.bindings.filter((b) => b.scope === scope)) {
      lines.push({ text: `  ${fit(binding.keys.join(' / '), 14)} ${binding.help}`, title: false });
    }
  }
  return lines;
}

/** The help window; it scrolls when the terminal is too short to show it all. */
export function Help({ height, width, scroll }: HelpProps): React.JSX.Element {
  const lines = helpLines();
  const body = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  return (
    <Box flexDirection="column">
      <Text bold inverse wrap="truncate">
        {fit(` Keys — Esc or ? closes${lines.length > body ? ', ↑/↓ scroll' : ''}`, width)}
      </Text>
      {lines.slice(top, top + body).map((line, i) => (
        <Text key={`${top + i}`} bold={line.title} wrap="truncate">
          {clip(line.text, width)}
        </Text>
      ))}
    </Box>
  );
}
