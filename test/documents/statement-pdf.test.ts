import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts, SHIPPED_FONTS_DIR, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { buildStatement } from '../../src/core/statement.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import type { Settings } from '../../src/core/settings.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

let templates: TemplateSet;
let fonts: StatementFonts;
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
});

function pdfOf(message: PlannedMessage, withSettings: Settings = settings): Uint8Array {
  const model = buildStatement(message, withSettings, asOf);
  return renderStatementPdf(model, templates.labels(model.language), { fonts });
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('statement PDF', () => {
  it('renders a Greek statement whose text can be extracted', async () => {
    const who = customer('el', { name: 'Παπαδόπουλος & Υιοί Ο.Ε.', code: 'ΠΑΠ-01' });
    // A second reminder with its first on record: the title "second" is true, and the date cited.
    const pdf = pdfOf(planned('el', 'second', [line('ΤΔΑ-1001', 128450), line('ΤΔΑ-1002', 5000)], { customer: who, fee: 500, earlier: ['2026-03-06'] }));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const [page, ...rest] = await pdfPages(pdf);
    expect(rest).toHaveLength(0);
    const text = squash(page ?? '');
    for (const expected of ['Acme Εμπορική Α.Ε.', 'Σταδίου 10', 'Παπαδόπουλος & Υιοί Ο.Ε.', 'ΠΑΠ-01', 'Δεύτερη υπενθύμιση', '6 Μαρτίου 2026', '20 Μαρτίου 2026',
      'ΤΔΑ-1001', '1.284,50', 'Έξοδα υπενθύμισης', '5,00 €', 'Σύνολο προς πληρωμή', '1.339,50 €', 'Προθεσμία πληρωμής: 30 Μαρτίου 2026',
      'GR16 0110 1250 0000 0001 2300 695', 'ETHNGRAA', 'Σελίδα 1 από 1']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Κωδικός πληρωμής: RF\d\d /);
  });

  it('renders a Bulgarian statement whose text can be extracted', async () => {
    const who = customer('bg', { name: 'Иванов и синове ЕООД', code: 'ИВ-7', currency: 'BGN' });
    const pdf = pdfOf(planned('bg', 'statement', [line('Ф-0001', 250000, 30, { currency: 'BGN' }), line('КИ-2', -10000, 10, { currency: 'BGN', kind: 'credit_note' })], { customer: who, currency: 'BGN' }));
    const text = squash((await pdfPages(pdf)).join(' '));
    for (const expected of ['Иванов и синове ЕООД', 'Извлечение от сметка', 'Ф-0001', 'Падеж', 'Дни просрочие', '2 500,00', 'КИ-2', '-100,00', 'кредитно',
      'Дължима сума сега', '2 400,00', 'Срок за плащане: 30 март 2026 г.', 'Страница 1 от 1']) {
      expect(text).toContain(expected);
    }
    // Not EUR: bank details for a transfer, but no SEPA QR code (and no hint to scan one).
    expect(text).toContain('Банкови данни');
    expect(text).not.toContain('Сканирайте');
  });

  it('breaks 500 items over several pages, each with the table heading', async () => {
    const lines = Array.from({ length: 500 }, (_, index) => line(`INV-${String(index + 1).padStart(4, '0')}`, 1000 + index));
    const pages = await pdfPages(pdfOf(planned('en', 'statement', lines)));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    pages.forEach((page, index) => {
      if (index < pages.length - 1 || page.includes('INV-')) {
        expect(page).toContain('Document');
        expect(page).toContain('Days overdue');
        expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      }
      if (index > 0 && page.includes('INV-')) expect(page).toContain('Statement of account (continued)');
    });
    const all = pages.join(' ');
    expect(all).toContain('INV-0001');
    expect(all).toContain('INV-0500');
    expect(all.match(/INV-\d{4}/g)).toHaveLength(500);
    expect(all).toContain('Amount due now');
    expect(pages.at(-1)).toContain('Please pay by: 30 March 2026');
  });

  it('prints bank details and a QR code for EUR with a valid IBAN, and neither for an invalid IBAN', async () => {
    const message = planned('en', 'first', [line('F-1', 128450)]);
    const model = buildStatement(message, settings, asOf);
    expect(model.qrPayload).toMatch(/^BCD\n002\n1\nSCT\nETHNGRAA\n/);
    expect(squash((await pdfPages(pdfOf(message))).join(' '))).toContain('Bank details');
    const invalid = { ...settings, company: { ...settings.company, iban: 'GR16 0110 1250 0000 0001 2300 696' } };
    expect(buildStatement(message, invalid, asOf).qrPayload).toBeNull();
    expect(squash((await pdfPages(pdfOf(message, invalid))).join(' '))).not.toContain('Bank details');
    expect(buildStatement({ ...message, currency: 'USD' }, settings, asOf).qrPayload).toBeNull();
  });

  it('gives the same bytes for the same input, with fonts parsed once and reused', () => {
    const message = planned('pt', 'final', [line('FT 2026/17', 9999)]);
    const first = pdfOf(message);
    pdfOf(planned('el', 'first', [line('Ω-1', 1)]));
    expect(Buffer.from(pdfOf(message)).equals(Buffer.from(first))).toBe(true);
  });

  it('throws on a font that cannot be loaded instead of writing unreadable text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-fonts-'));
    try {
      copyFileSync(join(SHIPPED_FONTS_DIR, 'DejaVuSans-subset.ttf'), join(dir, 'DejaVuSans-subset.ttf'));
      expect(() => loadStatementFonts(dir)).toThrow(/DejaVuSans-Bold-subset\.ttf cannot be read/);
      writeFileSync(join(dir, 'DejaVuSans-Bold-subset.ttf'), 'not a font at all');
      expect(() => loadStatementFonts(dir)).toThrow(/is not a TrueType font/);
      const truncated = Buffer.from(readFileSync(join(SHIPPED_FONTS_DIR, 'DejaVuSans-Bold-subset.ttf')).subarray(0, 400));
      writeFileSync(join(dir, 'DejaVuSans-Bold-subset.ttf'), truncated);
      expect(() => loadStatementFonts(dir)).toThrow(/DejaVuSans-Bold-subset\.ttf/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('company logo', () => {
  it('places a PNG logo and refuses a file that is not an image, naming it', async () => {
    const { loadLogo } = await import('../../src/documents/assets.js');
    const dir = mkdtempSync(join(tmpdir(), 'duedesk-logo-'));
    try {
      // A 4×2 red and blue PNG, small enough to write inline.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAFUlEQVR4nGP4z8Dwn4EBTPxnQOYAAGeyB/nadYY6AAAAAElFTkSuQmCC', 'base64');
      writeFileSync(join(dir, 'logo.png'), png);
      writeFileSync(join(dir, 'logo.txt'), 'hello');
      const logo = loadLogo(join(dir, 'logo.png'));
      expect(logo.format).toBe('PNG');
      const model = buildStatement(planned('it', 'first', [line('F-1', 100)]), settings, asOf);
      const withLogo = renderStatementPdf(model, templates.labels('it'), { fonts, logo });
      const without = renderStatementPdf(model, templates.labels('it'), { fonts });
      expect(Buffer.from(withLogo).toString('latin1')).toContain('/Subtype /Image');
      expect(Buffer.from(without).toString('latin1')).not.toContain('/Subtype /Image');
      expect(() => loadLogo(join(dir, 'logo.txt'))).toThrow(`company.logo: ${join(dir, 'logo.txt')} is not a PNG or JPEG image`);
      expect(() => loadLogo(join(dir, 'none.png'))).toThrow(/cannot be read \(ENOENT\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
