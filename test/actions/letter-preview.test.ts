/** The preview window's letter block (docs/reference/messages.md §5): the window as the post reads it, before anything is sent. */
import { describe, expect, it } from 'vitest';
import { letterPreview } from '../../src/actions/letter-preview.js';
import { asOf, customer, line, planned, settings } from '../documents/fixtures.js';

describe('letter preview', () => {
  const who = customer('it', { name: 'Rossi & Figli S.r.l.', contactPerson: 'Maria Rossi', addressLine1: 'Via Roma 12', postalCode: '00184', city: 'Roma', country: 'IT' });

  it('shows the return line, the address as printed and the window it is laid out for', () => {
    const message = planned('it', 'final', [line('F-1', 10000, 50)], { customer: who, letter: true });
    const withCountry = { ...settings, company: { ...settings.company, country: 'GR' }, letters: { window: 'right' as const } };
    expect(letterPreview(message, withCountry, asOf)).toEqual([
      'Printed letter, window right (w writes the PDF)',
      '  Acme Εμπορική Α.Ε. · Σταδίου 10 · 105 64 Αθήνα',
      '  │ Rossi & Figli S.r.l.',
      '  │ Maria Rossi',
      '  │ Via Roma 12',
      '  │ 00184 Roma',
      '  │ ITALY',
      '  20 marzo 2026 · C-001',
    ]);
  });

  it('an e-mail alone has no letter block', () => {
    expect(letterPreview(planned('it', 'first', [line('F-1', 10000)], { customer: who }), settings, asOf)).toBeNull();
  });
});
