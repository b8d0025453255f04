/**
 * Nothing broken goes out: a user's template with an unclosed section stops the dry run and the
 * real send alike (exit 2, file and tag named), and the real send sends and records nothing.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './io.js';
import { configSet, importCsv } from './seed-cli.js';

let box: Sandbox;
let broken: string;
beforeEach(async () => {
  box = sandbox('2026-02-10');
  await importCsv(box, {
    customers: 'code,name,email\nC1,One Ltd,ap@one.example\nC2,Two Ltd,ap@two.example\n',
    items: 'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-01-01,2026-01-31,100.00\nC2,INV-2,2026-01-01,2026-01-31,50.00\n',
  });
  const dir = join(box.dir, 'templates', 'en');
  mkdirSync(dir, { recursive: true });
  broken = join(dir, 'first.text.mustache');
  writeFileSync(broken, 'Dear {{customer.name}},\n\n{{#items}}\n- {{number}} {{open}}\n\nKind regards\n');
  await configSet(box, 'templatesDir', join(box.dir, 'templates'));
});

const message = () => `duedesk: ${broken}: line 3: section never closed (no {{/items}} after it): {{#items}}\n`;

it('the dry run renders the templates of every message and exits 2 naming the file and the tag', async () => {
  const result = await box.run(['--send-due', '--dry-run', '--json', '--as-of', '2026-02-10']);
  expect(result).toEqual({ code: 2, stdout: '', stderr: message() });
});

it('the real send exits 2 the same way and sends and records nothing', async () => {
  const result = await box.run(['--send-due', '--as-of', '2026-02-10']);
  expect(result).toEqual({ code: 2, stdout: '', stderr: message() });
  const outbox = join(box.dir, 'outbox');
  expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
  const history = await box.run(['export', 'history']);
  expect(history.stdout.trim().split('\n')).toHaveLength(1); // the header only
});

it('once the template is fixed, the same run sends both messages', async () => {
  writeFileSync(broken, 'Dear {{customer.name}},\n\n{{#items}}\n- {{number}} {{open}}\n{{/items}}\nKind regards\n');
  const result = await box.run(['--send-due', '--as-of', '2026-02-10']);
  expect(result.code).toBe(0);
  expect(readdirSync(join(box.dir, 'outbox')).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
});

it('a level naming a template that exists in no language stops the dry run before anything is reported', async () => {
  expect((await box.run(['config', 'unset', 'templatesDir'])).code).toBe(0);
  await configSet(box, 'policy.levels', JSON.stringify([{ id: 'first', name: 'Gentle', days: 7, template: 'gentle' }]));
  const result = await box.run(['--send-due', '--dry-run', '--as-of', '2026-02-10']);
  expect(result).toEqual({ code: 2, stdout: '', stderr: 'duedesk: template "gentle" does not exist (looked for en/gentle.subject.mustache)\n' });
});
