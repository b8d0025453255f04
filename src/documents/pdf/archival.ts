/**
 * What makes the statement PDF an archival PDF/A-2b file (docs/reference/messages.md §2.5): XMP
 * metadata that names the standard and repeats the document information dictionary, an sRGB
 * output intent with its ICC profile embedded, the document's language, and subset-tagged font
 * names. Everything here is document level: drawing never changes, and the same input still
 * gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { SHIPPED_TEMPLATES_DIR } from '../load-templates.js';

/** The shipped sRGB profile (templates/color/, licence beside it). */
export const SHIPPED_OUTPUT_PROFILE = join(SHIPPED_TEMPLATES_DIR, 'color', 'sRGB.icc');

/** The output condition the profile describes, as PDF/A readers are told. */
const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

/** What the document says about itself: the Info dictionary and the XMP packet carry the same. */
export interface ArchivalIdentity {
  title: string;
  author: string;
  creator: string;
  /** BCP 47 tag of the language the text is written in. */
  language: string;
  created: Date;
}

/** jspdf's per-document internals used here (not in its published types). */
interface DocumentInternals {
  events: { subscribe(topic: string, handler: () => void): unknown };
  newObject(): number;
  write(text: string): void;
  putStream(options: { data: string; objectId: number; additionalKeyValues: Array<{ key: string; value: string | number }> }): void;
  pdfEscape(text: string): string;
  getFont(family: string, style: string): TrueTypeFontEntry;
}

/** A font of the document as jspdf keeps it until it writes the file (internal API). */
interface TrueTypeFontEntry {
  fontName: string;
  encoding?: string;
  metadata?: { glyIdsUsed?: number[]; name?: { postscriptName?: string } };
}

let profile: string | null = null;

/** The sRGB profile as the binary string jspdf streams (read once per process); throws naming the file. */
function outputProfile(): string {
  if (profile !== null) return profile;
  let bytes: Buffer;
  try {
    bytes = readFileSync(SHIPPED_OUTPUT_PROFILE);
  } catch (error) {
    throw new Error(`colour profile ${SHIPPED_OUTPUT_PROFILE} cannot be read: ${(error as Error).message}`);
  }
  // An ICC profile names its signature at byte 36 and its colour space at byte 16.
  if (bytes.length < 128 || bytes.toString('latin1', 36, 40) !== 'acsp' || bytes.toString('latin1', 16, 20) !== 'RGB ') {
    throw new Error(`colour profile ${SHIPPED_OUTPUT_PROFILE} is not an RGB ICC profile`);
  }
  profile = bytes.toString('latin1');
  return profile;
}

function internals(doc: jsPDF): DocumentInternals {
  return doc.internal as unknown as DocumentInternals;
}

/** Text an XML 1.0 document may hold: no C0 controls but tab and line breaks, no lone surrogates. */
export function metadataText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** jspdf's `D:YYYYMMDDHHmmSS±HH'mm'` as the XMP date of the same instant (`Z` for UTC). */
export function xmpDate(pdfDate: string): string {
  const match = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-])(\d\d)'(\d\d)'$/.exec(pdfDate);
  if (!match) throw new Error(`creation date ${pdfDate} is not a PDF date`);
  const [, year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
  const offset = offsetHours === '00' && offsetMinutes === '00' ? 'Z' : `${sign}${offsetHours}:${offsetMinutes}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}

/** The XMP packet: PDF/A-2b identification and the Info dictionary's entries (jspdf writes it as UTF-8). */
export function xmpPacket(identity: ArchivalIdentity, created: string, producer: string): string {
  const creator = identity.author === '' ? '' : `<dc:creator><rdf:Seq><rdf:li>${escapeXml(identity.author)}</rdf:li></rdf:Seq></dc:creator>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
      + ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(identity.title)}</rdf:li></rdf:Alt></dc:title>`,
    creator,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(identity.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreatorTool>${escapeXml(identity.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${created}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${created}</xmp:ModifyDate>`,
    `<pdf:Producer>${escapeXml(producer)}</pdf:Producer>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].filter(Boolean).join('\n');
}

/**
 * Make `doc` (created with `putOnlyUsedFonts`, so jspdf's unembedded standard fonts stay out)
 * identify as PDF/A-2b. Call before drawing; `finishArchival` before writing the file.
 */
export function beginArchival(doc: jsPDF, identity: ArchivalIdentity): void {
  const internal = internals(doc);
  const clean = { ...identity, title: metadataText(identity.title), author: metadataText(identity.author), creator: metadataText(identity.creator) };
  // Output intents and XMP metadata came with PDF 1.4; PDF/A-2 is built on PDF 1.7.
  (doc as unknown as { __private__: { setPdfVersion(version: string): void } }).__private__.setPdfVersion('1.7');
  doc.setCreationDate(identity.created);
  doc.setDocumentProperties({ title: clean.title, author: clean.author, creator: clean.creator });
  const producer = `jsPDF ${(jsPDF as unknown as { version: string }).version}`;
  doc.addMetadata(xmpPacket(clean, xmpDate(String(doc.getCreationDate('pdf'))), producer), true);

  let outputIntent = 0;
  internal.events.subscribe('postPutResources', () => {
    const icc = internal.newObject();
    internal.putStream({ data: outputProfile(), objectId: icc, additionalKeyValues: [{ key: 'N', value: 3 }] });
    internal.write('endobj');
    outputIntent = internal.newObject();
    internal.write(`<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (${OUTPUT_CONDITION}) /Info (${OUTPUT_CONDITION}) /DestOutputProfile ${icc} 0 R >>`);
    internal.write('endobj');
  });
  internal.events.subscribe('putCatalog', () => {
    internal.write(`/OutputIntents [${outputIntent} 0 R]`);
    internal.write(`/Lang (${internal.pdfEscape(metadataText(identity.language))})`);
  });
}

/** Six capital letters naming one subset of one face: the same glyphs always get the same tag. */
export function subsetTag(postscriptName: string, glyphIds: readonly number[]): string {
  const key = `${postscriptName}:${[...new Set(glyphIds)].sort((a, b) => a - b).join(',')}`;
  const digest = createHash('sha256').update(key).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/**
 * Name each embedded face of `family` as the subset it is (`ABCDEF+DejaVuSans-Bold`), once the
 * text is drawn and the glyphs it uses are known; jspdf writes this name as BaseFont and FontName.
 */
export function finishArchival(doc: jsPDF, family: string, styles: readonly string[]): void {
  for (const style of styles) {
    const font = internals(doc).getFont(family, style);
    const glyphs = font.metadata?.glyIdsUsed;
    if (font.encoding !== 'Identity-H' || !glyphs || /^[A-Z]{6}\+/.test(font.fontName)) continue;
    const postscriptName = font.metadata?.name?.postscriptName || font.fontName;
    font.fontName = `${subsetTag(postscriptName, glyphs)}+${postscriptName}`;
  }
}
