/** The status line in full (`e`): the plain sentence wrapped to the width and the raw text it came from. */
import { Box, Text } from 'ink';
import React from 'react';
import { clip, fit, wrapLine } from '../format.js';

/** What the status line says, and the raw error text behind it when it was explained. */
export interface StatusText {
  text: string;
  raw: string | null;
}

/** Every line of the detail at `width`. */
export function statusDetailLines(status: StatusText, width: number): string[] {
  return [
    ...wrapLine(status.text, width),
    ...(status.raw !== null ? ['', 'As reported:', ...status.raw.split(/\r?\n/).flatMap((line) => wrapLine(line, width))] : []),
  ];
}

/** Props of StatusDetail. */
export interface StatusDetailProps {
  status: StatusText;
  height: number;
  width: number;
  scroll: number;
}

/** The detail window; it scrolls like the help. */
export function StatusDetail({ status, height, width, scroll }: StatusDetailProps): React.JSX.Element {
  const lines = statusDetailLines(status, width);
  const body = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  return (
    <Box flexDirection="column">
      <Text bold inverse wrap="truncate">
        {fit(` Last message — Esc or e closes${lines.length > body ? ', ↑/↓ scroll' : ''}`, width)}
      </Text>
      {lines.slice(top, top + body).map((line, i) => (
        <Text key={`${top + i}`} wrap="truncate">
          {clip(line, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
