// What both charts share: the palette (Okabe-Ito, told apart with colour-blindness too, plus dashes), coordinates
// rounded so the same run gives the same bytes, text widths for placing and cutting labels, and the axes.
import { html, type SafeHtml } from './html.js';
import { advanceEm } from './text-advances.js';
import { countTicks, timeLabel, timeTicksMs } from './time-ticks.js';

export const COLOURS = {
  accepted: '#0072B2',
  tracked: '#009E73',
  backlog: '#E69F00',
  // Lines carry what their colour says, so each stands out 3:1 against the white page (WCAG 1.4.11): Okabe-Ito's
  // orange and reddish purple darkened, same hues (the pale ones are 2.25:1 and 3.06:1, less under an opacity).
  backlogLine: '#B87700',
  fault: '#CC79A7',
  faultEdge: '#B45A8E',
  faultText: '#8E3B6B',
  operation: '#4D4D4D',
  grid: '#E3E3E3',
  axis: '#666666',
  text: '#222222',
} as const;

export const FONT_PX = 12;

/**
 * The run report's drawings are this many units wide: A4 portrait's printable width in CSS px (190mm at 96 an inch),
 * so that on paper a unit is a pixel and 12-unit text prints at 12px (9pt). Drawn 1,000 wide, it printed at 8.6px.
 * On a screen such a chart is never narrower than this either (report-style.ts), so its text is never under 12px.
 */
export const CHART_WIDTH = 718;

/** Coordinates with one decimal: enough for a screen, stable in text. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** How a label is set: FONT_PX and book weight unless said. */
export interface TextStyle {
  readonly px?: number;
  readonly bold?: boolean;
}

/**
 * Chromium places each glyph at a 64th of a pixel, which can add up past the advances' sum (by 0.014px over 400px of
 * a lane label): half a percent covers it, and leaves a label that really fits whole.
 */
const ROUNDING = 1.005;

function charWidthAtMost(c: string, { px = FONT_PX, bold = false }: TextStyle): number {
  return advanceEm(c, bold) * px * ROUNDING;
}

/**
 * Room a label surely takes, for placing it against an edge of the drawing or cutting it to fit: DejaVu Sans's
 * advances (text-advances.ts), which no common interface font exceeds. `1,000,000` is 61 px at 12 px.
 */
export function textWidthAtMost(text: string, style: TextStyle = {}): number {
  let width = 0;
  for (const c of text) width += charWidthAtMost(c, style);
  return width;
}

/**
 * `text` whole where it fits in `room` units, else cut short with an ellipsis so that it does, using all the room
 * the ellipsis leaves. One pass from the front: measuring every shorter cut again made a report with a
 * 60,000-character server name take minutes (the diff review).
 */
export function textCutTo(text: string, room: number, style: TextStyle = {}): string {
  if (textWidthAtMost(text, style) <= room) return text;
  const roomForText = room - charWidthAtMost('…', style);
  let width = 0;
  let cut = '';
  for (const c of text) {
    width += charWidthAtMost(c, style);
    if (width > roomForText) break;
    cut += c;
  }
  return `${cut.trimEnd()}…`;
}

export interface Plot {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The data ranges the plot spans, from 0. */
  readonly xMax: number;
  readonly yMax: number;
}

export const xOf = (plot: Plot, value: number): number => plot.left + (plot.xMax <= 0 ? 0 : (value / plot.xMax) * plot.width);
export const yOf = (plot: Plot, value: number): number => plot.top + plot.height - (plot.yMax <= 0 ? 0 : (value / plot.yMax) * plot.height);

/**
 * Where a plot starts so the count axis's widest label (`1,000,000`) fits to its left, labels ending 6 px before the
 * plot: `left` at least, more when the counts need it. The plot keeps its right edge.
 */
export function plotFittingCounts<P extends Omit<Plot, 'xMax' | 'yMax'>>(plot: P, yMax: number, maxTicks = 6): P {
  const widest = Math.max(...countTicks(yMax, maxTicks).filter((v) => v <= yMax).map((v) => textWidthAtMost(v.toLocaleString('en-US'))));
  const left = Math.max(plot.left, Math.ceil(widest) + 10);
  return { ...plot, left, width: plot.width - (left - plot.left) };
}

/** The y maximum for counts up to `max`: the top tick, so the grid ends on a labelled line. */
export function countAxisMax(max: number, maxTicks = 6): number {
  return countTicks(max, maxTicks).at(-1) as number;
}

/** Horizontal grid lines with count labels on the left. */
export function countAxis(plot: Plot, maxTicks = 6): SafeHtml {
  const ticks = countTicks(plot.yMax, maxTicks).filter((v) => v <= plot.yMax);
  return html`<g class="y-axis" font-size="${FONT_PX}" fill="${COLOURS.axis}">${ticks.map((v) => html`
<line x1="${n(plot.left)}" x2="${n(plot.left + plot.width)}" y1="${n(yOf(plot, v))}" y2="${n(yOf(plot, v))}" stroke="${COLOURS.grid}"/><text x="${n(plot.left - 6)}" y="${n(yOf(plot, v) + 4)}" text-anchor="end">${v.toLocaleString('en-US')}</text>`)}</g>`;
}

/** Between neighbouring axis labels, in drawing units. */
const AXIS_LABEL_GAP = 8;

export interface AxisLabel { readonly x: number; readonly text: string }

/** Labels centred at ascending `x`, each clear of the next by AXIS_LABEL_GAP, as wide as `textWidthAtMost` says. */
export function labelsClear(labels: readonly AxisLabel[]): boolean {
  return labels.every((label, i) => {
    const before = labels[i - 1];
    return before === undefined || label.x - before.x >= (textWidthAtMost(label.text) + textWidthAtMost(before.text)) / 2 + AXIS_LABEL_GAP;
  });
}

/**
 * Which of evenly spaced labels to show so that none runs into another: every k-th from the first, k as small as
 * fits, and always the last (the one kept before it left out when the two would touch). By each label's own width:
 * the histogram's thinning for `30m` let `100ms` and `250ms` run into each other.
 */
export function thinnedLabels<L extends AxisLabel>(labels: readonly L[]): L[] {
  const last = labels.at(-1);
  if (last === undefined) return [];
  for (let k = 1; k < labels.length; k++) {
    const kept = labels.filter((_, i) => i % k === 0);
    if (kept.at(-1) !== last) {
      const before = kept.at(-1) as L;
      if (kept.length > 1 && !labelsClear([before, last])) kept.pop();
      kept.push(last);
    }
    if (labelsClear(kept)) return kept;
  }
  return labels.length === 1 ? [last] : [labels[0] as L, last];
}

/**
 * The time axis under the plot: a base line, ticks and virtual-time labels (0, 30m, 1h ...), at most `maxTicks`, and
 * fewer, at a longer round step, where the labels would not stand clear of each other (`1d 12h` is wide).
 */
export function timeAxis(plot: Plot, maxTicks: number): SafeHtml {
  const bottom = plot.top + plot.height;
  const labelled = (most: number) => timeTicksMs(plot.xMax, most).map((t) => ({ x: xOf(plot, t), text: timeLabel(t) }));
  let most = maxTicks;
  while (most > 2 && !labelsClear(labelled(most))) most--;
  const ticks = timeTicksMs(plot.xMax, most);
  return html`<g class="x-axis" font-size="${FONT_PX}" fill="${COLOURS.axis}">
<line x1="${n(plot.left)}" x2="${n(plot.left + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}" stroke="${COLOURS.axis}"/>${ticks.map((t) => html`
<line x1="${n(xOf(plot, t))}" x2="${n(xOf(plot, t))}" y1="${n(bottom)}" y2="${n(bottom + 5)}" stroke="${COLOURS.axis}"/><text x="${n(xOf(plot, t))}" y="${n(bottom + 18)}" text-anchor="middle">${timeLabel(t)}</text>`)}</g>`;
}
