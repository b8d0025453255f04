import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/documents/load-templates.js';
import { TemplateError } from '../../src/core/templates/template-error.js';
import { validateTemplate } from '../../src/core/templates/validate.js';
import { buildStatement } from '../../src/core/statement.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { renderTexts } from '../../src/core/templates/render.js';
import { asOf, line, planned, settings } from './fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duedesk-templates-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function userFile(path: string, text: string): string {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const none = new Map();
const check = (source: string, html = false) => () => validateTemplate({ file: 'x.mustache', source }, { partials: none, html });

describe('template validation', () => {
  it.each([
    ['{{custmer.name}}', '{{custmer.name}}', /unknown variable/],
    ['{{customer.nmae}}', '{{customer.nmae}}', /unknown variable/],
    ['{{#items}}{{numbr}}{{/items}}', '{{numbr}}', /unknown variable/],
    ['{{number}}', '{{number}}', /unknown variable/],
    ['{{constructor}}', '{{constructor}}', /built-in/],
    ['{{customer.__proto__}}', '{{customer.__proto__}}', /built-in/],
    ['{{#items}}{{toString}}{{/items}}', '{{toString}}', /built-in/],
    ['{{customer.name.hasOwnProperty}}', '{{customer.name.hasOwnProperty}}', /built-in/],
    ['{{items}}', '{{items}}', /not a value/],
    ['{{.}}', '{{.}}', /only known inside a section/],
  ])('refuses %s naming the tag', (source, tag, reason) => {
    expect(check(source)).toThrow(TemplateError);
    expect(check(source)).toThrow(reason);
    expect(check(source)).toThrow(`x.mustache: `);
    expect(check(source)).toThrow(tag);
  });

  it('accepts names from enclosing sections and dotted names', () => {
    expect(check('{{#items}}{{number}} {{customer.name}} {{currency}}{{#overdue}}{{daysOverdue}}{{/overdue}}{{/items}}{{#bank}}{{iban}}{{/bank}}{{^hasItems}}-{{/hasItems}}')).not.toThrow();
  });

  it('refuses unescaped values in HTML only', () => {
    expect(check('{{{customer.name}}}', true)).toThrow(/HTML templates must escape/);
    expect(check('{{&customer.name}}', true)).toThrow('{{{customer.name}}}');
    expect(check('{{{customer.name}}}', false)).not.toThrow();
  });

  it('refuses partials that include themselves, directly or through another', () => {
    const partials = new Map([
      ['a', { file: 'partials/a.mustache', source: 'A {{> b}}' }],
      ['b', { file: 'partials/b.mustache', source: 'B {{> a}}' }],
      ['self', { file: 'partials/self.mustache', source: '{{#items}}{{> self}}{{/items}}' }],
    ]);
    const run = (source: string) => () => validateTemplate({ file: 'main.mustache', source }, { partials, html: false });
    expect(run('{{> a}}')).toThrow('partials/b.mustache: partial includes itself (a → b → a): {{> a}}');
    expect(run('{{> self}}')).toThrow('partials/self.mustache: partial includes itself (self → self): {{> self}}');
    expect(run('{{> missing}}')).toThrow('main.mustache: unknown partial {{> missing}}');
    expect(run('{{> ../etc}}')).toThrow(/partial names/);
  });

  it('checks the variables inside a partial in the context it is included in', () => {
    const partials = new Map([['row', { file: 'partials/row.mustache', source: '{{number}}' }]]);
    expect(() => validateTemplate({ file: 'm', source: '{{#items}}{{> row}}{{/items}}' }, { partials, html: false })).not.toThrow();
    expect(() => validateTemplate({ file: 'm', source: '{{> row}}' }, { partials, html: false })).toThrow('partials/row.mustache: unknown variable {{number}}');
  });
});

describe('loading with a user templatesDir', () => {
  it('refuses a user template with an unknown variable, naming the file and tag', () => {
    const file = userFile('el/first.text.mustache', 'Αγαπητέ {{customer.fullname}},\n');
    expect(() => loadTemplateSet({ templatesDir: dir })).toThrow(`${file}: unknown variable {{customer.fullname}}`);
  });

  it('refuses a recursive user partial', () => {
    const file = userFile('en/partials/signature-text.mustache', '{{company.name}}\n{{> signature-text}}\n');
    expect(() => loadTemplateSet({ templatesDir: dir })).toThrow(`${file}: partial includes itself`);
  });

  it('overrides a single file and keeps the shipped rest', () => {
    userFile('it/first.subject.mustache', 'Promemoria {{customer.name}}');
    const set = loadTemplateSet({ templatesDir: dir });
    const model = buildStatement(planned('it', 'first', [line('F-1', 1000)]), settings, asOf);
    const texts = renderTexts(set.template('it', 'first'), buildView(model));
    expect(texts.subject).toBe('Promemoria Customer Ltd');
    expect(texts.text).toContain('Gentile Customer Ltd');
    expect(set.template('el', 'first').subject.source).toContain('Υπενθύμιση');
  });

  it('adds a custom template (and a language) from the user folder, English parts filling gaps', () => {
    userFile('en/gentle.subject.mustache', 'A gentle note for {{customer.name}}');
    userFile('en/gentle.text.mustache', 'Total {{total}}');
    userFile('en/gentle.html.mustache', '<p>Total {{total}}</p>');
    userFile('de/gentle.subject.mustache', 'Freundliche Erinnerung für {{customer.name}}');
    userFile('de/labels.json', JSON.stringify({ customer: 'Kunde' }));
    const set = loadTemplateSet({ templatesDir: dir });
    expect(set.template('el', 'gentle').text.source).toBe('Total {{total}}');
    expect(set.template('de', 'gentle').subject.source).toContain('Freundliche');
    expect(set.labels('de').customer).toBe('Kunde');
    expect(set.labels('de').totalDue).toBe('Total due');
    expect(() => set.template('en', 'nosuch')).toThrow('template "nosuch" does not exist');
  });

  it('refuses a template missing its HTML part and a labels file with an unknown key', () => {
    userFile('en/lonely.subject.mustache', 'x');
    userFile('en/lonely.text.mustache', 'x');
    expect(() => loadTemplateSet({ templatesDir: dir })).toThrow(/lonely\.html\.mustache: is missing/);
    rmSync(join(dir, 'en'), { recursive: true });
    const labels = userFile('pt/labels.json', '{"totl": "Total"}');
    expect(() => loadTemplateSet({ templatesDir: dir })).toThrow(`${labels}: unknown label "totl"`);
  });

  it('refuses a templatesDir that is not a folder', () => {
    expect(() => loadTemplateSet({ templatesDir: join(dir, 'nope') })).toThrow(/is not a folder/);
  });
});
