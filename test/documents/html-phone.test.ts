/**
 * The HTML e-mail as a customer reads it on a phone and on a desktop, laid out by headless Chromium:
 * every message kind in every language, with long names, many items and amounts in the millions.
 * At 390 px nothing runs off the screen and no amount breaks over two lines; the summary box (amount
 * asked, pay-by date, payment reference) comes before the tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { layoutInBrowser, type BrowserDocument, type Layout } from '../helpers/browser.js';
import { findChromium } from '../helpers/system-tools.js';
import { everyMessage, type RenderedMessage } from './long-messages.js';

const chromium = findChromium();
const LANGUAGES: Language[] = ['en', 'it', 'el', 'bg', 'pt'];

let messages: RenderedMessage[];
beforeAll(() => {
  const templates: TemplateSet = loadTemplateSet();
  messages = LANGUAGES.flatMap((language) => everyMessage(templates, language));
});

function documents(): BrowserDocument[] {
  return messages.map((message) => ({ name: `${message.language}/${message.kind}`, html: message.texts.html }));
}

/** What is wrong with one layout, in words ([] when nothing). */
function faults(layout: Layout): string[] {
  const found: string[] = [];
  if (layout.scrollWidth > layout.width) found.push(`${layout.name}: ${layout.scrollWidth} px wide in a ${layout.width} px viewport`);
  for (const element of layout.overflowing.slice(0, 3)) found.push(`${layout.name}: <${element.tag}> "${element.text}" ends at ${element.right} px`);
  for (const amount of layout.wrappedAmounts) found.push(`${layout.name}: amount "${amount}" broken over two lines`);
  return found;
}

describe.skipIf(chromium === null)('HTML e-mail in a browser', () => {
  it('fits a 390 px phone screen: nothing overflows, no amount wraps, the summary box comes first', async () => {
    const layouts = await layoutInBrowser(chromium!, documents(), 390);
    expect(layouts).toHaveLength(LANGUAGES.length * 8);
    expect(layouts.flatMap(faults)).toEqual([]);
    for (const message of messages) {
      const layout = layouts.find((entry) => entry.name === `${message.language}/${message.kind}`)!;
      if (message.kind === 'dispute') {
        // The notice to the sales agent asks nobody for money: no summary box.
        expect(layout.summary).toBe('');
        continue;
      }
      expect(layout.summary, layout.name).toContain(message.total);
      expect(layout.summary, layout.name).toContain(message.deadline);
      expect(layout.summary, layout.name).toContain(message.reference);
      expect(layout.summaryTop, layout.name).toBeGreaterThanOrEqual(0);
      expect(layout.summaryTop, layout.name).toBeLessThan(layout.firstTableTop);
    }
  }, 120_000);

  it('lays out at desktop width too, without overflow or wrapped amounts', async () => {
    const layouts = await layoutInBrowser(chromium!, documents(), 900);
    expect(layouts.flatMap(faults)).toEqual([]);
  }, 120_000);
});
