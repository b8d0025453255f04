/**
 * jspdf writes an embedded font's program by turning the subsetter's bytes into its binary string
 * one `String.fromCharCode` concatenation at a time, every document, before streaming it; for the
 * two faces of a statement that loop was about a tenth of the rendering time, and the string it
 * builds is new each time, so the compressed-stream cache (./native-deflate.ts) hashes all of it
 * again. The subsetter's cached result (./fonts.ts) already knows that string: it hands jspdf a
 * one-byte stand-in and the stream writer gets the real program back, the same string object each
 * time. The stream and its /Length1 are byte for byte those jspdf writes itself.
 */
import { jsPDF } from 'jspdf';

/** What jspdf's stream writer takes (internal API, as far as it is used here). */
interface StreamOptions {
  data: string;
}

/** The `putFont` event's payload (internal API): the font and the writer its stream goes through. */
interface PutFontPayload {
  font: { encoding?: string; isAlreadyPutted?: boolean };
  putStream: (options: StreamOptions) => unknown;
}

/** What jspdf's Identity-H writer turns the stand-in into. */
const STAND_IN_TEXT = '\u0000';

/** Set while jspdf writes an Identity-H font of a document that has the hand-over below. */
let armed = false;
/** The program the next font stream carries, set when the stand-in was handed out. */
let pending: string | null = null;
let installed = false;

/**
 * The subset jspdf should embed for `bytes`: a one-byte stand-in while it writes a font of a
 * document with the hand-over (the stream then carries `binary()`), else `bytes` themselves.
 */
export function fontProgram(bytes: ArrayLike<number>, binary: () => string): ArrayLike<number> {
  if (!armed) return bytes;
  armed = false;
  pending = binary();
  return [0];
}

/**
 * Install before a document is created (its handlers are taken then). Handlers subscribe in
 * reverse order of `jsPDF.API.events` and run in that order, so one pushed last sees each
 * `putFont` first and wraps the stream writer jspdf's own font writer then uses.
 */
export function installFontProgramHandOver(): void {
  if (installed) return;
  installed = true;
  const events = (jsPDF.API as unknown as { events: Array<[string, (payload: PutFontPayload) => void]> }).events;
  events.push([
    'putFont',
    (payload) => {
      armed = payload.font.encoding === 'Identity-H' && payload.font.isAlreadyPutted !== true;
      pending = null;
      const put = payload.putStream;
      payload.putStream = (options) => {
        if (pending === null || options.data !== STAND_IN_TEXT) return put(options);
        const data = pending;
        pending = null;
        return put({ ...options, data });
      };
    },
  ]);
}
