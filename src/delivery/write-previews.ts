/**
 * `--send-due --dry-run --out DIR` and the TUI's `w`: every planned message written as the MIME
 * message that would be sent (`DIR/<key>.eml`) and its statement (`DIR/<key>.pdf`). Sends nothing.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Plan } from '../core/plan.js';
import { UserError } from '../core/exit-codes.js';
import { asFileError } from '../core/file-errors.js';
import { writeFileAtomic } from '../files/atomic-file.js';
import type { CommandContext } from '../runtime/context.js';
import { loadDocumentAssets } from '../documents/assets.js';
import { buildMessage } from '../documents/build-message.js';
import { safeFileName } from '../documents/file-names.js';
import { composeMime } from '../mail/compose.js';
import { makeMessageId, messageIdDomain } from '../mail/message-id.js';

/**
 * Nonce of a message's Message-ID derived from its key and as-of date: previewing twice gives the
 * same files, and delivery may use the same value to make the preview its exact twin.
 */
export function stableNonce(key: string, asOf: string): string {
  return createHash('sha256').update(`${key}|${asOf}`).digest('hex').slice(0, 12);
}

/** Write `DIR/<key>.eml` and `DIR/<key>.pdf` for each planned message; returns the files written. */
export async function writePreviews(plan: Plan, dir: string, ctx: CommandContext): Promise<string[]> {
  const settings = ctx.settings.read();
  const assets = loadDocumentAssets(settings, ctx.cwd);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const refused = asFileError(error, dir);
    if (refused) throw refused;
    throw new UserError(`--out: cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const domain = messageIdDomain(settings);
  const date = ctx.now();
  const written: string[] = [];
  const used = new Set<string>();
  for (const planned of plan.messages) {
    const message = await buildMessage(planned, {
      settings,
      asOf: plan.asOf,
      ...assets,
      messageId: makeMessageId(planned.key, plan.asOf, domain, stableNonce(planned.key, plan.asOf)),
      cwd: ctx.cwd,
    });
    const base = uniqueName(safeFileName(planned.key), used);
    const eml = join(dir, `${base}.eml`);
    const pdf = join(dir, `${base}.pdf`);
    // Private like every other output (0600): previews hold customers' names, amounts and IBANs.
    await writeFileAtomic(eml, await composeMime(message, date));
    await writeFileAtomic(pdf, message.pdf);
    written.push(eml, pdf);
  }
  return written;
}

/** Two keys that sanitise to the same name (`a/b`, `a_b`) must not overwrite each other. */
function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}-${n}`;
  used.add(name.toLowerCase());
  return name;
}
