/**
 * The aging summary: one line per currency, one cell per bucket (not yet due, 1–30, 31–60, 61–90,
 * over 90) with a bar scaled to that currency's largest bucket and the amount.
 */
import { Box, Text } from 'ink';
import React from 'react';
import { AGING_BUCKETS, AGING_LABELS, type Aging } from '../../core/aging.js';
import { bar, clip, fit, formatMoney } from '../format.js';

/** Props of AgingBars. */
export interface AgingBarsProps {
  aging: readonly Aging[];
  width: number;
  /** Most currency lines to draw (the rest are counted). */
  maxLines: number;
}

const BUCKET_COLORS = ['green', 'yellow', 'yellow', 'red', 'red'] as const;

/** The widest bucket amount of the currencies shown (amounts are never cut: cells are at least this plus a space). */
function widestAmount(aging: readonly Aging[]): number {
  let widest = 0;
  for (const a of aging) for (const b of AGING_BUCKETS) widest = Math.max(widest, formatMoney(a.buckets[b], a.currency).length);
  return widest;
}

/**
 * How wide each bucket cell is at `width`, and how many buckets go on one line: cells share the
 * width, never narrower than the widest amount; when five such cells do not fit, the buckets go
 * over two lines rather than cutting an amount (docs/reference/tui.md §1).
 */
function cellLayout(aging: readonly Aging[], width: number): { cell: number; perLine: number } {
  const least = widestAmount(aging) + 1;
  const cell = Math.max(least, Math.floor((width - 5) / AGING_BUCKETS.length));
  const perLine = Math.max(1, Math.min(AGING_BUCKETS.length, Math.floor((width - 4) / cell)));
  return { cell, perLine };
}

/** Lines the aging bars take for `aging` drawn with at most `maxLines` currencies at `width`. */
export function agingHeight(aging: readonly Aging[], maxLines: number, width = Number.MAX_SAFE_INTEGER): number {
  if (aging.length === 0) return 1;
  const shown = Math.min(aging.length, Math.max(1, maxLines));
  const { perLine } = cellLayout(aging.slice(0, shown), width);
  const lines = Math.ceil(AGING_BUCKETS.length / perLine);
  return lines + shown * lines + (aging.length > shown ? 1 : 0);
}

/** Draw the aging bars. */
export function AgingBars({ aging, width, maxLines }: AgingBarsProps): React.JSX.Element {
  if (aging.length === 0) return <Text dimColor>nothing open</Text>;
  const shown = aging.slice(0, Math.max(1, maxLines));
  const { cell, perLine } = cellLayout(shown, width);
  const groups: (typeof AGING_BUCKETS)[number][][] = [];
  for (let i = 0; i < AGING_BUCKETS.length; i += perLine) groups.push(AGING_BUCKETS.slice(i, i + perLine));
  return (
    <Box flexDirection="column">
      {groups.map((group, g) => (
        <Box key={`group${g}`} flexDirection="column">
          <Text bold wrap="truncate">
            {'    '}
            {group.map((b) => fit(` ${AGING_LABELS[b]}`, cell)).join('')}
          </Text>
          {shown.map((a) => {
            const max = Math.max(...AGING_BUCKETS.map((b) => a.buckets[b]));
            return (
              <Text key={a.currency} wrap="truncate">
                {clip(a.currency, 4)}
                {group.map((b) => {
                  const amount = formatMoney(a.buckets[b], a.currency);
                  // The bar takes what the amount leaves; with no room for one, the amount alone.
                  const room = cell - amount.length - 2;
                  const text = room >= 1 ? ` ${fit(bar(a.buckets[b], max, room), room)} ${amount}` : fit(amount, cell, 'right');
                  return (
                    <Text key={b} color={BUCKET_COLORS[AGING_BUCKETS.indexOf(b)]}>
                      {text}
                    </Text>
                  );
                })}
              </Text>
            );
          })}
        </Box>
      ))}
      {aging.length > shown.length ? <Text dimColor>{`+${aging.length - shown.length} more currencies`}</Text> : null}
    </Box>
  );
}
