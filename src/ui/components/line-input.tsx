/**
 * A one-line text field. Editing happens in the owner's reducer (see line-edit.ts) so keys typed
 * back to back are never lost; this only draws the value with a cursor block.
 */
import { Text } from 'ink';
import React from 'react';

/** Props of LineInput. */
export interface LineInputProps {
  label: string;
  value: string;
  /** Draw bullets instead of the text (passwords). */
  mask?: boolean;
  hint?: string;
}

/** Draw `label: value█`. */
export function LineInput({ label, value, mask, hint }: LineInputProps): React.JSX.Element {
  const shown = mask ? '•'.repeat([...value].length) : value;
  return (
    <Text wrap="truncate">
      <Text bold>{label}: </Text>
      {shown}
      <Text inverse> </Text>
      {hint ? <Text dimColor>  {hint}</Text> : null}
    </Text>
  );
}
