/**
 * jspdf compresses every stream with a JavaScript deflate and converts each byte through string
 * concatenation; on a one-page statement that is about a third of the rendering time. We route its
 * FlateEncode filter through Node's native zlib instead: the same PDF filter, the same bytes for
 * the same input (fixed level), a fraction of the time. Other filters keep jspdf's code.
 */
import { deflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';

type FilterChain = string | string[] | undefined;
type ProcessFilters = (data: string, chain: FilterChain) => { data: string; reverseChain: string };

let installed = false;

/**
 * Streams at least this long are remembered with their compressed form: the embedded font
 * programs, identical across the statements of a run, are most of each PDF's bytes to compress.
 * Page content is shorter and different every time, so it is not worth keeping.
 */
const REMEMBER_FROM = 8192;
const REMEMBERED = 16;
const compressedByData = new Map<string, string>();

function deflateLatin1(data: string): string {
  return deflateSync(Buffer.from(data, 'latin1'), { level: 6 }).toString('latin1');
}

/** The compressed form of `data`, from the small cache when the same long stream was seen lately. */
function compress(data: string): string {
  if (data.length < REMEMBER_FROM) return deflateLatin1(data);
  const known = compressedByData.get(data);
  if (known !== undefined) return known;
  const compressed = deflateLatin1(data);
  compressedByData.set(data, compressed);
  if (compressedByData.size > REMEMBERED) compressedByData.delete(compressedByData.keys().next().value as string);
  return compressed;
}

/** Install once per process (idempotent). */
export function installNativeDeflate(): void {
  if (installed) return;
  installed = true;
  const api = jsPDF.API as unknown as { processDataByFilters: ProcessFilters };
  const original = api.processDataByFilters.bind(api);
  api.processDataByFilters = (data, chain) => {
    const filters = typeof chain === 'string' ? [chain] : chain ?? [];
    if (filters.length === 1 && (filters[0] === 'FlateEncode' || filters[0] === '/FlateEncode')) {
      // jspdf streams are binary strings (one char per byte): latin1 maps them 1:1.
      return { data: compress(data ?? ''), reverseChain: '/FlateDecode' };
    }
    return original(data, chain);
  };
}
