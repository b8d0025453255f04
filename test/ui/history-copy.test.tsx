/** `w` in History writes a message's archived copy: the .eml as it went out and its PDF, on a review desk too. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('the archived copy from History', () => {
  it.each([false, true])('w writes the .eml as it went out and its PDF (review %s)', async (review) => {
    const services = await realDesk({ customers: 3 });
    const message = services.data.plan.messages[0]!;
    const sent = await services.send([message], () => undefined, new AbortController().signal);
    expect(sent.outcomes.map((o) => o.status)).toEqual(['sent']);
    const desk = renderDesk(services, { rows: 30, columns: 140, review });
    await desk.waitFor('planned');
    desk.press('3');
    await desk.waitFor('1 of 1 messages');
    desk.press(KEYS.enter);
    await desk.waitFor('Message 1 ·');
    desk.press('w');
    const copies = join(services.previewDir(), 'copies');
    await desk.waitFor(`message 1: wrote message-1.eml`);
    const outbox = join(services.dir, 'outbox');
    const [sentFile] = readdirSync(outbox);
    expect(readFileSync(join(copies, 'message-1.eml')).equals(readFileSync(join(outbox, sentFile!)))).toBe(true);
    const pdf = readdirSync(copies).find((name) => name.endsWith('.pdf'))!;
    expect(readFileSync(join(copies, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(readFileSync(join(copies, 'message-1.eml')))).toBe(services.history[0]!.archive?.sha256);
  });
});
