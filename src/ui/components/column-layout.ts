/**
 * Which columns a table shows at a width, and how wide each is (pure). Amounts and currencies are
 * never cut: such columns take the width of their widest visible cell. When the terminal is too
 * narrow, names shrink first (down to their minimum), then columns are dropped by priority.
 */

/** How one column takes part in the layout. */
export interface ColumnSpec {
  /** Preferred width in terminal cells. */
  width: number;
  /** Width follows the widest visible cell and is never cut (amounts, currencies, codes). */
  fitContent?: boolean;
  /** Narrowest width when space is short (names); unset: the column does not shrink. */
  min?: number;
  /** Dropped when space is short, lowest first; unset: never dropped. */
  drop?: number;
}

/** Cells before the first column: the cursor and the selection mark. */
const ROW_MARKS = 2;

/**
 * The width of each column at `total` cells (0 = dropped). `natural[i]` is the width column i
 * wants (its content width for fitContent columns).
 */
export function layoutColumns(specs: readonly ColumnSpec[], natural: readonly number[], total: number): number[] {
  const shown = specs.map(() => true);
  for (;;) {
    const widths = specs.map((_, i) => (shown[i] ? natural[i]! : 0));
    const count = shown.filter(Boolean).length;
    const need = () => ROW_MARKS + widths.reduce((a, b) => a + b, 0) + Math.max(0, count - 1);
    let excess = need() - total;
    for (let i = 0; i < specs.length && excess > 0; i += 1) {
      const min = specs[i]!.min;
      if (!shown[i] || min === undefined) continue;
      const give = Math.min(excess, Math.max(0, widths[i]! - min));
      widths[i]! -= give;
      excess -= give;
    }
    const droppable = specs.map((s, i) => ({ drop: s.drop, i })).filter((c) => shown[c.i] && c.drop !== undefined);
    if (excess > 0 && droppable.length > 0) {
      const lowest = droppable.reduce((a, b) => ((b.drop ?? 0) < (a.drop ?? 0) ? b : a));
      shown[lowest.i] = false;
      continue;
    }
    // Room to spare goes to the last column, or to the name when the last one was dropped.
    const lastIndex = specs.length - 1;
    const grows = shown[lastIndex] ? lastIndex : specs.findIndex((s, i) => shown[i] && s.min !== undefined);
    if (excess < 0 && grows >= 0 && !specs[grows]!.fitContent) widths[grows]! -= excess;
    return widths;
  }
}
