// How wide a drawing's words will be, estimated in TypeScript so the layout can size each box for its label (SVG
// text does not wrap, and the boxes are placed before any browser sees them). The widths are DejaVu Sans' (the
// report's table of its advances, measured in Chromium): the widest of the common interface fonts (Segoe UI, San
// Francisco, Roboto, Liberation Sans are all narrower), so that a word estimated to fit fits on every screen.
import { advanceEm } from '../../report/text-advances.js';

const FIRST_PRINTABLE = 32;
const LAST_PRINTABLE = 126;

/** Advance widths of ' ' to '~' in hundredths of the font size, rounded up: a layout that errs, errs wide. */
function hundredthsTable(bold: boolean): number[] {
  const table: number[] = [];
  for (let code = FIRST_PRINTABLE; code <= LAST_PRINTABLE; code++) table.push(Math.ceil(advanceEm(String.fromCharCode(code), bold) * 100));
  return table;
}
const REGULAR = hundredthsTable(false);
const BOLD = hundredthsTable(true);
/** Anything else (an accent, a dot, a letter of another script): as wide as the widest Latin letters. */
const OTHER = 111;

export type Weight = 'regular' | 'bold';

/** The width of `text` at `fontSize` (in the same unit), as DejaVu Sans sets it without kerning. */
export function textWidth(text: string, fontSize: number, weight: Weight = 'regular'): number {
  const table = weight === 'bold' ? BOLD : REGULAR;
  let hundredths = 0;
  for (const ch of text) hundredths += table[(ch.codePointAt(0) ?? 0) - FIRST_PRINTABLE] ?? OTHER;
  return (hundredths * fontSize) / 100;
}
