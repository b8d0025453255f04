/**
 * Debian programs some tests drive through child_process (headless Chromium for the HTML e-mail,
 * pdftotext for the PDF's text): found on the PATH by any of their names. As with PostgreSQL
 * (./pg-cluster.ts), a missing program fails the run under CI=true (CI installs it) and elsewhere
 * leaves those tests out with one line saying why.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The program to run, or the line saying why its tests are skipped. */
export type ToolChoice = { path: string } | { skip: string };

/** Where a program of one of `names` is on `env.PATH`, or null. */
function onPath(names: readonly string[], env: NodeJS.ProcessEnv): string | null {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}

/**
 * Find `names` (the first found wins) for the tests of `what`; `debianPackage` is what CI installs.
 * Throws under CI=true when none is installed.
 */
export function chooseTool(what: string, names: readonly string[], debianPackage: string, env: NodeJS.ProcessEnv = process.env): ToolChoice {
  const path = onPath(names, env);
  if (path !== null) return { path };
  const why = `no ${names.join(' or ')} on the PATH`;
  if (env.CI === 'true') throw new Error(`${what} tests: ${why} (install Debian's ${debianPackage}, as .ci/run does)`);
  return { skip: `${what} tests skipped: ${why}` };
}

/** The program for the tests of `what`, or null after printing why they are skipped. */
export function toolOrSkip(what: string, names: readonly string[], debianPackage: string): string | null {
  const choice = chooseTool(what, names, debianPackage);
  if ('path' in choice) return choice.path;
  console.warn(choice.skip);
  return null;
}

/** Headless Chromium (Debian names it `chromium`, Ubuntu's snap wrapper `chromium-browser`). */
export function findChromium(): string | null {
  return toolOrSkip('Browser rendering', ['chromium', 'chromium-browser'], 'chromium');
}

/** poppler's pdftotext: the PDF's text as a reader's copy would give it. */
export function findPdftotext(): string | null {
  return toolOrSkip('PDF text', ['pdftotext'], 'poppler-utils');
}

/** qpdf: the PDF's structure checked and written out as JSON (the PDF/A checks read it). */
export function findQpdf(): string | null {
  return toolOrSkip('PDF/A structure', ['qpdf'], 'qpdf');
}

/** poppler's pdffonts: each font of a PDF, embedded or not, as a viewer finds it. */
export function findPdffonts(): string | null {
  return toolOrSkip('PDF fonts', ['pdffonts'], 'poppler-utils');
}
