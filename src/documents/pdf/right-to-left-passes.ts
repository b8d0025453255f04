/**
 * jspdf runs two text passes on every `text()` call, Arabic shaping (before) and the Unicode bidi
 * reordering (after), and shapes every string it measures. Statements are written in en, it, el,
 * bg and pt, so nearly every string is left to right without a single Arabic or Hebrew letter,
 * and for such a string both passes give it back unchanged; still they walk it character by
 * character and build copies, about a sixth of the time of a one-page statement. We keep both
 * passes and let them run only on a string that holds a right-to-left character (a customer's
 * name may), so every PDF keeps the same bytes.
 */
import { jsPDF } from 'jspdf';

/** jspdf's text-event payload: the text is a string, lines, or lines with their positions. */
interface TextPayload {
  text?: unknown;
}

type TextPass = (payload: TextPayload | string) => unknown;

/**
 * Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms, the
 * right-to-left marks and overrides, and the high surrogates of the supplementary right-to-left
 * blocks: any of them may make the shaping or bidi passes change a string.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067\uD802\uD803\uD83A\uD83B]/;

/** Whether `text` (a string or jspdf's nested lines) holds a character the passes may change. */
export function needsRightToLeftPasses(text: unknown): boolean {
  if (typeof text === 'string') return RIGHT_TO_LEFT.test(text);
  if (Array.isArray(text)) return text.some(needsRightToLeftPasses);
  return false;
}

let installed = false;

/** Run jspdf's Arabic shaping and bidi passes only on text that needs them (once per process). */
export function installRightToLeftGate(): void {
  if (installed) return;
  installed = true;
  const api = jsPDF.API as unknown as { events: Array<[string, TextPass]>; processArabic?: TextPass };
  const shape = api.processArabic;
  const gate = (pass: TextPass): TextPass => (payload) =>
    needsRightToLeftPasses(typeof payload === 'string' ? payload : payload.text) ? pass(payload) : payload;
  for (const entry of api.events) {
    const [event, pass] = entry;
    const arabic = event === 'preProcessText' && pass === shape;
    // jspdf exports no handle on the bidi pass; it is the text pass that calls the bidi engine.
    const reorder = event === 'postProcessText' && /\.doBidiReorder\(/.test(pass.toString());
    if (arabic || reorder) entry[1] = gate(pass);
  }
  // Measuring a string's width shapes it first as well (getStringUnitWidth calls it by this name).
  if (shape !== undefined) api.processArabic = gate(shape);
}
