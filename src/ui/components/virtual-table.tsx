/**
 * A table that renders only its visible rows (a window of `height` rows starting at `top`), so
 * a list of 100,000 customers costs the same per frame as one of twenty.
 */
import { Box, Text } from 'ink';
import React from 'react';
import { cellWidth, fit } from '../format.js';
import { layoutColumns, type ColumnSpec } from './column-layout.js';

/** One column: title, preferred width in terminal cells, how it gives way, and how a row shows in it. */
export interface Column<R> extends ColumnSpec {
  title: string;
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
  /** Total width in terminal cells; columns shrink or drop to fit, the last takes what remains. */
  width: number;
  selected?: ReadonlySet<string>;
  /** Colour of a row (e.g. red for failed), or undefined for the default. */
  rowColor?(row: R): string | undefined;
  /** Shown when there are no rows. */
  empty?: string;
  /** Whether the cursor is shown (false when another pane has the focus). */
  focused?: boolean;
}

/** The widths of `columns` for the visible rows at `width` cells (0: the column is dropped). */
function widthsFor<R>(columns: readonly Column<R>[], visible: readonly R[], width: number): number[] {
  const natural = columns.map((c) => {
    if (!c.fitContent) return c.width;
    let widest = cellWidth(c.title);
    for (const row of visible) widest = Math.max(widest, cellWidth(c.cell(row)));
    return widest;
  });
  // Names (columns with a minimum) and columns hidden when empty are measured on the visible rows.
  const content = columns.map((c) => {
    if (c.min === undefined && c.hideEmpty !== true) return undefined;
    let widest = 0;
    for (const row of visible) widest = Math.max(widest, cellWidth(c.cell(row)));
    return widest;
  });
  return layoutColumns(columns, natural, width, content);
}

function line<R>(columns: readonly Column<R>[], widths: readonly number[], text: (c: Column<R>) => string): string {
  const cells: string[] = [];
  columns.forEach((column, index) => {
    const w = widths[index] ?? 0;
    if (w > 0) cells.push(fit(text(column), w, column.align));
  });
  return cells.join(' ');
}

/** Render the visible window of a table with a header row, a cursor and selection marks. */
export function VirtualTable<R>(props: VirtualTableProps<R>): React.JSX.Element {
  const { rows, columns, top, cursor, height, width, selected, focused = true } = props;
  const visible = rows.slice(top, top + Math.max(0, height));
  const widths = widthsFor(columns, visible, width);
  return (
    // The table keeps its full height, so whatever follows (a footer) stays on the same row.
    <Box flexDirection="column" height={Math.max(0, height) + 1} flexShrink={0}>
      <Text bold wrap="truncate">
        {'  '}
        {line(columns, widths, (c) => c.title).trimEnd()}
      </Text>
      {visible.length === 0 ? <Text dimColor>{fit(props.empty ?? 'nothing to show', width)}</Text> : null}
      {visible.map((row, offset) => {
        const index = top + offset;
        const key = props.rowKey(row);
        const mark = selected?.has(key) ? '●' : ' ';
        const isCursor = focused && index === cursor;
        const text = line(columns, widths, (c) => c.cell(row));
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
