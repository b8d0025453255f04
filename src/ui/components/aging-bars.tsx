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

/** Lines the aging bars take for `aging` drawn with at most `maxLines` currencies. */
export function agingHeight(aging: readonly Aging[], maxLines: number): number {
  if (aging.length === 0) return 1;
  const shown = Math.min(aging.length, Math.max(1, maxLines));
  return 1 + shown + (aging.length > shown ? 1 : 0);
}

/** Draw the aging bars. */
export function AgingBars({ aging, width, maxLines }: AgingBarsProps): React.JSX.Element {
  if (aging.length === 0) return <Text dimColor>nothing open</Text>;
  const cell = Math.max(8, Math.floor((width - 5) / AGING_BUCKETS.length));
  const shown = aging.slice(0, Math.max(1, maxLines));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {'    '}
        {AGING_BUCKETS.map((b) => fit(` ${AGING_LABELS[b]}`, cell)).join('')}
      </Text>
      {shown.map((a) => {
        const max = Math.max(...AGING_BUCKETS.map((b) => a.buckets[b]));
        return (
          <Text key={a.currency} wrap="truncate">
            {clip(a.currency, 4)}
            {AGING_BUCKETS.map((b, i) => {
              const amount = formatMoney(a.buckets[b], a.currency);
              const room = Math.max(1, cell - amount.length - 2);
              return (
                <Text key={b} color={BUCKET_COLORS[i]}>
                  {clip(` ${fit(bar(a.buckets[b], max, room), room)} ${amount}`, cell)}
                </Text>
              );
            })}
          </Text>
        );
      })}
      {aging.length > shown.length ? <Text dimColor>{`+${aging.length - shown.length} more currencies`}</Text> : null}
    </Box>
  );
}
