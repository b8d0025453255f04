import { describe, expect, it } from 'vitest';
import { defaultRenderer } from '../../src/delivery/render.js';
import { composeMime } from '../../src/mail/compose.js';
import { asOf, customer, line, planned, settings } from '../documents/fixtures.js';

const languages = ['el', 'bg', 'en', 'it', 'pt'] as const;
const message = (index: number) => {
  const language = languages[index % languages.length] ?? 'en';
  return planned(language, 'first', [line(`INV-${index}`, 10_000 + index)], { key: `K${index}-EUR-first`, customer: customer(language, { code: `K${index}`, name: `Πελάτης Клиент ${index}` }) });
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('defaultRenderer with a render worker', () => {
  it('gives, from the worker, the messages and MIME bytes rendering here gives', async () => {
    const where: string[] = [];
    const renderer = defaultRenderer(settings, process.cwd(), asOf, { workerAfter: 1, observe: (at) => where.push(at) });
    const ids = new Set<string>();
    const deadline = Date.now() + 60_000;
    for (let index = 0; where.filter((at) => at === 'worker').length < 4 && Date.now() < deadline; index += 1) {
      const planned = message(index);
      const built = await renderer.render(planned);
      const date = new Date(Date.UTC(2026, 2, 20, 8, index % 60, 7));
      const raw = await renderer.compose(built, date);
      expect(raw.equals(await composeMime(built, date))).toBe(true);
      expect(raw.toString('latin1')).toContain(`\r\nDate: ${date.toUTCString().replace('GMT', '+0000')}\r\n`);
      expect(built.key).toBe(planned.key);
      expect(built.attachments[0]?.content).toEqual(built.pdf);
      ids.add(built.messageId);
      expect(ids.size).toBe(index + 1);
      await tick();
    }
    expect(where.filter((at) => at === 'worker').length).toBeGreaterThanOrEqual(4);
  }, 90_000);

  it('renders a small run here, without starting a worker', async () => {
    const where: string[] = [];
    const renderer = defaultRenderer(settings, process.cwd(), asOf, { observe: (at) => where.push(at) });
    for (let index = 0; index < 3; index += 1) await renderer.render(message(index));
    expect(where).toEqual(['here', 'here', 'here']);
  });

  it('rejects a message the worker cannot build with the error building it here gives', async () => {
    const where: string[] = [];
    const renderer = defaultRenderer(settings, process.cwd(), asOf, { workerAfter: 1, observe: (at) => where.push(at) });
    const broken = () => ({ ...message(1), template: 'no-such-template' });
    let local: unknown = null;
    const deadline = Date.now() + 60_000;
    while (!where.includes('worker') && Date.now() < deadline) {
      local = await renderer.render(broken()).catch((error: Error) => error.message);
      await tick();
    }
    expect(where).toContain('worker');
    expect(typeof local).toBe('string');
    await expect(renderer.render(broken())).rejects.toThrow(local as string);
  }, 90_000);
});
