/**
 * The map stays true: a code comment that cites `docs/reference/rules.md §3.2` names a file that
 * exists and a numbered section it has; the reference's own cross-references (`rules.md §8`) do
 * too; and every `#anchor` link in README (its table of contents first of all) leads to a heading.
 * Each failure names the citing file and line, so a renumbered section is found at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');
const DOCS = join(ROOT, 'docs');

/** `FILE.md §N` followed by any further `, §M` or ` and §M` of the same file. */
const CITATION = /([\w./-]+\.md) (§\d+(?:\.\d+)*(?:(?:,| and) §\d+(?:\.\d+)*)*)/g;
/** A heading that opens a numbered section: `## 3 Messages`, `### 3.2 What a message lists`. */
const NUMBERED_HEADING = /^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** The numbered sections of a markdown text, outside code blocks. */
function sectionNumbers(markdown: string): Set<string> {
  const numbers = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const match = fenced ? null : NUMBERED_HEADING.exec(line);
    if (match?.[1] !== undefined) numbers.add(match[1]);
  }
  return numbers;
}

/** A citation as found: where it is, the file it names and the sections it names. */
interface Citation {
  where: string;
  file: string;
  sections: string[];
}

/** Every `X.md §N` in `text`, with its line. */
function citationsIn(text: string, where: string): Citation[] {
  return text.split('\n').flatMap((line, index) =>
    [...line.matchAll(CITATION)].map((match) => ({
      where: `${where}:${index + 1}`,
      file: match[1]!,
      sections: [...match[2]!.matchAll(/§(\d+(?:\.\d+)*)/g)].map((section) => section[1]!),
    })),
  );
}

/** What is wrong with a citation whose file resolves to `path` (null: nothing). */
function problemOf(citation: Citation, path: string | null): string | null {
  if (path === null || !existsSync(path)) return `${citation.where}: ${citation.file} does not exist`;
  const known = sectionNumbers(readFileSync(path, 'utf8'));
  const missing = citation.sections.filter((section) => !known.has(section));
  return missing.length > 0 ? `${citation.where}: ${citation.file} has no section ${missing.map((s) => `§${s}`).join(', ')}` : null;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor the headings of a markdown text get (a repeated heading gets -1, -2…). */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const match = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (match?.[1] === undefined) continue;
    const base = headingAnchor(match[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

describe('citations of the reference', () => {
  it('finds numbered sections and citations the way the code writes them', () => {
    expect([...sectionNumbers('# Rules\n## 3 Messages\n### 3.2 Scope\n```\n## 9 not a heading\n```\n')]).toEqual(['3', '3.2']);
    const found = citationsIn('/** Pending (docs/reference/rules.md §2.5, §2.6 and §9.2). */', 'x.ts');
    expect(found).toEqual([{ where: 'x.ts:1', file: 'docs/reference/rules.md', sections: ['2.5', '2.6', '9.2'] }]);
    expect(problemOf(found[0]!, join(DOCS, 'reference', 'rules.md'))).toBeNull();
    expect(problemOf({ ...found[0]!, sections: ['99.1'] }, join(DOCS, 'reference', 'rules.md'))).toMatch(/has no section §99\.1/);
    expect(problemOf({ ...found[0]!, file: 'docs/reference/nothing.md' }, join(DOCS, 'reference', 'nothing.md'))).toMatch(/does not exist/);
  });

  it('every docs/….md §N cited in src/ names an existing file and section', () => {
    const problems = filesUnder(SRC, /\.(tsx?|md)$/).flatMap((path) =>
      citationsIn(readFileSync(path, 'utf8'), relative(ROOT, path))
        .filter((citation) => citation.file.startsWith('docs/'))
        .map((citation) => problemOf(citation, join(ROOT, citation.file))),
    );
    expect(problems.filter((problem) => problem !== null)).toEqual([]);
  });

  it("the reference's own cross-references name existing files and sections", () => {
    const problems = filesUnder(DOCS, /\.md$/).flatMap((path) =>
      citationsIn(readFileSync(path, 'utf8'), relative(ROOT, path)).map((citation) => {
        const name = citation.file.replace(/^docs\//, '');
        const candidates = [join(dirname(path), citation.file), join(DOCS, name), join(DOCS, 'reference', name)];
        return problemOf(citation, candidates.find((candidate) => existsSync(candidate)) ?? null);
      }),
    );
    expect(problems.filter((problem) => problem !== null)).toEqual([]);
  });
});

describe('README links', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('opens with the two commands a newcomer types', () => {
    const top = readme.split('\n').slice(0, 8).join('\n');
    expect(top).toContain('npm install && npm run demo');
    expect(top).toContain('npm install && npm test');
  });

  it('has a table of contents whose every entry leads to a heading', () => {
    const contents = /## Contents\n\n((?:\s*- \[.*\]\(#.*\)\n)+)/.exec(readme)?.[1] ?? '';
    const entries = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(entries.length).toBeGreaterThan(10);
    const anchors = anchorsOf(readme);
    expect(entries.filter((anchor) => !anchors.has(anchor))).toEqual([]);
    // Every top-level section is in the contents.
    const sections = [...readme.matchAll(/^## (.*)$/gm)].map((match) => headingAnchor(match[1]!)).filter((anchor) => anchor !== 'contents');
    expect(sections.filter((anchor) => !entries.includes(anchor))).toEqual([]);
  });

  it('every #anchor and every link to a file in the repository resolves', () => {
    const anchors = anchorsOf(readme);
    const problems: string[] = [];
    for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split('#') as [string, string | undefined];
      const path = file === '' ? join(ROOT, 'README.md') : join(ROOT, file);
      if (!existsSync(path)) problems.push(`${target}: no such file`);
      else if (anchor !== undefined && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) problems.push(`${target}: no such heading`);
    }
    expect(anchors.size).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
