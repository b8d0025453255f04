import { describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/documents/load-templates.js';
import { loadStatementFonts } from '../../src/documents/pdf/fonts.js';
import { renderStatementPdf } from '../../src/documents/pdf/render-statement.js';
import { buildStatement } from '../../src/core/statement.js';
import type { PlannedMessage } from '../../src/core/plan.js';
import { asOf, customer, line, planned, settings } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

const templates = loadTemplateSet();
const fonts = loadStatementFonts();

function pdfOf(message: PlannedMessage): Uint8Array {
  const model = buildStatement(message, settings, asOf);
  return renderStatementPdf(model, templates.labels(model.language), { fonts });
}

describe('statement PDF reuse of encoded fonts and compressed streams', () => {
  it('gives the same bytes for a statement whatever was rendered before it', async () => {
    const greek = planned('el', 'first', [line('ΤΔΑ-1', 12_345)], { customer: customer('el', { name: 'Ζαχαρίου Ψ.', code: 'ΖΑΧ-1' }) });
    const bulgarian = planned('bg', 'second', [line('ФК-9', 98_765)], { customer: customer('bg', { name: 'Щерев ЕООД', code: 'ЩЕР-7' }) });
    const first = pdfOf(greek);
    const other = pdfOf(bulgarian);
    const again = pdfOf(greek);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
    // Each document embeds the glyphs of its own text, not those of the one rendered before.
    expect((await pdfPages(other)).join(' ')).toContain('Щерев ЕООД');
    expect((await pdfPages(again)).join(' ')).toContain('Ζαχαρίου Ψ.');
  });

  it('renders many statements with distinct glyph sets, each readable', async () => {
    const names = Array.from({ length: 80 }, (_, i) => `Πελάτης ${String.fromCharCode(0x3b1 + (i % 25))}${i}`);
    const pdfs = names.map((name, i) => pdfOf(planned('el', 'first', [line(`Α-${i}`, 1000 + i)], { customer: customer('el', { name, code: `K${i}` }) })));
    for (const index of [0, 41, 79]) {
      expect((await pdfPages(pdfs[index] as Uint8Array)).join(' ')).toContain(names[index]);
    }
  });
});
