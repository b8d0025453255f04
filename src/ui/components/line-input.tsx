/**
 * A one-line text field. Editing happens in the owner's reducer (see line-edit.ts) so keys typed
 * back to back are never lost; this only draws the value with the cursor block where it stands.
 */
import { Text } from 'ink';
import React from 'react';
import type { Line } from '../line-edit.js';

/** Props of LineInput. */
export interface LineInputProps {
  label: string;
  line: Line;
  /** Draw bullets instead of the text (passwords). */
  mask?: boolean;
  hint?: string;
}

/** The text before the cursor, the character under it (a blank at the end) and the rest. */
export function cursorParts(line: Line, mask = false): [string, string, string] {
  const chars = [...line.value].map((c) => (mask ? '•' : c));
  return [chars.slice(0, line.cursor).join(''), chars[line.cursor] ?? ' ', chars.slice(line.cursor + 1).join('')];
}

/** Draw `label: value` with the cursor shown inverse. */
export function LineInput({ label, line, mask, hint }: LineInputProps): React.JSX.Element {
  const [before, under, after] = cursorParts(line, mask);
  return (
    <Text wrap="truncate">
      <Text bold>{label}: </Text>
      {before}
      <Text inverse>{under}</Text>
      {after}
      {hint ? <Text dimColor>  {hint}</Text> : null}
    </Text>
  );
}
