/** The `outbox` transport: each message becomes `<Message-ID>.eml` in a folder; no network. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { asFileError } from '../../core/file-errors.js';
import { writeFileAtomic } from '../../files/atomic-file.js';
import { SendFailure, type SendEnvelope, type SendResult, type Transport } from './types.js';

/** A file name made from a Message-ID: only characters that are safe on every file system. */
export function messageIdFileName(messageId: string): string {
  const bare = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@+-]/g, '_');
  const trimmed = bare.replace(/^\.+/, '_').slice(0, 200);
  return `${trimmed === '' ? 'message' : trimmed}.eml`;
}

/** Create the outbox transport writing into `dir` (created on first use). */
export function createOutboxTransport(dir: string): Transport {
  return {
    description: `outbox ${dir}`,
    async verify(): Promise<void> {
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        const refused = asFileError(error, dir);
        if (refused) throw refused;
        throw new SendFailure('unreachable', `outbox folder ${dir} cannot be created: ${(error as Error).message}`);
      }
    },
    async send(raw: Buffer, envelope: SendEnvelope, messageId: string): Promise<SendResult> {
      const file = join(dir, messageIdFileName(messageId));
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(file, raw);
      } catch (error) {
        // Only a failure after the rename (syncing the folder) leaves the message in the outbox.
        if (existsSync(file)) throw new SendFailure('uncertain', `outbox: ${file} written but not synced: ${(error as Error).message}`);
        // Nothing is left behind, so it was not sent. A full or read-only disk stops the run.
        const refused = asFileError(error, file);
        if (refused) throw refused;
        throw new SendFailure('permanent', `outbox: cannot write into ${dir}: ${(error as Error).message}`);
      }
      return {
        recipients: envelope.to.map((address) => ({ address, accepted: true, reply: null })),
        response: `written to ${dir}`,
      };
    },
    async close(): Promise<void> {},
  };
}
