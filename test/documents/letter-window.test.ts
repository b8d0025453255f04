/**
 * The envelope window (docs/reference/messages.md §5.1), read back with poppler's `pdftotext -bbox`
 * as the post would see it through the window: for every `letters.window` and every language the
 * templates have, the window area holds the sender's return line and the recipient's address and
 * nothing else, the address is in the window's address zone, and the title starts below it.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/core/domain.js';
import { LETTER_WINDOWS, type Settings } from '../../src/core/settings.js';
import { buildStatement } from '../../src/core/statement.js';
import { titleFor } from '../../src/core/templates/labels.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { letterWindow } from '../../src/documents/pdf/letter-window.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { findPdftotext } from '../helpers/system-tools.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';

const pdftotext = findPdftotext();

/** One word on the first page, its box in millimetres from the top left corner. */
interface Word {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MM_PER_PT = 25.4 / 72;

/** The words of page 1 as `pdftotext -bbox` places them. */
function wordsOf(bytes: Uint8Array): Word[] {
  const html = execFileSync(pdftotext!, ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' });
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: unescape(m[5]!),
    left: Number(m[1]) * MM_PER_PT,
    top: Number(m[2]) * MM_PER_PT,
    right: Number(m[3]) * MM_PER_PT,
    bottom: Number(m[4]) * MM_PER_PT,
  }));
}

/** A word that overlaps the rectangle at all. */
const overlaps = (word: Word, box: { left: number; top: number; right: number; bottom: number }) =>
  word.right > box.left && word.left < box.right && word.bottom > box.top && word.top < box.bottom;

/** Each language's customer: a name, contact person and address at home (GR) or abroad. */
const RECIPIENTS: Record<Language, { name: string; contactPerson: string; addressLine1: string; postalCode: string; city: string; country: string | null; lastLine: string }> = {
  en: { name: 'Northern Widgets Ltd', contactPerson: 'Jane Smith', addressLine1: '1 High Street', postalCode: 'SW1A 1AA', city: 'London', country: 'GB', lastLine: 'UNITED KINGDOM' },
  it: { name: 'Rossi & Figli S.r.l.', contactPerson: 'Maria Rossi', addressLine1: 'Via Roma 12', postalCode: '00184', city: 'Roma', country: 'IT', lastLine: 'ITALY' },
  el: { name: 'Παπαδόπουλος & Υιοί Ο.Ε.', contactPerson: 'Γιώργος Παπαδόπουλος', addressLine1: 'Οδός Αθηνάς 12', postalCode: '105 51', city: 'Αθήνα', country: null, lastLine: '105 51 Αθήνα' },
  bg: { name: 'Българска Търговия ООД', contactPerson: 'Иван Петров', addressLine1: 'ул. Витоша 15', postalCode: '1000', city: 'София', country: 'BG', lastLine: 'BULGARIA' },
  pt: { name: 'Silva Comércio Lda', contactPerson: 'Ana Silva', addressLine1: 'Rua Augusta 10', postalCode: '1100-053', city: 'Lisboa', country: 'PT', lastLine: 'PORTUGAL' },
};

let templates: TemplateSet;
let fonts: StatementFonts;
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
});

const cases = LETTER_WINDOWS.flatMap((window) => LANGUAGES.map((language) => [window, language] as const));

describe.skipIf(pdftotext === null)('letters in a window envelope (pdftotext -bbox)', () => {
  it.each(cases)('%s, %s: return line and address in the window, nothing else; the title below it', (window, language) => {
    const who = RECIPIENTS[language];
    const withWindow: Settings = {
      ...settings,
      company: { ...settings.company, address: 'Σταδίου 10\n105 64 Αθήνα', country: 'GR' },
      letters: { window },
      // The country line is in the company's language; English here, so the test reads one spelling.
      policy: { defaultLanguage: 'en' },
    };
    const message = planned(language, 'final', [line('INV-1', 125_000, 50), line('INV-2', 4_500, 30)], {
      customer: customer(language, { ...who, code: 'C-001' }),
      letter: true,
    });
    const model = buildStatement(message, withWindow, asOf);
    const words = wordsOf(renderStatementPdf(model, templates.labels(model.language), { fonts }));
    const geometry = letterWindow(withWindow);
    const area = { left: geometry.left, top: geometry.top, right: geometry.left + geometry.width, bottom: geometry.top + geometry.height };
    const inside = words.filter((word) => overlaps(word, area));

    // Nothing is cut by the window's edge: what shows in it lies wholly inside.
    for (const word of inside) {
      expect(word.left, word.text).toBeGreaterThanOrEqual(area.left);
      expect(word.right, word.text).toBeLessThanOrEqual(area.right);
      expect(word.top, word.text).toBeGreaterThanOrEqual(area.top);
      expect(word.bottom, word.text).toBeLessThanOrEqual(area.bottom);
    }
    const returnZone = geometry.top + geometry.returnLine;
    const returnLine = inside.filter((word) => word.bottom <= returnZone).map((word) => word.text).join(' ');
    const address = inside.filter((word) => word.top >= returnZone).map((word) => word.text).join(' ');
    expect(inside.every((word) => word.bottom <= returnZone || word.top >= returnZone)).toBe(true);
    expect(returnLine).toBe('Acme Εμπορική Α.Ε. · Σταδίου 10 · 105 64 Αθήνα');
    const cityLine = who.country === 'GB' ? `${who.city} ${who.postalCode}` : `${who.postalCode} ${who.city}`;
    const expected = [who.name, who.contactPerson, who.addressLine1, cityLine, who.country === null ? '' : who.lastLine].filter(Boolean).join(' ');
    expect(address).toBe(expected);

    // The title and the text start below the window; the company's letterhead sits beside it.
    const titleWord = titleFor(templates.labels(model.language), 'final', false).split(' ')[0]!;
    const titleWords = words.filter((word) => word.text === titleWord);
    expect(titleWords.length, titleWord).toBeGreaterThan(0);
    for (const word of titleWords) expect(word.top, titleWord).toBeGreaterThanOrEqual(area.bottom);
    const below = words.filter((word) => word.top >= area.bottom);
    expect(below.length).toBeGreaterThan(20);
    expect(words.filter((word) => word.text === 'INV-1').every((word) => word.top >= area.bottom)).toBe(true);
  });
});
