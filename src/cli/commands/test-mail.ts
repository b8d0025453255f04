/** `duedesk config test-mail ADDRESS`: the test e-mail of mail/test-mail.ts, reported on the terminal. */
import type { CommandContext } from '../../runtime/context.js';
import { sendTestMail } from '../../mail/test-mail.js';
import { ledgerFile } from '../../storage/ledger-location.js';

/** `duedesk config test-mail ADDRESS`; returns the exit code. */
export async function runTestMail(address: string, ctx: CommandContext): Promise<number> {
  const ledger = await ctx.openLedger();
  const result = await sendTestMail(address, ctx.settings.read(), ctx.env, { dbPath: ledgerFile(ledger), cwd: ctx.cwd }, ctx.now());
  if (result.ok) ctx.stdout.write(`Test e-mail sent to ${address} via ${result.transport} (${result.messageId}): ${result.detail}\n`);
  else ctx.stderr.write(`Test e-mail to ${address} via ${result.transport} failed: ${result.detail}\n`);
  return result.exitCode;
}
