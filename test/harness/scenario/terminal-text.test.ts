// Input text shown on a terminal: the characters a terminal obeys (C0, DEL, C1, bidi controls) become visible
// escapes, everything else stays as written (the security review: scenario text retitled the terminal, wrote the
// clipboard and drew a PASS over a FAIL).
import { describe, expect, it } from 'vitest';
import { holdsControlCharacters, oneLineText, terminalText } from '../../../harness/scenario/terminal-text.js';

/** Every code point from `from` to `to`, as one-character strings. */
function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
}

/** How the review asked for a control character to be shown: backslash, u, four lower-case hex digits. */
function uEscape(char: string): string {
  return `\\u${(char.codePointAt(0) ?? -1).toString(16).padStart(4, '0')}`;
}

const C0_BUT_LAYOUT = range(0x00, 0x1f).filter((c) => c !== '\n' && c !== '\t' && c !== '\r');
const C1 = range(0x80, 0x9f);
const BIDI = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u200e', '\u200f', '\u061c'];

describe('terminalText and oneLineText', () => {
  it('show each C0 control (ESC, BEL, NUL, ...), DEL, each C1 control and each bidi control as \\uXXXX, in either form', () => {
    for (const char of [...C0_BUT_LAYOUT, '\u007f', ...C1, ...BIDI]) {
      expect(terminalText(`a${char}b`), uEscape(char)).toBe(`a${uEscape(char)}b`);
      expect(oneLineText(`a${char}b`), uEscape(char)).toBe(`a${uEscape(char)}b`);
    }
  });

  it('show a carriage return as \\r: it would send the cursor back over the start of the line', () => {
    expect(terminalText('FAIL\rPASS')).toBe('FAIL\\rPASS');
    expect(oneLineText('FAIL\rPASS')).toBe('FAIL\\rPASS');
  });

  it('keep line breaks and tabs in text laid out in lines; a one-line value shows its line break as \\n', () => {
    expect(terminalText('one\n\ttwo')).toBe('one\n\ttwo');
    expect(oneLineText('one\n\ttwo')).toBe('one\\n\ttwo');
  });

  it('turn a whole escape sequence into text with no control character left', () => {
    const osc52 = '\u001b]52;c;ZWNobyBwd25lZAo=\u0007\u001b[2K\r\u001b[1A\u009b31m\u202eevil';
    for (const shown of [terminalText(osc52), oneLineText(osc52)]) {
      expect(holdsControlCharacters(shown)).toBe(false);
      expect(shown).toContain('\\u001b]52;c;ZWNobyBwd25lZAo=\\u0007');
    }
  });

  it('leave ordinary text alone: accents, CJK, right-to-left letters, emoji with joiners, backslashes, quotes', () => {
    for (const text of ['Müller', 'Ærøskøbing café', '東京都 品川区', '김민준', 'שלום עולם', 'مرحبا', '👩‍💻 🇩🇪 ✉️', 'C:\\mail\\in', 'a \\u001b b', '"quoted" \'too\' <x@y.example>', 'a\u00a0b']) {
      expect(terminalText(text), text).toBe(text);
      expect(oneLineText(text), text).toBe(text);
      expect(holdsControlCharacters(text), text).toBe(false);
    }
  });

  it('are idempotent: escaped text holds nothing left to escape', () => {
    const all = [...C0_BUT_LAYOUT, '\n', '\r', '\t', '\u007f', ...C1, ...BIDI].join('');
    expect(terminalText(terminalText(all))).toBe(terminalText(all));
    expect(oneLineText(oneLineText(all))).toBe(oneLineText(all));
  });

  it('holdsControlCharacters finds each such character, line breaks and tabs included', () => {
    for (const char of [...C0_BUT_LAYOUT, '\n', '\r', '\t', '\u007f', ...C1, ...BIDI]) expect(holdsControlCharacters(`x${char}`), uEscape(char)).toBe(true);
  });
});
