// The latency histogram's count above each bar, legible at every width. The chart is drawn at print scale and never
// shown narrower than that (chart-kit.ts, CHART_WIDTH), so a count of FONT_PX units is 12px or more on a phone, a
// wide screen and paper alike (drawn 1,000 units wide, it needed a larger size under a width, a container query).
// A count may be wider than its bar (many ranges, six-figure counts): then every count stands upright, reading
// upwards from its bar, where none can run into its neighbour. Where a count is drawn is known here too, so that the
// p50 and p95 markers' lines go round it.
import { COLOURS, FONT_PX, n, textWidthAtMost } from './chart-kit.js';
import { html, type SafeHtml } from './html.js';

/** Between a count and its bar, and between a count and the bars' edges or the percentile labels above it. */
const GAP = 4;

export interface BarCountLayout {
  /** Counts read upwards, not across: the widest is wider than a bar. */
  readonly upright: boolean;
  /** How far above its bar's top a count may reach: the room the plot leaves above its tallest bar. */
  readonly room: number;
}

export function barCountLayout(labels: readonly string[], barPx: number): BarCountLayout {
  const widest = Math.max(0, ...labels.map((l) => textWidthAtMost(l)));
  const upright = widest > barPx - 2 * GAP;
  return { upright, room: GAP + (upright ? widest : FONT_PX) };
}

/** Where a count is drawn, in drawing units, as generously as a browser's box around its text. */
export interface CountBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  /** The bar's top, under the count's foot. */
  readonly bottom: number;
}

/**
 * The box `barCount` draws `text` in: across, an em high above its foot (DejaVu's ascent is 0.93em) and as wide as the
 * text; upright, as tall as the text is wide and 1.2em across (its ascent and descent, about the turning point).
 */
export function barCountBox(text: string, x: number, barTop: number, { upright }: BarCountLayout): CountBox {
  const foot = barTop - GAP;
  const half = upright ? 0.6 * FONT_PX : textWidthAtMost(text) / 2;
  return { left: x - half, right: x + half, top: foot - (upright ? textWidthAtMost(text) : FONT_PX), bottom: barTop };
}

/**
 * A vertical line at `x` from `top` down to `bottom`, as the stretches that miss every count, stopping `GAP` above a
 * count it would cross and going on from that count's bar: a p50 or p95 marker ran through the number over the bar it
 * falls in (`39` under p50's dashes). Leaving the count out instead would hide the one figure the marker points at.
 */
export function lineClearOfCounts(x: number, top: number, bottom: number, boxes: readonly CountBox[]): Array<readonly [number, number]> {
  const crossed = boxes.filter((b) => b.left <= x && x <= b.right && b.top - GAP < bottom && b.bottom > top).sort((a, b) => a.top - b.top);
  const stretches: Array<readonly [number, number]> = [];
  let from = top;
  for (const box of crossed) {
    if (box.top - GAP > from) stretches.push([from, box.top - GAP]);
    from = Math.max(from, box.bottom);
  }
  if (from < bottom) stretches.push([from, bottom]);
  return stretches;
}

/** A count centred over its bar (`x`), its foot `GAP` above the bar's top; upright, turned about that point. */
export function barCount(text: string, x: number, barTop: number, { upright }: BarCountLayout): SafeHtml {
  const y = barTop - GAP;
  // Upright, the glyphs sit left of the baseline: dy moves them right by about half a digit's height, centring them.
  const turn = upright ? html` transform="rotate(-90 ${n(x)} ${n(y)})" dy="0.35em" text-anchor="start"` : html` text-anchor="middle"`;
  return html`<text class="bar-count" x="${n(x)}" y="${n(y)}"${turn} font-size="${FONT_PX}" fill="${COLOURS.axis}">${text}</text>`;
}
