/**
 * The Unicode fonts of the statement PDF: DejaVu Sans subsets (Latin, Greek, Cyrillic) shipped in
 * templates/fonts/. Each face is read and parsed once per process, and every document reuses the
 * parsed tables: parsing is most of what a font costs jspdf per PDF. jspdf only logs a font it
 * cannot load and then writes unreadable text, so every failure here throws instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { SHIPPED_TEMPLATES_DIR } from '../load-templates.js';
import { fontProgram } from './font-program.js';

/** jspdf's parsed TrueType font (internal API, typed as far as we use it). */
export interface ParsedTtf {
  subset: object;
  toUnicode: Record<number, number>;
  characterToGlyph(code: number): number;
}

/** One face: its bytes as jspdf's virtual file system wants them, and the parsed tables. */
export interface FontFace {
  /** Name given to jspdf's VFS and font list. */
  file: string;
  base64: string;
  parsed: ParsedTtf;
}

/** The faces a statement uses. */
export interface StatementFonts {
  family: string;
  regular: FontFace;
  bold: FontFace;
}

/** Where the shipped subsets are. */
export const SHIPPED_FONTS_DIR = join(SHIPPED_TEMPLATES_DIR, 'fonts');

interface TtfApi {
  open(file: Uint8Array): ParsedTtf;
}

const ttf = (jsPDF.API as unknown as { TTFFont: TtfApi }).TTFFont;
const parsedByPath = new Map<string, FontFace>();

/** Read and parse one TTF file (cached per path); throws naming the file when it is not a usable font. */
export function loadFontFace(path: string): FontFace {
  const cached = parsedByPath.get(path);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`font ${path} cannot be read: ${(error as Error).message}`);
  }
  if (bytes.length < 12 || bytes.readUInt32BE(0) !== 0x00010000) {
    throw new Error(`font ${path} is not a TrueType font`);
  }
  let parsed: ParsedTtf;
  try {
    parsed = ttf.open(new Uint8Array(bytes));
  } catch (error) {
    throw new Error(`font ${path} cannot be parsed: ${(error as Error).message}`);
  }
  // Greek small alpha, Cyrillic small a and the euro sign must all have glyphs, or text would vanish.
  for (const code of [0x3b1, 0x430, 0x20ac, 0xe0]) {
    if (!parsed.characterToGlyph(code)) {
      throw new Error(`font ${path} has no glyph for U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  const face: FontFace = { file: path.split(/[\\/]/).pop() ?? path, base64: bytes.toString('base64'), parsed };
  parsedByPath.set(path, face);
  return face;
}

/** The statement fonts from `dir` (default: the shipped subsets). */
export function loadStatementFonts(dir: string = SHIPPED_FONTS_DIR): StatementFonts {
  return {
    family: 'DejaVuSans',
    regular: loadFontFace(join(dir, 'DejaVuSans-subset.ttf')),
    bold: loadFontFace(join(dir, 'DejaVuSans-Bold-subset.ttf')),
  };
}

/** A face handed to the next TTFFont.open call made by jspdf's addFont (see installParsedFontReuse). */
let nextParsed: ParsedTtf | null = null;
let installed = false;

/**
 * jspdf parses the TTF again for every document inside addFont. We wrap TTFFont.open once so the
 * call made by our own addFont gets a fresh per-document view of the already parsed tables: its
 * own glyph-usage and ToUnicode state, shared read-only glyph data. Any other call parses as before.
 */
function installParsedFontReuse(): void {
  if (installed) return;
  installed = true;
  const open = ttf.open.bind(ttf);
  ttf.open = (file: Uint8Array): ParsedTtf => {
    const parsed = nextParsed;
    nextParsed = null;
    if (!parsed) return open(file);
    // A shallow copy, not Object.create: jspdf checks hasOwnProperty('cmap') on the font.
    const view = Object.assign(Object.create(Object.getPrototypeOf(parsed) as object) as ParsedTtf, parsed);
    view.toUnicode = {};
    const Subset = parsed.subset.constructor as new (font: ParsedTtf) => object;
    view.subset = cachedEncoding(new Subset(view) as SubsetEncoder, parsed);
    return view;
  };
}

/** jspdf's per-document font subsetter (internal API): the font program for the glyphs used. */
interface SubsetEncoder {
  encode(glyphIds: number[], indexToLocFormat: number): ArrayLike<number>;
}

/** An encoded font program, and the binary string jspdf embeds, made once when first asked for. */
interface Encoded {
  bytes: ArrayLike<number>;
  binary: string | null;
}

/** Encoded font programs per parsed face, keyed by the set of glyphs a document used. */
const encodedByFace = new WeakMap<ParsedTtf, Map<string, Encoded>>();
const ENCODED_PER_FACE = 64;

/**
 * Subsetting the font program (rebuilding glyf, loca and the table directory) is the costliest
 * step of writing a statement, and its output depends only on the face and the set of glyphs
 * used, not on their order or repetitions; statements of one run mostly use the same set. We keep
 * the last few results per face, so a repeated set costs a lookup and gives the same bytes.
 */
function cachedEncoding(subset: SubsetEncoder, parsed: ParsedTtf): SubsetEncoder {
  const encode = subset.encode.bind(subset);
  subset.encode = (glyphIds, indexToLocFormat) => {
    const key = `${indexToLocFormat}:${[...new Set(glyphIds.map(Number))].sort((a, b) => a - b).join(',')}`;
    let cache = encodedByFace.get(parsed);
    if (!cache) {
      cache = new Map();
      encodedByFace.set(parsed, cache);
    }
    let encoded = cache.get(key);
    if (encoded) {
      // Most recently used last, so the oldest entry is the one dropped.
      cache.delete(key);
      cache.set(key, encoded);
    } else {
      encoded = { bytes: encode(glyphIds, indexToLocFormat), binary: null };
      cache.set(key, encoded);
      if (cache.size > ENCODED_PER_FACE) cache.delete(cache.keys().next().value as string);
    }
    const entry = encoded;
    return fontProgram(entry.bytes, () => (entry.binary ??= Buffer.from(Array.from(entry.bytes)).toString('latin1')));
  };
  return subset;
}

/** What jspdf's addFont recognises as a binary TrueType file without base64-decoding it. */
const TRUETYPE_STUB = '\x00\x01\x00\x00';

/** Register both faces with a document and check jspdf really took them. */
export function registerFonts(doc: jsPDF, fonts: StatementFonts): void {
  installParsedFontReuse();
  for (const [face, style] of [[fonts.regular, 'normal'], [fonts.bold, 'bold']] as const) {
    // The bytes in the VFS are never parsed (the open above hands jspdf the parsed face), so a
    // stub with the TrueType signature spares decoding and copying the whole font per document.
    doc.addFileToVFS(face.file, TRUETYPE_STUB);
    nextParsed = face.parsed;
    try {
      doc.addFont(face.file, fonts.family, style, 'Identity-H');
    } finally {
      nextParsed = null;
    }
    doc.setFont(fonts.family, style);
    const metadata = (doc.getFont() as unknown as { metadata?: unknown }).metadata;
    if (!(metadata instanceof (ttf as unknown as new () => object))) {
      throw new Error(`font ${face.file} was not loaded by the PDF library`);
    }
  }
  doc.setFont(fonts.family, 'normal');
}
