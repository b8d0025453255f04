/**
 * Everything building messages needs from disk, loaded once per run: templates (with the user's
 * overrides), the statement fonts and the company logo. Failures name the file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/exit-codes.js';
import type { Settings } from '../core/settings.js';
import { loadTemplatesFor, type TemplateSet } from './load-templates.js';
import { loadStatementFonts, type StatementFonts } from './pdf/fonts.js';
import type { LogoImage } from './pdf/render-statement.js';

/** Loaded templates, fonts and logo. */
export interface DocumentAssets {
  templates: TemplateSet;
  fonts: StatementFonts;
  logo: LogoImage | null;
}

/** Load the assets for `settings`; relative paths are resolved against `cwd`. */
export function loadDocumentAssets(settings: Settings, cwd: string): DocumentAssets {
  return {
    templates: loadTemplatesFor(settings, cwd),
    fonts: loadStatementFonts(),
    logo: settings.company?.logo ? loadLogo(resolve(cwd, settings.company.logo)) : null,
  };
}

/** Read a PNG or JPEG logo; anything else is refused with the path named. */
export function loadLogo(path: string): LogoImage {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`company.logo: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { bytes: new Uint8Array(bytes), format: 'PNG' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { bytes: new Uint8Array(bytes), format: 'JPEG' };
  throw new UserError(`company.logo: ${path} is not a PNG or JPEG image`);
}
