/** `duedesk config test-mail ADDRESS`: the test e-mail of mail/test-mail.ts, reported on the terminal. */
import type { CommandContext } from '../../runtime/context.js';
import { actionDeps } from '../../actions/deps.js';
import { testMail } from '../../actions/test-mail.js';

/** `duedesk config test-mail ADDRESS`; returns the exit code. */
export async function runTestMail(address: string, ctx: CommandContext): Promise<number> {
  const result = await testMail.run(await actionDeps(ctx), address);
  if (result.ok) ctx.stdout.write(`Test e-mail sent to ${address} via ${result.transport} (${result.messageId}): ${result.detail}\n`);
  else ctx.stderr.write(`Test e-mail to ${address} via ${result.transport} failed: ${result.detail}\n`);
  return result.exitCode;
}
