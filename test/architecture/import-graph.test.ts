/**
 * The import graph reads straight: no import cycles anywhere in src/ (static or dynamic imports),
 * the rules core imports nothing above it and no I/O, the file primitives (files/) and the
 * storage rooms import nothing above them, the two engines' rooms not each other, nothing below
 * the command line imports it, the actions import neither of their two callers (the command line
 * and the desk), and the desk reaches the ledger only through the actions. Each failure names the
 * files, so a reader can see which import to move.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports, as written. */
function specifiers(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** A relative specifier as the src-relative source file it names. */
function target(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const ext of ['.ts', '.tsx']) {
    try {
      if (statSync(base + ext).isFile()) return relative(SRC, base + ext);
    } catch {
      // not this extension
    }
  }
  return null;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [relative(SRC, file), specifiers(file)]));
const edges = new Map(
  files.map((file) => [relative(SRC, file), specifiers(file).map((s) => target(file, s)).filter((t): t is string => t !== null)]),
);

/** Strongly connected components of more than one file (Tarjan), each a cycle. */
function cycles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return found;
}

describe('import graph', () => {
  it('reads every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(edges.get('cli/main.ts')?.length).toBeGreaterThan(3);
  });

  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps the rules core free of I/O and of every folder above it', () => {
    const problems: string[] = [];
    for (const [file, imports] of graph) {
      if (!file.startsWith('core/')) continue;
      for (const specifier of imports) {
        const local = target(join(SRC, file), specifier);
        if (local !== null && !local.startsWith('core/')) problems.push(`${file} imports ${local}`);
        if (/^node:(fs|child_process|net|http|https|dgram|worker_threads)/.test(specifier)) problems.push(`${file} imports ${specifier}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the file primitives on the core alone, and storage on the core and the file primitives', () => {
    const below: Record<string, string[]> = { 'files/': ['files/', 'core/'], 'storage/': ['storage/', 'files/', 'core/'] };
    const problems: string[] = [];
    for (const [file, local] of edges) {
      const room = Object.keys(below).find((prefix) => file.startsWith(prefix));
      if (room === undefined) continue;
      for (const imported of local) if (!below[room]!.some((prefix) => imported.startsWith(prefix))) problems.push(`${file} imports ${imported}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps each storage engine in its own room: neither adapter imports the other', () => {
    const problems: string[] = [];
    for (const [file, local] of edges) {
      for (const [room, other] of [['storage/sqljs/', 'storage/postgres/'], ['storage/postgres/', 'storage/sqljs/']] as const) {
        if (file.startsWith(room)) for (const imported of local) if (imported.startsWith(other)) problems.push(`${file} imports ${imported}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets only the command line import the command line', () => {
    const problems: string[] = [];
    for (const [file, local] of edges) {
      if (file.startsWith('cli/') || file === 'cli.tsx') continue;
      for (const imported of local) if (imported.startsWith('cli/')) problems.push(`${file} imports ${imported}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the actions free of their callers: they import neither ui/ nor cli/', () => {
    const problems: string[] = [];
    for (const [file, local] of edges) {
      if (!file.startsWith('actions/')) continue;
      for (const imported of local) if (imported.startsWith('ui/') || imported.startsWith('cli/') || imported === 'cli.tsx') problems.push(`${file} imports ${imported}`);
    }
    expect(problems).toEqual([]);
  });

  it('lets the desk reach the ledger only through the actions: ui/ imports nothing from storage/', () => {
    const problems: string[] = [];
    for (const [file, local] of edges) {
      if (!file.startsWith('ui/')) continue;
      for (const imported of local) if (imported.startsWith('storage/')) problems.push(`${file} imports ${imported}`);
    }
    expect(problems).toEqual([]);
  });
});
