/** Invoice PDFs by item number (never trusted as paths) and letters into the print folder. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { invoiceAttachments, invoicePdfPath, writeLetter } from '../../src/delivery/files.js';
import { anItem } from '../helpers/store.js';
import { aPlannedMessage } from './fixtures/messages.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it.each(['../secret', '..', 'a/../../b', 'sub/INV-1', 'C:\\x', '\\\\server\\share', 'INV\0-1', '.hidden', 'INV\n1', '', 'x'.repeat(201)])(
  'refuses item number %j as a file name',
  (number) => expect(invoicePdfPath(dir, number)).toBeNull(),
);

it.each(['INV-1', '2026-7', 'Φ-123', 'A B'])('accepts item number %j inside the folder', (number) => {
  expect(invoicePdfPath(dir, number)).toBe(join(dir, `${number}.pdf`));
});

it('attaches the PDFs of listed invoices that exist and reports the others', async () => {
  writeFileSync(join(dir, 'INV-1.pdf'), '%PDF-1');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'x.pdf'), 'secret');
  const planned = aPlannedMessage(1);
  planned.lines = [
    { item: anItem({ number: 'INV-1' }), daysOverdue: 10, reached: 'first', pending: true, interest: 0 },
    { item: anItem({ number: 'sub/x' }), daysOverdue: 10, reached: 'first', pending: true, interest: 0 },
    { item: anItem({ number: 'INV-404' }), daysOverdue: 10, reached: 'first', pending: true, interest: 0 },
    { item: anItem({ number: 'CN-1', kind: 'credit_note', amount: -500, openAmount: -500 }), daysOverdue: 0, reached: null, pending: false, interest: 0 },
  ];
  const { attachments, missing } = await invoiceAttachments(planned, dir);
  expect(attachments.map((a) => [a.filename, Buffer.from(a.content).toString()])).toEqual([['INV-1.pdf', '%PDF-1']]);
  expect(missing).toEqual(['sub/x', 'INV-404']);
});

it('writes a letter under a safe name and overwrites it on a rerun', async () => {
  const path = await writeLetter(join(dir, 'print'), '2026-02-10', '../C/1-EUR-final', new Uint8Array([1, 2]));
  expect(path).toBe(join(dir, 'print', '2026-02-10-__C_1-EUR-final.pdf'));
  await writeLetter(join(dir, 'print'), '2026-02-10', '../C/1-EUR-final', new Uint8Array([3]));
  expect([...readFileSync(path)]).toEqual([3]);
});
