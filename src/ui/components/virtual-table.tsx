/**
 * A table that renders only its visible rows (a window of `height` rows starting at `top`), so
 * a list of 100,000 customers costs the same per frame as one of twenty.
 */
import { Box, Text } from 'ink';
import React from 'react';
import { fit } from '../format.js';

/** One column: title, width in characters, and how a row shows in it. */
export interface Column<R> {
  title: string;
  width: number;
  align?: 'left' | 'right';
  cell(row: R): string;
}

/** Props of VirtualTable. */
export interface VirtualTableProps<R> {
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey(row: R): string;
  /** First visible row and cursor row (indexes into rows). */
  top: number;
  cursor: number;
  /** Rows of the body (the header takes one more line). */
  height: number;
  /** Total width available; the last column takes what remains. */
  width: number;
  selected?: ReadonlySet<string>;
  /** Colour of a row (e.g. red for failed), or undefined for the default. */
  rowColor?(row: R): string | undefined;
  /** Shown when there are no rows. */
  empty?: string;
  /** Whether the cursor is shown (false when another pane has the focus). */
  focused?: boolean;
}

function line<R>(columns: readonly Column<R>[], width: number, text: (c: Column<R>) => string): string {
  let used = 2;
  const cells: string[] = [];
  columns.forEach((column, index) => {
    const last = index === columns.length - 1;
    const w = last ? Math.max(1, width - used) : column.width;
    cells.push(fit(text(column), w, column.align));
    used += w + 1;
  });
  return cells.join(' ');
}

/** Render the visible window of a table with a header row, a cursor and selection marks. */
export function VirtualTable<R>(props: VirtualTableProps<R>): React.JSX.Element {
  const { rows, columns, top, cursor, height, width, selected, focused = true } = props;
  const visible = rows.slice(top, top + Math.max(0, height));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {'  '}
        {line(columns, width, (c) => c.title).trimEnd()}
      </Text>
      {visible.length === 0 ? <Text dimColor>{fit(props.empty ?? 'nothing to show', width)}</Text> : null}
      {visible.map((row, offset) => {
        const index = top + offset;
        const key = props.rowKey(row);
        const mark = selected?.has(key) ? '●' : ' ';
        const isCursor = focused && index === cursor;
        const text = line(columns, width, (c) => c.cell(row));
        return (
          <Text key={key} inverse={isCursor} color={props.rowColor?.(row)} wrap="truncate">
            {/* One string per row, and no trailing blanks except under the cursor bar: the
                terminal renderer's cost grows with every character it lays out. */}
            {`${isCursor ? '›' : ' '}${mark}${isCursor ? text : text.trimEnd()}`}
          </Text>
        );
      })}
    </Box>
  );
}
