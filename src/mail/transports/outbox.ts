/** The `outbox` transport: each message becomes `<Message-ID>.eml` in a folder; no network. */
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SendFailure, type SendEnvelope, type SendResult, type Transport } from './types.js';

/** A file name made from a Message-ID: only characters that are safe on every file system. */
export function messageIdFileName(messageId: string): string {
  const bare = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@+-]/g, '_');
  const trimmed = bare.replace(/^\.+/, '_').slice(0, 200);
  return `${trimmed === '' ? 'message' : trimmed}.eml`;
}

/** Write `data` to `path` so that a reader sees either nothing or the whole file (temp, fsync, rename). */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Create the outbox transport writing into `dir` (created on first use). */
export function createOutboxTransport(dir: string): Transport {
  return {
    description: `outbox ${dir}`,
    async verify(): Promise<void> {
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        throw new SendFailure('unreachable', `outbox folder ${dir} cannot be created: ${(error as Error).message}`);
      }
    },
    async send(raw: Buffer, envelope: SendEnvelope, messageId: string): Promise<SendResult> {
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(join(dir, messageIdFileName(messageId)), raw);
      } catch (error) {
        // A failed file write leaves no message behind: safe to report as not sent.
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
