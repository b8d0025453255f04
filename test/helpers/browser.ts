/**
 * How HTML e-mails lay out in a real browser: headless Chromium (driven through child_process, no
 * npm dependency) loads one page holding each document in an iframe of the width to check, so every
 * document gets a true viewport of that width (media queries included) in a single browser start.
 * A script in the page measures each document and writes the result into the page, which
 * `--dump-dom` gives back once the page and its frames have loaded.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeHtml } from '../../src/core/templates/render.js';

/** One HTML document to lay out. */
export interface BrowserDocument {
  name: string;
  html: string;
}

/** What was measured of one document at one viewport width. */
export interface Layout {
  name: string;
  width: number;
  /** The document's scroll width: more than `width` means the reader must scroll sideways. */
  scrollWidth: number;
  /** Elements whose right edge lies past the viewport: tag, text (start) and right edge in px. */
  overflowing: Array<{ tag: string; text: string; right: number }>;
  /** Amounts (a number with decimals and its currency) laid out on more than one line. */
  wrappedAmounts: string[];
  /** The text of the first element with class `summary` (the summary box), '' when none. */
  summary: string;
  /** Vertical order of the summary box and the first table (-1 when either is missing). */
  summaryTop: number;
  firstTableTop: number;
}

/**
 * An amount as the templates write it: digits grouped by `.`, `,` or a space, two decimals, and a
 * currency symbol or code before or after it (`€1,284.50`, `1.284,50 €`, `5 200,00 EUR`).
 */
const AMOUNT = String.raw`(?:[€£$]\s?)?-?\d{1,3}(?:[.,\u00a0 ]\d{3})*[.,]\d{2}(?:\s?(?:€|[A-Z]{3}))?`;

/** The script each host page runs once its frames have loaded. */
function measureScript(): string {
  return `
window.addEventListener('load', () => {
  const amount = new RegExp(${JSON.stringify(AMOUNT)}, 'g');
  const results = [...document.querySelectorAll('iframe')].map((frame) => {
    const doc = frame.contentDocument;
    const width = frame.contentWindow.innerWidth;
    const overflowing = [];
    for (const element of doc.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5) overflowing.push({ tag: element.tagName.toLowerCase(), text: (element.textContent || '').trim().slice(0, 60), right: Math.round(box.right) });
    }
    const wrappedAmounts = [];
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(amount)) {
        const range = doc.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (tops.size > 1) wrappedAmounts.push(match[0]);
      }
    }
    const summary = doc.querySelector('.summary');
    const table = doc.querySelector('table:not(.summary):not(.summary table)');
    return {
      name: frame.dataset.name, width, scrollWidth: doc.documentElement.scrollWidth, overflowing, wrappedAmounts,
      summary: summary ? summary.textContent.replace(/\\s+/g, ' ').trim() : '',
      summaryTop: summary ? summary.getBoundingClientRect().top : -1,
      firstTableTop: table ? table.getBoundingClientRect().top : -1,
    };
  });
  document.getElementById('result').textContent = JSON.stringify(results);
});`;
}

/** The host page: each document in a frame `width` pixels wide, then the measuring script. */
function hostPage(documents: readonly BrowserDocument[], width: number): string {
  const frames = documents
    .map((document) => `<iframe data-name="${escapeHtml(document.name)}" style="display:block;border:0;width:${width}px;height:900px" srcdoc="${escapeHtml(document.html)}"></iframe>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">\n${frames}\n<pre id="result"></pre>\n<script>${measureScript()}</script></body></html>`;
}

/** Run Chromium headless on `url` with `args`; resolves with its standard output. */
function chromium(bin: string, profile: string, args: readonly string[], url: string): Promise<string> {
  const flags = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions',
    `--user-data-dir=${profile}`, '--hide-scrollbars', ...args, url,
  ];
  return new Promise((resolve, reject) => {
    execFile(bin, flags, { maxBuffer: 256 * 1024 * 1024, timeout: 120_000, env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'disabled:' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${bin} failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

/** Lay out `documents` in viewports `width` pixels wide and measure each (see Layout). */
export async function layoutInBrowser(bin: string, documents: readonly BrowserDocument[], width: number): Promise<Layout[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-browser-'));
  try {
    const page = join(dir, 'host.html');
    writeFileSync(page, hostPage(documents, width));
    // The virtual time budget lets the load handler run before the DOM is dumped.
    const dom = await chromium(bin, join(dir, 'profile'), ['--virtual-time-budget=30000', '--dump-dom'], pathToFileURL(page).href);
    const found = /<pre id="result">([\s\S]*?)<\/pre>/.exec(dom);
    const json = found?.[1]?.replace(/&nbsp;/g, '\u00a0').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') ?? '';
    if (json === '') throw new Error('the browser did not report a layout (did the page load?)');
    return JSON.parse(json) as Layout[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
