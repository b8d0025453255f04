/**
 * `duedesk import bank FILE [--json] [--dry-run] [--format camt|mt940]`, `duedesk bank unmatched`
 * and `duedesk bank assign REF CODE [--items N…]` (docs/reference/cli.md §13).
 */
import { actionDeps } from '../../actions/deps.js';
import { assignCredit, importBank, unmatchedCredits } from '../../actions/bank.js';
import type { BankImportCounts } from '../../bank/apply.js';
import { BANK_FORMATS, type BankCredit, type BankFormat } from '../../core/bank/credit.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { currencyDigits, formatMinor } from '../../core/money.js';
import { CsvWriter } from '../../csv/export/csv-writer.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { progressLine } from '../../runtime/progress-line.js';

const IMPORT_USAGE = 'usage: duedesk import bank FILE [--json] [--dry-run] [--format camt|mt940]';
const BANK_USAGE = 'usage: duedesk bank unmatched | duedesk bank assign REF CODE [--items N…]';

/** A credit's amount as a decimal string in its currency. */
function decimal(credit: Pick<BankCredit, 'amount' | 'currency'>): string {
  return formatMinor(credit.amount, currencyDigits(credit.currency));
}

/** `n thing` or `n things`. */
function count(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? '' : 's'}`;
}

/** `duedesk import bank FILE …` (args without the word `bank`); returns the exit code. */
export async function runImportBank(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('import bank', IMPORT_USAGE, args, {
    json: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    format: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UserError(`import bank: which file?\n${IMPORT_USAGE}`);
  if (extra.length > 0) throw new UserError(`import bank: unexpected argument "${extra[0]}"\n${IMPORT_USAGE}`);
  const format = values.format;
  if (format !== undefined && !(BANK_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`import bank: --format must be camt or mt940, not "${format}"`);
  }
  const deps = await actionDeps(ctx);
  const progress = progressLine(ctx, 'import bank', 'entries', 0, values.json);
  let counts: BankImportCounts;
  try {
    counts = await importBank.run(deps, {
      file,
      format: format as BankFormat | undefined,
      dryRun: values['dry-run'],
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.finish();
  }
  if (values.json) {
    const unmatched = counts.unmatched.map((credit) => ({
      ref: credit.ref, date: credit.date, amount: decimal(credit), currency: credit.currency, debtor: credit.debtor, text: credit.text,
    }));
    ctx.stdout.write(`${JSON.stringify({ credits: counts.credits, items: counts.items, onAccount: counts.onAccount, unmatched, duplicates: counts.duplicates })}\n`);
    return ExitCode.Ok;
  }
  for (const credit of counts.unmatched) {
    ctx.stdout.write(`unmatched ${credit.date}  ${decimal(credit)} ${credit.currency}  ${credit.debtor || '(no name)'}  ${credit.text}  [${credit.ref}]\n`);
  }
  const parts = [
    `${count(counts.items, 'credit')} to items`,
    `${counts.onAccount} on account`,
    `${counts.unmatched.length} unmatched`,
    count(counts.duplicates, 'duplicate'),
    ...(counts.reversed > 0 ? [`${counts.reversed} reversed`] : []),
  ];
  ctx.stdout.write(`${file}: ${count(counts.credits, 'credit')}: ${parts.join(', ')}${values['dry-run'] ? ' (dry run: nothing changed)' : ''}\n`);
  return ExitCode.Ok;
}

/** `duedesk bank unmatched | assign REF CODE [--items N…]`; returns the exit code. */
export async function runBank(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('bank', BANK_USAGE, args, { items: { type: 'string', multiple: true } });
  const [verb, ...rest] = positionals;
  if (verb === 'unmatched') {
    if (rest.length > 0 || values.items !== undefined) throw new UserError(`bank unmatched takes no arguments\n${BANK_USAGE}`);
    const credits = await unmatchedCredits.run(await actionDeps(ctx), undefined);
    // docs/reference/csv.md §4.5: text cells escaped against formulas as every export.
    const header = ['reference', 'date', 'amount', 'currency', 'debtor', 'iban', 'creditor_reference', 'text'];
    const writer = new CsvWriter(ctx.stdout, header, { isText: (column) => ['reference', 'debtor', 'creditor_reference', 'text'].includes(column), raw: false });
    for (const credit of credits) writer.row([credit.ref, credit.date, decimal(credit), credit.currency, credit.debtor, credit.iban, credit.creditorRef, credit.text]);
    writer.end();
    return ExitCode.Ok;
  }
  if (verb === 'assign') {
    const [ref, code, ...more] = rest;
    if (ref === undefined || code === undefined) throw new UserError(`bank assign: which credit, to which customer?\n${BANK_USAGE}`);
    // `--items A B C`: the words after the first item are positionals; without --items they are a mistake.
    if (more.length > 0 && values.items === undefined) throw new UserError(`bank assign: unexpected argument "${more[0]}"\n${BANK_USAGE}`);
    const items = [...(values.items ?? []), ...more].flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
    const done = await assignCredit.run(await actionDeps(ctx), { ref, customerCode: code, items });
    for (const payment of done.payments) {
      const to = payment.itemNumber === null ? 'on account' : `to ${payment.itemNumber}`;
      ctx.stdout.write(`${payment.reference}: ${formatMinor(payment.amount, currencyDigits(payment.currency))} ${payment.currency} ${to}\n`);
    }
    ctx.stdout.write(`credit ${ref} assigned to ${code}${done.credit.iban === null ? '' : `; ${done.credit.iban} remembered for ${code}`}\n`);
    return ExitCode.Ok;
  }
  throw new UserError(`bank: ${verb === undefined ? 'what?' : `unknown action "${verb}"`}\n${BANK_USAGE}`);
}
