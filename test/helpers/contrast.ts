// WCAG 2 contrast, for the browser tests of the report and the demo page: two colours as the page draws them (hex or
// rgb()), or one drawn at an opacity over white against white, the report's background.

/** `#rrggbb`, `#rgb` or `rgb(r, g, b)` / `rgba(r, g, b, a)` as [r, g, b, alpha], channels 0..255. */
export function parseColour(colour: string): [number, number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex !== null) {
    const digits = (hex[1] as string).length === 3 ? [...(hex[1] as string)].map((d) => d + d) : (hex[1] as string).match(/../g) ?? [];
    const [r = 0, g = 0, b = 0] = digits.map((d) => parseInt(d, 16));
    return [r, g, b, 1];
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(colour.trim());
  if (rgb === null) throw new Error(`not a colour: ${colour}`);
  const [r = 0, g = 0, b = 0, a = 1] = (rgb[1] as string).split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}

const channel = (v: number) => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

const luminance = (r: number, g: number, b: number) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** The contrast ratio of `colour`, drawn at `opacity` (times its own alpha) over white, against white. */
export function contrastOnWhite(colour: string, opacity = 1): number {
  const [r, g, b, a] = parseColour(colour);
  const alpha = a * opacity;
  const [R, G, B] = [r, g, b].map((v) => v * alpha + 255 * (1 - alpha)) as [number, number, number];
  return 1.05 / (luminance(R, G, B) + 0.05);
}

/** The contrast ratio of two opaque colours (their alpha is not taken into account). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [a, b].map((c) => luminance(...(parseColour(c).slice(0, 3) as [number, number, number]))).sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
