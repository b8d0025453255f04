/**
 * The desk's layers read straight down: the App imports the screen registry, the registry the
 * screens, the screens the dialogs, and dialogs, hooks and components import none of those above
 * them. Only the App builds the desk from the registry, so a screen is registered in one place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = resolve(import.meta.dirname, '..', '..', 'src', 'ui');
const FROM = /\bfrom\s*['"](\.[^'"]+)['"]/g;

/** Every source file under ui/, relative to it. */
const files = (readdirSync(UI, { recursive: true }) as string[]).filter((name) => /\.tsx?$/.test(name));

/** The ui/ files `file` imports, relative to ui/ and without extension. */
function uiImports(file: string): string[] {
  const text = readFileSync(join(UI, file), 'utf8');
  return [...text.matchAll(FROM)].map((m) => relative(UI, resolve(dirname(join(UI, file)), m[1]!)).replace(/\.js$/, '')).filter((path) => !path.startsWith('..'));
}

/** Each layer and the ui/ paths it must not import. */
const LAYERS: { layer: RegExp; above: RegExp }[] = [
  { layer: /^(components|hooks)\//, above: /^(app|screens\/|dialogs\/)/ },
  { layer: /^dialogs\//, above: /^(app|screens\/)/ },
  { layer: /^screens\/(?!registry)/, above: /^(app|screens\/registry)$/ },
];

describe('the layers of the desk', () => {
  it('import nothing above them', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const { layer, above } of LAYERS) {
        if (!layer.test(file)) continue;
        for (const imported of uiImports(file)) if (above.test(imported)) problems.push(`${file} imports ${imported}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('let only the App read the screen registry', () => {
    const readers = files.filter((file) => uiImports(file).includes('screens/registry'));
    expect(readers).toEqual(['app.tsx']);
  });
});
