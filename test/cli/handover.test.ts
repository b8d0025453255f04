/** `maxRepeats` and `duedesk export handover` (docs/reference/rules.md §9.4), sending through the outbox as a clerk would. */
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

it('an item past its cap stops being reminded and is listed with every send', async () => {
  const box = sandbox();
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  await configSet(box, 'policy.levels', JSON.stringify([
    { id: 'first', name: 'First', days: 5, template: 'first' },
    { id: 'final', name: 'Final', days: 10, template: 'final', repeatEveryDays: 10, maxRepeats: 1 },
  ]));
  await importCsv(box, {
    customers: 'code,name,email\nC1,=Rossi Srl,ap@rossi.test\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2025-12-01,2026-01-01,100.00\n',
  });
  for (const asOf of ['2026-01-06', '2026-01-11', '2026-01-21']) {
    box.today = asOf;
    const sent = await box.run(['--send-due', '--as-of', asOf]);
    expect(sent.code).toBe(0);
  }
  const dry = await box.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-01-31']);
  expect(JSON.parse(dry.stdout).messages).toEqual([]);
  const before = parse((await box.run(['export', 'handover', '--as-of', '2026-01-30'])).stdout) as string[][];
  expect(before).toHaveLength(1);
  const result = await box.run(['export', 'handover', '--as-of', '2026-01-31']);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(parse(result.stdout)).toEqual([
    ['customer', 'name', 'email', 'item', 'issue_date', 'due_date', 'days_overdue', 'currency', 'amount', 'open_amount', 'profile', 'level', 'sent'],
    ['C1', "'=Rossi Srl", 'ap@rossi.test', 'INV-1', '2025-12-01', '2026-01-01', '30', 'EUR', '100.00', '100.00', 'default', 'final', 'first 2026-01-06; final 2026-01-11, 2026-01-21'],
  ]);
  const misplaced = await box.run(['export', 'items', '--as-of', '2026-01-31']);
  expect([misplaced.code, misplaced.stderr]).toEqual([2, 'duedesk: export: --as-of applies to export handover only\n']);
});
