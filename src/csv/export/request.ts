/** The words after `duedesk export` (docs/reference/cli.md §5) parsed into an export request. */
import { isIsoDate } from '../../core/dates.js';
import type { IsoDate } from '../../core/domain.js';
import { UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from '../import/strict-args.js';

/** What can be exported. */
export const EXPORT_KINDS = ['history', 'customers', 'items', 'handover', 'audit', 'inbox'] as const;
/** One of the exportable kinds. */
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Usage line shown with every usage error. */
export const EXPORT_USAGE = 'usage: duedesk export history|customers|items|handover|audit|inbox [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--as-of YYYY-MM-DD] [--raw] [--bom]';

/** What to export; `from`/`to` (days, inclusive) only for history (as-of dates), audit (UTC days) and inbox (days received). */
export interface ExportRequest {
  kind: ExportKind;
  from: IsoDate | undefined;
  to: IsoDate | undefined;
  /** Write values as they are, without the `'` that keeps spreadsheets from running text as a formula. */
  raw: boolean;
  /** Handover only: the as-of date (default: today). */
  asOf: IsoDate | undefined;
  /** Start with a UTF-8 byte order mark, so Excel on Windows reads Greek and Cyrillic right (docs/reference/csv.md §4.8). */
  bom: boolean;
}

function isExportKind(text: string): text is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(text);
}

function dateOption(name: string, value: string | undefined): IsoDate | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UserError(`export: --${name} "${value}" is not a date YYYY-MM-DD`);
  return value;
}

/** Parse `args` (e.g. ['history', '--from', '2026-01-01']). Throws UserError (exit 2) on any mistake. */
export function parseExportArgs(args: string[]): ExportRequest {
  const parsed = parseStrictArgs('export', EXPORT_USAGE, args, {
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    raw: { type: 'boolean', default: false },
    bom: { type: 'boolean', default: false },
  });
  const [kind, ...extra] = parsed.positionals;
  if (kind === undefined) throw new UserError(`export: what? (${EXPORT_KINDS.join(', ')})\n${EXPORT_USAGE}`);
  if (!isExportKind(kind)) throw new UserError(`export: unknown kind "${kind}" (${EXPORT_KINDS.join(', ')})\n${EXPORT_USAGE}`);
  if (extra.length > 0) throw new UserError(`export: unexpected argument "${extra[0]}"\n${EXPORT_USAGE}`);
  const from = dateOption('from', parsed.values.from);
  const to = dateOption('to', parsed.values.to);
  if (kind !== 'history' && kind !== 'audit' && kind !== 'inbox' && (from !== undefined || to !== undefined)) {
    throw new UserError('export: --from/--to apply to export history, audit and inbox only');
  }
  if (from !== undefined && to !== undefined && from > to) throw new UserError(`export: --from ${from} is after --to ${to}`);
  const asOf = dateOption('as-of', parsed.values['as-of']);
  if (kind !== 'handover' && asOf !== undefined) throw new UserError('export: --as-of applies to export handover only');
  return { kind, from, to, raw: parsed.values.raw, asOf, bom: parsed.values.bom };
}
