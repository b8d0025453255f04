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
  /** Not shown while every visible cell is empty (a column of flags most rows lack). */
  hideEmpty?: boolean;
}

/** Cells before the first column: the cursor and the selection mark. */
const ROW_MARKS = 2;

/**
 * The width of each column at `total` cells (0 = dropped). `natural[i]` is the width column i
 * wants (its content width for fitContent columns); `content[i]`, where given, the widest visible
 * cell of a name column (one with `min`): room to spare widens names up to it first, then the last
 * column (a clerk reads whole names before a wider last column); 0 for a hideEmpty column hides it.
 */
export function layoutColumns(specs: readonly ColumnSpec[], natural: readonly number[], total: number, content: readonly (number | undefined)[] = []): number[] {
  const shown = specs.map((s, i) => !(s.hideEmpty === true && content[i] === 0));
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
    for (let i = 0; i < specs.length && excess < 0; i += 1) {
      const wanted = content[i];
      if (!shown[i] || specs[i]!.min === undefined || wanted === undefined || wanted <= widths[i]!) continue;
      const take = Math.min(-excess, wanted - widths[i]!);
      widths[i]! += take;
      excess += take;
    }
    // Room to spare goes to the last column, or to the name when the last one was dropped.
    const lastIndex = specs.length - 1;
    const grows = shown[lastIndex] ? lastIndex : specs.findIndex((s, i) => shown[i] && s.min !== undefined);
    if (excess < 0 && grows >= 0 && !specs[grows]!.fitContent) widths[grows]! -= excess;
    return widths;
  }
}
