/**
 * The PDF/A-2b rules duedesk's PDFs follow (docs/reference/messages.md §2.5), checked on the file
 * as written: qpdf checks its syntax and streams and gives its objects as JSON, poppler's pdffonts
 * says which fonts a viewer finds embedded. Each broken rule is one line naming the rule (ISO
 * 19005-2 clause) and what was found, so a test can show them all at once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF object as qpdf's JSON v2 writes it: names `/N`, references `N 0 R`, strings `u:…`/`b:…`. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = Record<string, Json>;

interface QpdfObject {
  value?: Json;
  stream?: { dict: Dict; data?: string };
}

/** The tools the checks run. */
export interface PdfaTools {
  qpdf: string;
  pdffonts: string;
}

/** What the file must say of itself. */
export interface PdfaExpectation {
  language: string;
  title: string;
  author: string;
  /** The ICC profile the output intent must embed, byte for byte. */
  profile: Uint8Array;
}

/** Everything the checks read from one file. */
interface ParsedPdf {
  bytes: Buffer;
  objects: Map<string, QpdfObject>;
  trailer: Dict;
  fonts: string;
  check: { status: number | null; output: string };
}

function parse(tools: PdfaTools, bytes: Uint8Array): ParsedPdf {
  const dir = mkdtempSync(join(tmpdir(), 'duedesk-pdfa-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const check = spawnSync(tools.qpdf, ['--check', file], { encoding: 'utf8' });
    const json = JSON.parse(execFileSync(tools.qpdf, ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, QpdfObject>] };
    const objects = new Map(Object.entries(json.qpdf[1]));
    const trailer = (objects.get('trailer')?.value ?? {}) as Dict;
    const fonts = execFileSync(tools.pdffonts, [file], { encoding: 'utf8' });
    return { bytes: Buffer.from(bytes), objects, trailer, fonts, check: { status: check.status, output: `${check.stdout}${check.stderr}` } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The object `ref` points at (a direct value is its own answer). */
function resolve(pdf: ParsedPdf, ref: Json | undefined): QpdfObject | undefined {
  if (typeof ref === 'string' && /^\d+ \d+ R$/.test(ref)) return pdf.objects.get(`obj:${ref}`);
  return ref === undefined ? undefined : { value: ref };
}

function dictOf(pdf: ParsedPdf, ref: Json | undefined): Dict | undefined {
  const object = resolve(pdf, ref);
  const value = object?.stream?.dict ?? object?.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : undefined;
}

function streamData(pdf: ParsedPdf, ref: Json | undefined): Buffer | undefined {
  const data = resolve(pdf, ref)?.stream?.data;
  return data === undefined ? undefined : Buffer.from(data, 'base64');
}

/** A text string's value (qpdf writes `u:` before Unicode text, `b:` before hex bytes). */
function text(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}

/** A PDF date `D:YYYYMMDDHHmmSS±HH'mm'` or an XMP date as milliseconds since 1970. */
function instant(date: string): number {
  const pdf = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|([+-])(\d\d)'(\d\d)'?)$/.exec(date);
  if (pdf) {
    const [, y, mo, d, h, mi, s, zone, sign, oh, om] = pdf;
    const offset = zone === 'Z' ? 'Z' : `${sign}${oh}:${om}`;
    return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  }
  return Date.parse(date);
}

function xmlText(xml: string, element: string): string | undefined {
  const match = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(xml);
  if (!match) return undefined;
  // The value, without the rdf container around it, unescaped.
  const inner = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(match[1] ?? '')?.[1] ?? match[1] ?? '';
  return inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The rows of pdffonts: name, type, and whether the font is embedded and a subset. */
function fontRows(listing: string): Array<{ name: string; embedded: boolean; subset: boolean }> {
  const lines = listing.split('\n');
  const start = lines.findIndex((line) => line.startsWith('----')) + 1;
  return lines.slice(start).filter((line) => line.trim() !== '').map((line) => {
    const parts = line.trim().split(/\s+/);
    // The last five columns: emb sub uni object-number generation.
    const [emb, sub] = parts.slice(-5, -3);
    return { name: parts[0] ?? '', embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

/** Advance widths of an embedded TrueType program in 1/1000 em, by glyph id (head, hhea, maxp, hmtx). */
export function trueTypeWidths(program: Buffer): number[] {
  const tables = new Map<string, number>();
  const count = program.readUInt16BE(4);
  for (let index = 0; index < count; index += 1) {
    const entry = 12 + index * 16;
    tables.set(program.toString('latin1', entry, entry + 4), program.readUInt32BE(entry + 8));
  }
  const at = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`the font program has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = program.readUInt16BE(at('head') + 18);
  const metrics = program.readUInt16BE(at('hhea') + 34);
  const glyphs = program.readUInt16BE(at('maxp') + 4);
  const widths: number[] = [];
  for (let glyph = 0; glyph < glyphs; glyph += 1) {
    // Glyphs past the last long metric share its advance width.
    const advance = program.readUInt16BE(at('hmtx') + Math.min(glyph, metrics - 1) * 4);
    widths.push((advance * 1000) / unitsPerEm);
  }
  return widths;
}

/** A CIDFont's /W array as CID → width: `c [w1 w2 …]` and `cFirst cLast w` forms. */
function cidWidths(array: Json | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  if (!Array.isArray(array)) return widths;
  for (let index = 0; index < array.length;) {
    const first = array[index];
    const next = array[index + 1];
    if (typeof first === 'number' && Array.isArray(next)) {
      next.forEach((width, offset) => widths.set(first + offset, Number(width)));
      index += 2;
    } else {
      const last = Number(next);
      for (let cid = Number(first); cid <= last; cid += 1) widths.set(cid, Number(array[index + 2]));
      index += 3;
    }
  }
  return widths;
}

/** Every broken rule, one line each; an empty list when the file follows them all. */
export function pdfaProblems(tools: PdfaTools, bytes: Uint8Array, expected: PdfaExpectation): string[] {
  const pdf = parse(tools, bytes);
  const problems: string[] = [];
  const fail = (rule: string, what: string): void => {
    problems.push(`${rule}: ${what}`);
  };

  // 6.1.2 header, binary comment; 6.1.3 trailer ID, nothing after %%EOF; 6.1.3 no encryption.
  const head = pdf.bytes.subarray(0, 64).toString('latin1');
  if (!/^%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}/.test(head)) fail('6.1.2 header', JSON.stringify(head.slice(0, 16)));
  if (!/%%EOF\r?\n?$/.test(pdf.bytes.subarray(-8).toString('latin1'))) fail('6.1.3 end of file', 'data after %%EOF');
  const id = pdf.trailer['/ID'];
  if (!Array.isArray(id) || id.length !== 2) fail('6.1.3 trailer', 'no /ID of two strings');
  if (pdf.trailer['/Encrypt'] !== undefined) fail('6.1.3 encryption', 'the file is encrypted');
  if (pdf.check.status !== 0 || !pdf.check.output.includes('No syntax or stream encoding errors')) fail('6.1 syntax (qpdf --check)', pdf.check.output.trim());

  const catalog = dictOf(pdf, pdf.trailer['/Root']);
  const info = dictOf(pdf, pdf.trailer['/Info']) ?? {};
  if (!catalog) {
    fail('catalog', 'no /Root');
    return problems;
  }

  // 6.6.2 XMP metadata: identification, unfiltered, the Info dictionary repeated (6.6.3).
  const metadataDict = dictOf(pdf, catalog['/Metadata']);
  const xmpBytes = streamData(pdf, catalog['/Metadata']);
  if (!metadataDict || !xmpBytes) {
    fail('6.6.2.1 metadata', 'the catalog has no /Metadata stream');
  } else {
    if (metadataDict['/Type'] !== '/Metadata' || metadataDict['/Subtype'] !== '/XML') fail('6.6.2.1 metadata', 'not /Type /Metadata /Subtype /XML');
    if (metadataDict['/Filter'] !== undefined) fail('6.6.2.1 metadata', 'the metadata stream is filtered');
    const xmp = xmpBytes.toString('utf8');
    if (!/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/.test(xmp)) fail('6.6.2.1 metadata', 'no XMP packet header');
    if (/<\?xpacket[^>]*\b(bytes|encoding)=/.test(xmp)) fail('6.6.2.1 metadata', 'the packet header has bytes or encoding');
    if (!/<\?xpacket end="[rw]"\?>\s*$/.test(xmp)) fail('6.6.2.1 metadata', 'no XMP packet trailer');
    if (xmlText(xmp, 'pdfaid:part') !== '2') fail('6.6.4 identification', `pdfaid:part is ${xmlText(xmp, 'pdfaid:part')}`);
    if (xmlText(xmp, 'pdfaid:conformance') !== 'B') fail('6.6.4 identification', `pdfaid:conformance is ${xmlText(xmp, 'pdfaid:conformance')}`);
    const pairs: Array<[string, string]> = [['/Title', 'dc:title'], ['/Author', 'dc:creator'], ['/Creator', 'xmp:CreatorTool'], ['/Producer', 'pdf:Producer'], ['/Subject', 'dc:description'], ['/Keywords', 'pdf:Keywords']];
    for (const [key, element] of pairs) {
      const inInfo = text(info[key]);
      if (inInfo !== undefined && xmlText(xmp, element) !== inInfo) fail('6.6.3 Info and XMP', `${key} ${JSON.stringify(inInfo)} but ${element} ${JSON.stringify(xmlText(xmp, element))}`);
    }
    for (const [key, element] of [['/CreationDate', 'xmp:CreateDate'], ['/ModDate', 'xmp:ModifyDate']] as const) {
      const inInfo = text(info[key]);
      const inXmp = xmlText(xmp, element);
      if (inInfo !== undefined && (inXmp === undefined || instant(inInfo) !== instant(inXmp) || Number.isNaN(instant(inInfo)))) fail('6.6.3 Info and XMP', `${key} ${inInfo} but ${element} ${inXmp}`);
    }
  }
  if (text(info['/Title']) !== expected.title) fail('title', `Info /Title is ${JSON.stringify(text(info['/Title']))}`);
  if (text(info['/Author']) !== expected.author) fail('author', `Info /Author is ${JSON.stringify(text(info['/Author']))}`);
  if (text(catalog['/Lang']) !== expected.language) fail('document language', `catalog /Lang is ${JSON.stringify(text(catalog['/Lang']))}`);

  // 6.2.3 output intent: GTS_PDFA1 with the sRGB profile embedded (one profile for all intents).
  const intents = resolve(pdf, catalog['/OutputIntents'])?.value;
  const pdfa = Array.isArray(intents) ? intents.map((intent) => dictOf(pdf, intent)).filter((intent) => intent?.['/S'] === '/GTS_PDFA1') : [];
  if (pdfa.length !== 1) fail('6.2.3 output intent', `${pdfa.length} /GTS_PDFA1 output intents`);
  for (const intent of pdfa) {
    const profile = streamData(pdf, intent?.['/DestOutputProfile']);
    const profileDict = dictOf(pdf, intent?.['/DestOutputProfile']);
    if (!profile) fail('6.2.3 output intent', 'no embedded /DestOutputProfile');
    else if (!profile.equals(Buffer.from(expected.profile))) fail('6.2.3 output intent', 'the embedded profile is not the shipped sRGB profile');
    if (profileDict?.['/N'] !== 3) fail('6.2.3 output intent', `the profile's /N is ${JSON.stringify(profileDict?.['/N'])}`);
    // An ICC profile of version 4 or older for a monitor or printer, in RGB like /N says.
    if (profile && (profile.length < 128 || profile.toString('latin1', 36, 40) !== 'acsp' || (profile[8] ?? 0) > 4
      || !['mntr', 'prtr'].includes(profile.toString('latin1', 12, 16)) || profile.toString('latin1', 16, 20) !== 'RGB ')) {
      fail('6.2.3 output intent', 'the profile is not an RGB monitor or printer ICC profile of version 4 or older');
    }
    if (text(intent?.['/OutputConditionIdentifier']) === undefined) fail('6.2.3 output intent', 'no /OutputConditionIdentifier');
  }

  // 6.2.11.4 fonts embedded (and here: subset-tagged), 6.2.11.2 names agree; no font listed that no text uses.
  for (const row of fontRows(pdf.fonts)) {
    if (!row.embedded) fail('6.2.11.4.1 fonts embedded', `${row.name} is not embedded`);
    if (!row.subset || !/^[A-Z]{6}\+/.test(row.name)) fail('fonts subset-tagged', `${row.name} is not a tagged subset`);
  }
  const contents: string[] = [];
  // jspdf gives every page one resource dictionary: a font it lists must be used on some page.
  const listed: Array<{ name: string; where: string }> = [];
  const problemsInDicts: string[] = [];
  for (const [key, object] of pdf.objects) {
    const dict = object.stream?.dict ?? (object.value !== null && typeof object.value === 'object' && !Array.isArray(object.value) ? (object.value as Dict) : undefined);
    if (!dict) continue;
    const where = key.replace(/^obj:/, 'object ');
    if (dict['/Type'] === '/Font' && dict['/Subtype'] !== '/Type0' && dict['/Subtype'] !== '/Type3') {
      const descriptor = dictOf(pdf, dict['/FontDescriptor']);
      if (!descriptor || !(descriptor['/FontFile'] ?? descriptor['/FontFile2'] ?? descriptor['/FontFile3'])) fail('6.2.11.4.1 fonts embedded', `${where} ${String(dict['/BaseFont'])} has no font program`);
      else if (descriptor['/FontName'] !== dict['/BaseFont']) fail('6.2.11.2 font names', `${where} BaseFont ${String(dict['/BaseFont'])} but FontName ${String(descriptor['/FontName'])}`);
    }
    if (dict['/Type'] === '/Font' && dict['/Subtype'] === '/CIDFontType2') {
      if (dict['/CIDToGIDMap'] !== '/Identity') fail('6.2.11.3.2 CIDToGIDMap', `${where} has ${JSON.stringify(dict['/CIDToGIDMap'])}, not /Identity (the only form checked here)`);
      // 6.2.11.5 widths: each glyph's width in /W is the program's advance width (within 1/1000 em).
      const program = streamData(pdf, dictOf(pdf, dict['/FontDescriptor'])?.['/FontFile2']);
      if (program) {
        const advances = trueTypeWidths(program);
        for (const [cid, width] of cidWidths(dict['/W'])) {
          const advance = advances[cid];
          if (advance === undefined) fail('6.2.11.4.1 glyphs present', `${where} uses glyph ${cid}, the program has ${advances.length}`);
          else if (Math.abs(advance - width) > 1) fail('6.2.11.5 widths', `${where} glyph ${cid} is ${width} wide in /W, ${advance.toFixed(1)} in the program`);
        }
      }
    }
    // 6.1.7 streams: no external file, no LZW; 6.6.1 / 6.5 no JavaScript, no launch actions.
    if (dict['/F'] !== undefined && object.stream) problemsInDicts.push(`6.1.7.1 streams: ${where} refers to an external file`);
    if (JSON.stringify(dict['/Filter'] ?? '').includes('LZW')) problemsInDicts.push(`6.1.7.2 filters: ${where} uses LZWDecode`);
    for (const forbidden of ['/JS', '/JavaScript', '/AA', '/Launch', '/EmbeddedFiles']) {
      if (dict[forbidden] !== undefined || dict['/S'] === forbidden) problemsInDicts.push(`6.5/6.6.1 actions: ${where} has ${forbidden}`);
    }
    // 6.2.10 transparency: a page group needs its colour space; 6.2.4.3 no CMYK beside an RGB intent.
    if (dict['/Type'] === '/Page') {
      const group = dictOf(pdf, dict['/Group']);
      if (group && group['/S'] === '/Transparency' && group['/CS'] === undefined && pdfa.length === 0) problemsInDicts.push(`6.2.10 transparency: ${where} has a group without /CS and no output intent`);
      const resources = dictOf(pdf, dict['/Resources']) ?? {};
      const content = Array.isArray(dict['/Contents']) ? dict['/Contents'] : [dict['/Contents'] ?? null];
      const stream = content.map((part) => streamData(pdf, part)?.toString('latin1') ?? '').join('\n');
      contents.push(stream);
      for (const name of Object.keys(dictOf(pdf, resources['/Font']) ?? {})) listed.push({ name, where });
    }
    if (JSON.stringify(dict).includes('/DeviceCMYK')) problemsInDicts.push(`6.2.4.3 colour: ${where} uses DeviceCMYK beside the RGB output intent`);
  }
  for (const { name, where } of listed) {
    if (!contents.some((stream) => new RegExp(`${name}\\s+[\\d.]+\\s+Tf`).test(stream))) problemsInDicts.push(`unused fonts: ${where} lists ${name} but no text uses it`);
  }
  if (contents.some((stream) => /(^|\s)[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[kK](\s|$)/.test(stream))) problemsInDicts.push('6.2.4.3 colour: page content paints in DeviceCMYK beside the RGB output intent');
  problems.push(...problemsInDicts);
  return problems;
}
