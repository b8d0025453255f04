/**
 * One operator's send in its own process, for the racing test: plan the day on the shared ledger
 * and send it through the delivery feature exactly as the TUI's send does (not a scheduled run).
 * Usage: node --import tsx race-sender.ts LEDGER_URL CONFIG_DIR SMTP_URL AS_OF
 * Prints one JSON line: the keys it sent and the ones it found already taken.
 */
import { deliverPlan } from '../../src/delivery/deliver.js';
import { planDue } from '../../src/planning/plan-due.js';
import type { CommandContext } from '../../src/runtime/context.js';
import { SettingsFile } from '../../src/settings/file.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { openLedger } from '../../src/storage/open-ledger.js';

const [url, configDir, smtpUrl, asOf] = process.argv.slice(2) as [string, string, string, string];
let ledger: Promise<Ledger> | undefined;
const ctx: CommandContext = {
  openLedger: () => (ledger ??= openLedger(url)),
  settings: new SettingsFile(configDir),
  env: { DUEDESK_SMTP_URL: smtpUrl },
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(`${asOf}T10:00:00Z`),
  cwd: configDir,
};
const plan = await planDue(await ctx.openLedger(), ctx.settings.read(), asOf);
const outcome = await deliverPlan(plan, ctx, undefined, { concurrency: 2 });
process.stdout.write(
  `${JSON.stringify({
    planned: plan.messages.length,
    sent: outcome.messages.filter((m) => m.status === 'sent').map((m) => m.key),
    taken: outcome.alreadySent ?? [],
    other: outcome.messages.filter((m) => m.status !== 'sent').map((m) => `${m.key} ${m.status} ${m.error}`),
  })}\n`,
);
await (await ctx.openLedger()).close();
