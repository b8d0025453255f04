/**
 * Every PDF duedesk writes — each kind of document, in every shipped language, with and without a
 * logo — is checked against the PDF/A-2b rules it follows (docs/reference/messages.md §2.5) with
 * qpdf and pdffonts; and the checks themselves find what a plain jspdf file breaks.
 */
import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityStatement } from '../../src/core/activity.js';
import { LANGUAGES, type Language } from '../../src/core/domain.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import type { Settings } from '../../src/core/settings.js';
import { buildStatement } from '../../src/core/statement.js';
import { introFor, titleFor } from '../../src/core/templates/labels.js';
import { loadTemplateSet, type TemplateSet } from '../../src/documents/load-templates.js';
import { SHIPPED_OUTPUT_PROFILE, subsetTag, xmpDate, xmpPacket } from '../../src/documents/pdf/archival.js';
import { loadStatementFonts, type StatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderLettersPdf, renderStatementPdf, type LogoImage } from '../../src/documents/pdf/render-statement.js';
import { findPdffonts, findQpdf } from '../helpers/system-tools.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { pdfaProblems, type PdfaTools } from './pdfa-check.js';
import { pdfPages } from './pdf-text.js';

const qpdf = findQpdf();
const pdffonts = findPdffonts();
const tools: PdfaTools | null = qpdf && pdffonts ? { qpdf, pdffonts } : null;

let templates: TemplateSet;
let fonts: StatementFonts;
let profile: Buffer;
beforeAll(() => {
  templates = loadTemplateSet();
  fonts = loadStatementFonts();
  profile = readFileSync(SHIPPED_OUTPUT_PROFILE);
});

/** A 4×2 red and blue PNG, small enough to write inline. */
const logo: LogoImage = {
  bytes: new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAFUlEQVR4nGP4z8Dwn4EBTPxnQOYAAGeyB/nadYY6AAAAAElFTkSuQmCC', 'base64')),
  format: 'PNG',
};

/** One planned message of each kind of document the renderer writes. */
const kinds: Record<string, (language: Language) => PlannedMessage> = {
  upcoming: (language) => planned(language, 'upcoming', [line('F-1', 128450, -3)]),
  first: (language) => planned(language, 'first', [line('F-1', 128450), line('F-2', 5000)], { fee: 500 }),
  second: (language) => planned(language, 'second', [line('F-1', 128450, 40)], { earlier: ['2026-03-06'] }),
  'final (a printed letter)': (language) => planned(language, 'final', [line('F-1', 128450, 60)], { letter: true, interest: 1234 }),
  statement: (language) => planned(language, 'statement', [line('F-1', 250000, 30), line('NC-2', -10000, 10, { kind: 'credit_note' })]),
  installment: (language) => planned(language, 'installment', [], {
    cases: [{ case: 'K-1', installment: 20000, expectedDate: '2026-03-01', missed: true, total: 200000, paid: 20100, remaining: 179900, paidThisMonth: 100, shortfall: 19900, currency: 'EUR' }],
    reminds: ['K-1'], total: 19900,
  }),
  activity: (language) => planned(language, 'activity', [line('F-1', 100000)], {
    kind: 'statement', level: null,
    activity: activityStatement(
      [{ number: 'F-1', kind: 'invoice', issueDate: '2026-01-15', amount: 128450 }],
      [{ reference: 'BON-77', date: '2026-03-10', amount: 28450, itemNumber: 'F-1', case: null }],
      '2026-03-01', asOf,
    ),
  }),
};

/** The PDF of `message`, and what its Info dictionary must say. */
function render(message: PlannedMessage, withLogo = false, withSettings: Settings = settings) {
  const model = buildStatement(message, withSettings, asOf);
  const labels = templates.labels(model.language);
  const pdf = renderStatementPdf(model, labels, { fonts, logo: withLogo ? logo : null });
  const title = `${titleFor(labels, model.template, model.earlier !== null)} ${model.customer.code}`;
  return { pdf, model, labels, expected: { language: model.language, title, author: withSettings.company?.name ?? '', profile } };
}

describe.runIf(tools)('PDF/A-2b', () => {
  const cases = LANGUAGES.flatMap((language) => Object.keys(kinds).map((kind) => [language, kind] as const));

  it.each(cases)('%s %s: follows every PDF/A-2b rule checked, and reads as before', async (language, kind) => {
    const { pdf, model, labels, expected } = render((kinds[kind] as (language: Language) => PlannedMessage)(language));
    expect(pdfaProblems(tools as PdfaTools, pdf, expected)).toEqual([]);
    // The text a reader copies is the letter's own, in its language.
    const text = (await pdfPages(pdf)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(model.customer.name);
    expect(text).toContain(introFor(labels, model.template).split(/\s+/).slice(0, 3).join(' '));
  });

  it('a statement with the company logo (an image) and a Greek customer whose name needs escaping in XML', () => {
    const who = customer('el', { name: 'Παπαδόπουλος & Υιοί <Ο.Ε.>', code: 'ΠΑΠ-01' });
    const { pdf, expected } = render(planned('el', 'first', [line('F-1', 128450)], { customer: who }), true);
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Subtype /Image');
    expect(pdfaProblems(tools as PdfaTools, pdf, { ...expected, title: expected.title.replace('C-001', 'ΠΑΠ-01') })).toEqual([]);
  });

  it('a company name with brackets, a backslash, XML markup and a control character: Info and XMP still agree', () => {
    const company = { ...settings.company, name: 'Acme (Hellas) & Co. \\ <Ε.Π.Ε.>\u0007' } as Settings['company'];
    const { pdf, expected } = render(planned('bg', 'statement', [line('F-1', 128450)]), false, { ...settings, company });
    // The control character cannot be written in XML, so neither copy of the name has it.
    expect(pdfaProblems(tools as PdfaTools, pdf, { ...expected, author: 'Acme (Hellas) & Co. \\ <Ε.Π.Ε.>' })).toEqual([]);
  });

  it("a run's combined letters file (three letters, two languages) is PDF/A-2b too", () => {
    const letters = (['it', 'it', 'el'] as const).map((language) => {
      const model = buildStatement(planned(language, 'final', [line('F-1', 128450, 60)], { letter: true }), settings, asOf);
      return { model, labels: templates.labels(model.language) };
    });
    const author = settings.company?.name ?? '';
    const pdf = renderLettersPdf(letters, { fonts }, { asOf, title: `Letters ${asOf}`, author });
    expect(pdfaProblems(tools as PdfaTools, pdf, { language: 'it', title: `Letters ${asOf}`, author, profile })).toEqual([]);
  });

  it('a 500-item statement over many pages: no font listed that no page uses', () => {
    const lines = Array.from({ length: 500 }, (_, index) => line(`INV-${String(index + 1).padStart(4, '0')}`, 1000 + index));
    const { pdf, expected } = render(planned('pt', 'statement', lines));
    expect(pdfaProblems(tools as PdfaTools, pdf, expected)).toEqual([]);
  });

  it('a pay link beside the QR code, and on its own without bank details: a printable link annotation', () => {
    const payUrl = 'https://pay.example.com/checkout?amount={{amount}}&ref={{reference}}';
    const withBank = render(planned('en', 'first', [line('F-1', 128450)]), false, { ...settings, company: { ...settings.company, payUrl } });
    const without = render(planned('el', 'first', [line('F-1', 128450)]), false, { ...settings, company: { ...settings.company, iban: undefined, payUrl } });
    for (const { pdf, expected } of [withBank, without]) {
      const bytes = Buffer.from(pdf).toString('latin1');
      expect(bytes).toMatch(/\/Subtype \/Link \/F 4 \/Rect \[[\d. ]+\] \/Border \[0 0 0\] \/A <<\/S \/URI \/URI \(https:\/\/pay\.example\.com\/checkout\?amount=1284\.50&ref=RF/);
      expect(bytes).not.toMatch(/\/Subtype \/Link \/Rect/);
      expect(pdfaProblems(tools as PdfaTools, pdf, expected)).toEqual([]);
    }
  });

  it('the checks find what a plain jspdf file breaks: standard fonts not embedded, no XMP, no output intent, no language', () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
    doc.setDocumentProperties({ title: 'Plain', author: 'Acme' });
    doc.text('Hello', 20, 20);
    const problems = pdfaProblems(tools as PdfaTools, new Uint8Array(doc.output('arraybuffer')), { language: 'en', title: 'Plain', author: 'Acme', profile });
    expect(problems).toEqual(expect.arrayContaining([
      '6.6.2.1 metadata: the catalog has no /Metadata stream',
      'document language: catalog /Lang is undefined',
      '6.2.3 output intent: 0 /GTS_PDFA1 output intents',
      '6.2.11.4.1 fonts embedded: Helvetica is not embedded',
      'fonts subset-tagged: Helvetica is not a tagged subset',
    ]));
    expect(problems.some((problem) => /^unused fonts: .* lists \/F2 but no text uses it$/.test(problem))).toBe(true);
  });

  it('the checks find metadata that disagrees with the Info dictionary, and a title or language not asked for', () => {
    const { pdf, expected } = render(kinds.first?.('it') as PlannedMessage);
    const bytes = Buffer.from(pdf).toString('latin1');
    // Same length, so the cross-reference table still points at every object.
    const altered = Buffer.from(bytes.replace('<pdfaid:conformance>B<', '<pdfaid:conformance>U<').replace('<xmp:CreatorTool>duedesk<', '<xmp:CreatorTool>duedeck<'), 'latin1');
    expect(pdfaProblems(tools as PdfaTools, new Uint8Array(altered), { ...expected, language: 'en', title: 'Other' })).toEqual([
      '6.6.4 identification: pdfaid:conformance is U',
      '6.6.3 Info and XMP: /Creator "duedesk" but xmp:CreatorTool "duedeck"',
      'title: Info /Title is "Sollecito di pagamento C-001"',
      'document language: catalog /Lang is "it"',
    ]);
  });

  it('the checks find a glyph width in the font dictionary that is not the font program\'s', () => {
    const { pdf, expected } = render(kinds.first?.('en') as PlannedMessage);
    const bytes = Buffer.from(pdf).toString('latin1');
    const entry = /\/W \[(\d+) \[(\d+)\]/.exec(bytes);
    expect(entry).not.toBeNull();
    const [whole, cid, width] = entry as RegExpExecArray;
    // Same length, so the cross-reference table still points at every object.
    const wrong = String(Number(width) > 500 ? Number(width) - 100 : Number(width) + 100).padStart(width!.length, '0');
    const altered = Buffer.from(bytes.replace(whole, whole.replace(`[${width}]`, `[${wrong}]`)), 'latin1');
    const problems = pdfaProblems(tools as PdfaTools, new Uint8Array(altered), expected);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^6\\.2\\.11\\.5 widths: object \\d+ 0 R glyph ${cid} is ${Number(wrong)} wide in /W, ${width}\\.\\d in the program$`));
  });

  it('renders the same bytes for the same input, subset tags included', () => {
    const first = render(kinds.statement?.('bg') as PlannedMessage).pdf;
    const again = render(kinds.statement?.('bg') as PlannedMessage).pdf;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });
});

describe('archival metadata', () => {
  it('writes the creation date of the Info dictionary as the same instant in XMP', () => {
    expect(xmpDate("D:20260320000000+00'00'")).toBe('2026-03-20T00:00:00Z');
    expect(xmpDate("D:20260320000000-00'00'")).toBe('2026-03-20T00:00:00Z');
    expect(xmpDate("D:20260320013000+01'30'")).toBe('2026-03-20T01:30:00+01:30');
    expect(() => xmpDate('2026-03-20')).toThrow('creation date 2026-03-20 is not a PDF date');
  });

  it('escapes XML in the packet and leaves dc:creator out when there is no author', () => {
    const packet = xmpPacket({ title: 'A & <B>', author: '', creator: 'duedesk', language: 'en', created: new Date(0) }, '2026-03-20T00:00:00Z', 'jsPDF 4.2.1');
    expect(packet).toContain('<rdf:li xml:lang="x-default">A &amp; &lt;B&gt;</rdf:li>');
    expect(packet).not.toContain('dc:creator');
  });

  it('tags a subset by its face and glyphs only: order and repetition do not matter', () => {
    expect(subsetTag('DejaVuSans', [0, 5, 3, 3])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('DejaVuSans', [0, 5, 3, 3])).toBe(subsetTag('DejaVuSans', [3, 0, 5]));
    expect(subsetTag('DejaVuSans', [0, 5, 3])).not.toBe(subsetTag('DejaVuSans-Bold', [0, 5, 3]));
    expect(subsetTag('DejaVuSans', [0, 5, 3])).not.toBe(subsetTag('DejaVuSans', [0, 5, 4]));
  });
});
