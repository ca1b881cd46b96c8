// The latency histogram's count above each bar, legible at every width. Chart text scales with the chart, which is
// never narrower than 840px (60em, report-style.ts) and at most 1,224px: a count of 11 drawing units was 9.2px on a
// phone (the chart at its least width, scrolled in its box). So a count is 11 units where the chart is 1,091px or
// wider (12px and more) and 15 units below that (12.6px and more); its box is a size container, so the CSS rule
// asks the chart's own width, whatever the page's margins. At 15 units a count may be wider than its bar (many
// ranges, six-figure counts): then every count stands upright, reading upwards from its bar, where none can run into
// its neighbour.
import { COLOURS, FONT_PX, n, textWidthAtMost } from './chart-kit.js';
import { html, type SafeHtml } from './html.js';

export const BAR_COUNT_UNITS = { wide: FONT_PX - 1, narrow: 15 } as const;
/** The chart's width (px) from which `wide` units are 12px or more. */
export const BAR_COUNT_WIDE_FROM_PX = Math.ceil((12 * 1000) / BAR_COUNT_UNITS.wide);

/** Between a count and its bar, and between a count and the bars' edges or the percentile labels above it. */
const GAP = 4;

export interface BarCountLayout {
  /** Counts read upwards, not across: at the narrow size the widest is wider than a bar. */
  readonly upright: boolean;
  /** How far above its bar's top a count may reach: the room the plot leaves above its tallest bar. */
  readonly room: number;
}

export function barCountLayout(labels: readonly string[], barPx: number): BarCountLayout {
  const widest = Math.max(0, ...labels.map((l) => (textWidthAtMost(l) * BAR_COUNT_UNITS.narrow) / FONT_PX));
  const upright = widest > barPx - 2 * GAP;
  return { upright, room: GAP + (upright ? widest : BAR_COUNT_UNITS.narrow) };
}

/** A count centred over its bar (`x`), its foot `GAP` above the bar's top; upright, turned about that point. */
export function barCount(text: string, x: number, barTop: number, { upright }: BarCountLayout): SafeHtml {
  const y = barTop - GAP;
  // Upright, the glyphs sit left of the baseline: dy moves them right by about half a digit's height, centring them.
  const turn = upright ? html` transform="rotate(-90 ${n(x)} ${n(y)})" dy="0.35em" text-anchor="start"` : html` text-anchor="middle"`;
  return html`<text class="bar-count" x="${n(x)}" y="${n(y)}"${turn} font-size="${BAR_COUNT_UNITS.wide}" fill="${COLOURS.axis}">${text}</text>`;
}

export const BAR_COUNT_CSS = `
#latency figure > .scroll-x { container-type: inline-size; }
@container (width < ${BAR_COUNT_WIDE_FROM_PX}px) {
  svg.latency text.bar-count { font-size: ${BAR_COUNT_UNITS.narrow}px; }
}
`;
