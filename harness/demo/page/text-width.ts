// How wide a drawing's words will be, estimated in TypeScript so the layout can size each box for its label (SVG
// text does not wrap, and the boxes are placed before any browser sees them). The widths are DejaVu Sans', measured
// in Chromium: the widest of the common interface fonts (Segoe UI, San Francisco, Roboto, Liberation Sans are all
// narrower), so that a word estimated to fit fits on every screen.

/** Advance widths of the characters ' ' to '~', in hundredths of the font size, rounded up. */
const REGULAR = [
  32, 41, 46, 84, 64, 96, 78, 28, 40, 40, 50, 84, 32, 37, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 54,
  100, 69, 69, 70, 78, 64, 58, 78, 76, 30, 30, 66, 56, 87, 75, 79, 61, 79, 70, 64, 62, 74, 69, 99, 69, 62, 69, 40, 34, 40, 84, 50,
  50, 62, 64, 55, 64, 62, 36, 64, 64, 28, 28, 58, 28, 98, 64, 62, 64, 64, 42, 53, 40, 64, 60, 82, 60, 60, 53, 64, 34, 64, 84,
];
const BOLD = [
  35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 59,
  100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86, 74, 86, 78, 73, 69, 82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50,
  50, 68, 72, 60, 72, 68, 44, 72, 72, 35, 35, 67, 35, 105, 72, 69, 72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84,
];
/** Anything else (an accent, a dot, a letter of another script): as wide as the widest Latin letters. */
const OTHER = 111;

export type Weight = 'regular' | 'bold';

/** The width of `text` at `fontSize` (in the same unit), as DejaVu Sans sets it without kerning. */
export function textWidth(text: string, fontSize: number, weight: Weight = 'regular'): number {
  const table = weight === 'bold' ? BOLD : REGULAR;
  let hundredths = 0;
  for (const ch of text) hundredths += table[(ch.codePointAt(0) ?? 0) - 32] ?? OTHER;
  return (hundredths * fontSize) / 100;
}
