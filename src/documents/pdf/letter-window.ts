/**
 * Where the envelope's window is on the letter (docs/reference/messages.md §5.1), in millimetres
 * from the top left corner of the A4 page, and where the page is folded to bring it there.
 */
import { settingDefault } from '../../core/settings-table.js';
import type { LetterWindow, Settings } from '../../core/settings.js';

/** One window layout. */
export interface WindowGeometry {
  name: LetterWindow;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Height of the sender's return line at the window's top (the rest holds the address). */
  returnLine: number;
  /** Fold marks, from the top of the page (the punch mark is always at the middle, 148.5 mm). */
  folds: readonly number[];
}

// DIN 5008 form B: address field 45 mm from the top; form A: 27 mm (a smaller letterhead). Both
// fold at the form's marks so the field lands in a DL or C6/5 envelope's window. A right window
// (Swiss, French, Italian envelopes) sits 118 mm from the left edge, 50 mm from the top, folded as B.
const WINDOWS: Readonly<Record<LetterWindow, WindowGeometry>> = {
  'din5008-b': { name: 'din5008-b', left: 20, top: 45, width: 85, height: 45, returnLine: 5, folds: [105, 210] },
  'din5008-a': { name: 'din5008-a', left: 20, top: 27, width: 85, height: 45, returnLine: 5, folds: [87, 192] },
  right: { name: 'right', left: 118, top: 50, width: 85, height: 45, returnLine: 5, folds: [105, 210] },
};

/** The middle of the A4 page, where a hole punch is centred. */
export const PUNCH_MARK = 148.5;

/** The geometry of a window by its `letters.window` name. */
export function windowGeometry(name: LetterWindow): WindowGeometry {
  return WINDOWS[name];
}

/** The window `letters.window` names (its default when unset). */
export function letterWindow(settings: Settings): WindowGeometry {
  return windowGeometry(settings.letters?.window ?? settingDefault('letters.window'));
}
