/** The words after `duedesk import` (docs/reference/cli.md §4) parsed into an import request. */
import type { DateFormat } from '../../core/dates.js';
import { IMPORT_KINDS, isImportKind, type ImportKind, type ValueFormat } from '../../core/csv/types.js';
import { UserError } from '../../core/exit-codes.js';
import { parseStrictArgs } from './strict-args.js';

/** Usage line shown with every usage error. */
export const IMPORT_USAGE =
  'usage: duedesk import customers|items|payments|plans FILE [--skip-invalid] [--snapshot] ' +
  '[--encoding NAME] [--decimal-comma] [--date-format YMD|DMY|MDY]';

/** What to import and how. */
export interface ImportRequest {
  kind: ImportKind;
  /** The file as the user wrote it (used in messages). */
  file: string;
  skipInvalid: boolean;
  snapshot: boolean;
  /** TextDecoder label; undefined = UTF-8. */
  encoding: string | undefined;
  format: ValueFormat;
}

const DATE_FORMATS: readonly DateFormat[] = ['YMD', 'DMY', 'MDY'];

/** Parse `args` (e.g. ['items', 'open.csv', '--snapshot']). Throws UserError (exit 2) on any mistake. */
export function parseImportArgs(args: string[]): ImportRequest {
  const { values, positionals } = parseStrictArgs('import', IMPORT_USAGE, args, {
    'skip-invalid': { type: 'boolean', default: false },
    snapshot: { type: 'boolean', default: false },
    encoding: { type: 'string' },
    'decimal-comma': { type: 'boolean', default: false },
    'date-format': { type: 'string' },
  });
  const [kind, file, ...extra] = positionals;
  if (kind === undefined || file === undefined) throw new UserError(`import: what and which file?\n${IMPORT_USAGE}`);
  if (!isImportKind(kind)) throw new UserError(`import: unknown kind "${kind}" (${IMPORT_KINDS.join(', ')})\n${IMPORT_USAGE}`);
  if (extra.length > 0) throw new UserError(`import: unexpected argument "${extra[0]}"\n${IMPORT_USAGE}`);
  if (values.snapshot && kind !== 'items' && kind !== 'payments') {
    throw new UserError('import: --snapshot applies to items and payments only');
  }
  const dateFormat = (values['date-format'] ?? 'YMD').toUpperCase();
  const format = DATE_FORMATS.find((known) => known === dateFormat);
  if (format === undefined) throw new UserError(`import: --date-format must be YMD, DMY or MDY, not "${values['date-format']}"`);
  return {
    kind,
    file,
    skipInvalid: values['skip-invalid'],
    snapshot: values.snapshot,
    encoding: values.encoding,
    format: { decimalComma: values['decimal-comma'], dateFormat: format },
  };
}
