/** Multi-line text settings: `\n` typed as two characters is a line break, like a real one or `;`. */
import { describe, expect, it } from 'vitest';
import { textLines } from '../../src/core/text-lines.js';

describe('textLines', () => {
  it.each([
    ['a literal backslash-n, as config set and the TUI prompt store it', 'Via Roma 1\\n00100 Roma', ['Via Roma 1', '00100 Roma']],
    ['a real line break', 'Via Roma 1\n00100 Roma', ['Via Roma 1', '00100 Roma']],
    ['Windows line breaks', 'Via Roma 1\r\n00100 Roma', ['Via Roma 1', '00100 Roma']],
    ['semicolons', 'Via Roma 1; 00100 Roma', ['Via Roma 1', '00100 Roma']],
    ['spaces around \\n and empty lines', ' Via Roma 1 \\n\\n 00100 Roma ', ['Via Roma 1', '00100 Roma']],
    ['one line', 'Via Roma 1', ['Via Roma 1']],
    ['nothing', undefined, []],
  ])('splits %s', (_what, text, lines) => {
    expect(textLines(text)).toEqual(lines);
  });
});
