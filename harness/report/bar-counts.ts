// The latency histogram's count above each bar, legible at every width. The chart is drawn at print scale and never
// shown narrower than that (chart-kit.ts, CHART_WIDTH), so a count of FONT_PX units is 12px or more on a phone, a
// wide screen and paper alike (drawn 1,000 units wide, it needed a larger size under a width, a container query).
// A count may be wider than its bar (many ranges, six-figure counts): then every count stands upright, reading
// upwards from its bar, where none can run into its neighbour.
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

/** A count centred over its bar (`x`), its foot `GAP` above the bar's top; upright, turned about that point. */
export function barCount(text: string, x: number, barTop: number, { upright }: BarCountLayout): SafeHtml {
  const y = barTop - GAP;
  // Upright, the glyphs sit left of the baseline: dy moves them right by about half a digit's height, centring them.
  const turn = upright ? html` transform="rotate(-90 ${n(x)} ${n(y)})" dy="0.35em" text-anchor="start"` : html` text-anchor="middle"`;
  return html`<text class="bar-count" x="${n(x)}" y="${n(y)}"${turn} font-size="${FONT_PX}" fill="${COLOURS.axis}">${text}</text>`;
}
