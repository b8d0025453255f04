/**
 * A template Mustache cannot parse or render is a user error (exit 2) that names the file, the
 * line and the tag, whether it is found when loading or when rendering.
 */
import { describe, expect, it } from 'vitest';
import { ExitCode, UserError } from '../../src/core/exit-codes.js';
import { renderTexts, type MessageTemplate } from '../../src/core/templates/render.js';
import { validateTemplate } from '../../src/core/templates/validate.js';
import { buildStatement } from '../../src/core/statement.js';
import { buildView } from '../../src/core/templates/view-model.js';
import { checkMessageTexts } from '../../src/documents/message-texts.js';
import { loadTemplateSet } from '../../src/documents/load-templates.js';
import { asOf, line, planned, settings } from './fixtures.js';

const file = 'tpl/en/first.text.mustache';

/** What `run` throws, or null when it returns. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('Mustache faults name file, line and tag', () => {
  it.each([
    ['a section never closed', 'Dear {{customer.name}},\n{{#items}}{{number}}\n', `${file}: line 2: section never closed (no {{/items}} after it): {{#items}}`],
    ['a section closed by another', '{{#items}}\n{{number}}{{/cases}}', `${file}: line 1: section never closed (no {{/items}} after it): {{#items}}`],
    ['a closing tag without its section', 'Hello\n\n{{/items}}', `${file}: line 3: closes a section that was never opened: {{/items}}`],
    ['a tag never closed', 'Hello\n{{customer.name}\nBye', `${file}: line 2: tag never closed (no }}): {{customer.name}`],
  ])('%s', (_what, source, message) => {
    const error = thrown(() => validateTemplate({ file, source }, { partials: new Map(), html: false }));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ exitCode: ExitCode.Usage, message });
  });

  it('rendering a template that was never checked fails with the same error, not an internal one', () => {
    const shipped = loadTemplateSet().template('en', 'first');
    const broken: MessageTemplate = { ...shipped, html: { file: 'tpl/en/first.html.mustache', source: '<p>{{#items}}</p>' } };
    const view = buildView(buildStatement(planned('en', 'first', [line('F-1', 100)]), settings, asOf));
    expect(() => renderTexts(broken, view)).toThrow('tpl/en/first.html.mustache: line 1: section never closed (no {{/items}} after it): {{#items}}');
  });

  it('checking a plan renders each template in use, in each language, once', () => {
    const shipped = loadTemplateSet();
    const itFile = 'tpl/it/first.subject.mustache';
    const templates = {
      ...shipped,
      template: (language: string, name: string) => {
        const found = shipped.template(language, name);
        return language === 'it' ? { ...found, subject: { file: itFile, source: '{{#items}}' } } : found;
      },
    };
    const english = planned('en', 'first', [line('F-1', 100)]);
    const italian = planned('it', 'first', [line('F-2', 100)]);
    expect(() => checkMessageTexts([english, english], { settings, asOf, templates })).not.toThrow();
    expect(() => checkMessageTexts([english, italian], { settings, asOf, templates })).toThrow(`${itFile}: line 1: section never closed`);
  });

  it('checking a plan stops at a level whose template does not exist', () => {
    const templates = loadTemplateSet();
    const good = planned('en', 'first', [line('F-1', 100)]);
    const missing = planned('it', 'gentle', [line('F-2', 100)]);
    expect(() => checkMessageTexts([good], { settings, asOf, templates })).not.toThrow();
    expect(() => checkMessageTexts([good, missing], { settings, asOf, templates })).toThrow(UserError);
    expect(() => checkMessageTexts([good, missing], { settings, asOf, templates })).toThrow('template "gentle" does not exist');
  });
});
