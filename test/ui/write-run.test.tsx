/** Writing previews is an operation: more than a screenful asks first, shows progress and stops on Esc. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderDesk } from './harness.js';
import { closeRealDesks, realDesk } from './real-desk.js';

afterEach(() => {
  cleanup();
  closeRealDesks();
});

describe('w on many messages', () => {
  it('asks first, shows progress, and Esc stops after the file being written', async () => {
    let count = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const services = await realDesk({ writeGate: () => (count++ === 3 ? held : Promise.resolve()) });
    const desk = renderDesk(services, { columns: 120 });
    await desk.waitFor('planned');
    const n = services.data.plan.messages.length;
    desk.press('a', 'w');
    await desk.waitFor(`Write ${n} previews (${2 * n} files, .eml and .pdf) to ${services.dir}/preview?`);
    expect(services.calls.some((c) => c.startsWith('write'))).toBe(false);
    desk.press('y');
    await desk.waitFor(`3/${n}`);
    desk.press(KEYS.escape);
    await desk.waitFor('Stopping after the file being written');
    release();
    const frame = await desk.waitFor(`stopped: wrote 4 of ${n} (8 files to ${services.dir}/preview)`);
    expect(frame).toContain('planned');
    expect(services.calls.filter((c) => c.startsWith('write'))).toHaveLength(4);
  });

  it('writes a few at once without asking, and n at the question writes nothing', async () => {
    const services = await realDesk();
    const desk = renderDesk(services);
    await desk.waitFor('planned');
    desk.press(' ', 'j', ' ', 'w');
    await desk.waitFor(`wrote 4 files to ${services.dir}/preview`);
    desk.press('a', 'w');
    await desk.waitFor('Write ');
    desk.press('n');
    await desk.waitFor('writing cancelled');
    expect(services.calls.filter((c) => c.startsWith('write'))).toHaveLength(2);
  });
});
