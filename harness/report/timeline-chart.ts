// The timeline chart: accepted, tracked and backlog over virtual time, fault bands and operation marks across the
// plot, and one labelled lane per fault or operation group under the time axis so labels never overlap. A fault on
// some mailboxes only is marked, not shaded: shading reads as an outage of everything (timeline-bands.ts, `partial`).
import {
  CHART_WIDTH, COLOURS, FONT_PX, countAxis, countAxisMax, n, plotFittingCounts, textCutTo, textWidthAtMost, timeAxis, xOf, yOf, type Plot,
} from './chart-kit.js';
import { html, type SafeHtml } from './html.js';
import type { TimelineBand } from './timeline-bands.js';
import type { TimelinePoint } from './timeline-series.js';
import { timeLabel } from './time-ticks.js';

const WIDTH = CHART_WIDTH;
const PLOT: Omit<Plot, 'xMax' | 'yMax'> = { left: 64, top: 52, width: WIDTH - 64 - 36, height: 260 };
const LANE_PX = 20;
const LANES_GAP_PX = 48;
const LEGEND_ROW_PX = 18;
/** The page's sentence saying what the chart shows, which a screen reader reads after the chart's title. */
export const TIMELINE_SUMMARY_ID = 'timeline-summary';

export interface TimelineChartInput {
  readonly points: readonly TimelinePoint[];
  readonly bands: readonly TimelineBand[];
  readonly endMs: number;
  readonly horizonMs: number;
}

export function timelineChart({ points, bands, endMs, horizonMs }: TimelineChartInput): SafeHtml {
  const yMax = countAxisMax(Math.max(1, ...points.map((p) => Math.max(p.accepted, p.tracked, p.backlog))));
  const key = legend(bands);
  // A legend of two rows moves the plot down by one.
  const plot: Plot = { ...plotFittingCounts({ ...PLOT, top: PLOT.top + (key.rows - 1) * LEGEND_ROW_PX }, yMax), xMax: endMs, yMax };
  const bottom = plot.top + plot.height;
  const lanesTop = bottom + LANES_GAP_PX;
  const height = lanesTop + bands.length * LANE_PX + (bands.length > 0 ? 8 : -LANES_GAP_PX + 40);
  const line = (key: 'accepted' | 'tracked' | 'backlog') => points.map((p) => `${n(xOf(plot, p.atMs))},${n(yOf(plot, p[key]))}`).join(' ');
  const area = `${n(plot.left)},${n(bottom)} ${line('backlog')} ${n(xOf(plot, endMs))},${n(bottom)}`;
  return html`<svg class="chart a4-scale timeline" viewBox="0 0 ${WIDTH} ${n(height)}" role="img" aria-labelledby="timeline-title" aria-describedby="${TIMELINE_SUMMARY_ID}" font-family="system-ui, sans-serif">
<title id="timeline-title">Accepted, tracked and backlog over virtual time, with faults and operations</title>
${key.markup}
${bands.map((b) => bandInPlot(plot, b))}
${countAxis(plot)}
${timeAxis(plot, 10)}
<text x="${n(plot.left + plot.width)}" y="${n(bottom + 34)}" text-anchor="end" font-size="${FONT_PX}" fill="${COLOURS.axis}">virtual time since the start</text>
<text x="${n(plot.left)}" y="${n(plot.top - 8)}" text-anchor="middle" font-size="${FONT_PX}" fill="${COLOURS.axis}">messages</text>
${horizonMs > 0 && horizonMs < endMs ? horizonMark(plot, horizonMs) : null}
<polygon data-series="backlog" points="${area}" fill="${COLOURS.backlog}" fill-opacity="0.25" stroke="none"/>
<polyline data-series="backlog-line" points="${line('backlog')}" fill="none" stroke="${COLOURS.backlogLine}" stroke-width="1.5"/>
<polyline data-series="accepted" points="${line('accepted')}" fill="none" stroke="${COLOURS.accepted}" stroke-width="3" stroke-linejoin="round"/>
<polyline data-series="tracked" points="${line('tracked')}" fill="none" stroke="${COLOURS.tracked}" stroke-width="2" stroke-dasharray="7 4" stroke-linejoin="round"/>
${bands.length > 0 ? html`<text x="${n(plot.left)}" y="${n(lanesTop - 6)}" font-size="${FONT_PX}" font-weight="600" fill="${COLOURS.text}">Faults and operations</text>` : null}
${bands.map((b, i) => lane(plot, b, lanesTop + i * LANE_PX))}
</svg>`;
}

/** The legend's items in rows across the drawing: as many as fit, the rest on the next row. */
function legend(bands: readonly TimelineBand[]): { markup: SafeHtml; rows: number } {
  const has = (kind: TimelineBand['kind']) => bands.some((b) => b.kind === kind);
  const items: Array<[string, SafeHtml] | null> = [
    ['accepted (cumulative)', html`<line x1="0" x2="22" y1="-4" y2="-4" stroke="${COLOURS.accepted}" stroke-width="3"/>`],
    ['tracked: activities (cumulative)', html`<line x1="0" x2="22" y1="-4" y2="-4" stroke="${COLOURS.tracked}" stroke-width="2" stroke-dasharray="7 4"/>`],
    ['backlog (not yet settled)', html`<rect x="0" y="-10" width="22" height="12" fill="${COLOURS.backlog}" fill-opacity="0.25" stroke="${COLOURS.backlogLine}"/>`],
    bands.some((b) => b.kind === 'fault' && !b.partial) ? ['fault', html`<rect x="0" y="-10" width="22" height="12" fill="${COLOURS.fault}" fill-opacity="0.35" stroke="${COLOURS.faultEdge}"/>`] : null,
    bands.some((b) => b.partial) ? ['fault on some mailboxes', html`<line x1="11" x2="11" y1="-11" y2="3" stroke="${COLOURS.faultEdge}" stroke-width="2" stroke-dasharray="${PARTIAL_DASH}"/>`] : null,
    has('operation') ? ['operation', html`<line x1="11" x2="11" y1="-11" y2="3" stroke="${COLOURS.operation}" stroke-width="1.5" stroke-dasharray="3 2"/>`] : null,
  ];
  let x = PLOT.left;
  let rows = 1;
  const parts = items.filter((i) => i !== null).map(([label, swatch]) => {
    const width = 28 + textWidthAtMost(label);
    if (x > PLOT.left && x + width > WIDTH) {
      rows++;
      x = PLOT.left;
    }
    const at = x;
    x += width + 22;
    return html`<g transform="translate(${n(at)},${18 + (rows - 1) * LEGEND_ROW_PX})">${swatch}<text x="28" y="0" font-size="${FONT_PX}" fill="${COLOURS.text}">${label}</text></g>`;
  });
  return { markup: html`<g class="legend">${parts}</g>`, rows };
}

/** A partial fault's marks: pink like a fault, dotted unlike an operation's dashes. */
const PARTIAL_DASH = '2 2';

function horizonMark(plot: Plot, horizonMs: number): SafeHtml {
  const x = xOf(plot, horizonMs);
  const label = 'horizon: traffic stops, drain';
  // Right of the line, or left of it when the drain is too short to leave room before the drawing's edge.
  const [tx, anchor] = x + 4 + textWidthAtMost(label) <= WIDTH ? [x + 4, 'start'] : [x - 4, 'end'];
  return html`<g class="horizon"><line x1="${n(x)}" x2="${n(x)}" y1="${n(plot.top)}" y2="${n(plot.top + plot.height)}" stroke="${COLOURS.axis}" stroke-dasharray="2 3"/><text x="${n(tx)}" y="${n(plot.top + 12)}" text-anchor="${anchor}" font-size="${FONT_PX}" fill="${COLOURS.axis}">${label}</text></g>`;
}

/**
 * The band's shade (or its marks) across the plot, so its effect on the lines shows. The shade is pale so the lines
 * read through it; a solid edge where the fault starts (and ends) is what shows it, 3:1 against the page. Marks:
 * solid for faults, dashed for operations, dotted for a fault on some mailboxes.
 */
function bandInPlot(plot: Plot, band: TimelineBand): SafeHtml {
  const y1 = n(plot.top);
  const y2 = n(plot.top + plot.height);
  const upright = (t: number, stroke: SafeHtml) => html`<line x1="${n(xOf(plot, t))}" x2="${n(xOf(plot, t))}" y1="${y1}" y2="${y2}" ${stroke}/>`;
  if (band.partial) {
    const at = band.ended ? [band.fromMs, band.toMs] : [band.fromMs];
    return html`<g data-band="${band.kind}" data-partial="true" data-label="${band.label}">${at.map((t) => upright(t, html`stroke="${COLOURS.faultEdge}" stroke-width="2" stroke-dasharray="${PARTIAL_DASH}"`))}</g>`;
  }
  if (band.marksMs.length === 0) {
    const x1 = xOf(plot, band.fromMs);
    // A fault the run never ended has no end edge: its shade runs to the chart's end, paler.
    const edges = band.ended ? [band.fromMs, band.toMs] : [band.fromMs];
    return html`<rect data-band="${band.kind}" data-label="${band.label}" x="${n(x1)}" y="${y1}" width="${n(Math.max(2, xOf(plot, band.toMs) - x1))}" height="${n(plot.height)}" fill="${COLOURS.fault}" fill-opacity="${band.ended ? '0.16' : '0.08'}"/>${edges.map((t) => upright(t, html`class="band-edge" stroke="${COLOURS.faultEdge}" stroke-width="1.5"`))}`;
  }
  const stroke = band.kind === 'fault'
    ? html`stroke="${COLOURS.faultEdge}" stroke-width="1.5"`
    : html`stroke="${COLOURS.operation}" stroke-opacity="${OPERATION_OPACITY}" stroke-width="1.5" stroke-dasharray="3 2"`;
  return html`<g data-band="${band.kind}" data-label="${band.label}">${band.marksMs.map((t) => upright(t, stroke))}</g>`;
}

/** Operations' lines are lighter than the series they cross, yet 3:1 against the page (#4D4D4D at 0.7 is #828282). */
const OPERATION_OPACITY = '0.7';

function rangeText(band: TimelineBand): string {
  if (band.marksMs.length > 1) return `×${band.marksMs.length}, ${timeLabel(band.fromMs)} to ${timeLabel(band.toMs)}`;
  if (band.marksMs.length === 1) return `at ${timeLabel(band.fromMs)}`;
  if (band.partial && !band.ended) return `from ${timeLabel(band.fromMs)}, never ended`;
  return `${timeLabel(band.fromMs)} to ${band.ended ? timeLabel(band.toMs) : 'the end (never ended)'}`;
}

/** One lane: the band as a bar (or ticks) on the plot's time scale, labelled beside it. */
function lane(plot: Plot, band: TimelineBand, y: number): SafeHtml {
  const colour = band.kind === 'fault' ? COLOURS.fault : COLOURS.operation;
  const edge = band.kind === 'fault' ? COLOURS.faultEdge : COLOURS.operation;
  const x1 = xOf(plot, band.fromMs);
  const x2 = Math.max(xOf(plot, band.toMs), x1 + 3);
  // A partial fault is a thin dotted line under its label, with a tick where it starts (and ends).
  // Thin marks in the darker edge colour, 3:1 against the page; a fault's bar keeps its pink, outlined in it.
  const marks = band.partial
    ? html`<line x1="${n(x1)}" x2="${n(x2)}" y1="${n(y + 12)}" y2="${n(y + 12)}" stroke="${edge}" stroke-width="2" stroke-dasharray="${PARTIAL_DASH}"/>${(band.ended ? [x1, x2] : [x1]).map((x) => html`<rect x="${n(x - 1.5)}" y="${n(y)}" width="3" height="13" fill="${edge}"/>`)}`
    : band.marksMs.length === 0
      ? html`<rect x="${n(x1)}" y="${n(y)}" width="${n(x2 - x1)}" height="12" rx="2" fill="${colour}" fill-opacity="${band.ended ? '0.8' : '0.45'}" stroke="${edge}"/>`
      : band.marksMs.map((t) => html`<rect x="${n(xOf(plot, t) - 1.5)}" y="${n(y)}" width="3" height="12" fill="${edge}"/>`);
  const text = `${band.label}: ${rangeText(band)}`;
  const [tx, anchor, inside, shown] = laneTextAt(plot, band, x1, x2, text);
  const textColour = inside ? COLOURS.text : band.kind === 'fault' ? COLOURS.faultText : COLOURS.text;
  return html`<g class="lane" data-lane="${band.kind}"><title>${text}</title>${marks}<text x="${n(tx)}" y="${n(y + 10)}" text-anchor="${anchor}" font-size="${FONT_PX}" fill="${textColour}">${shown}</text></g>`;
}

/**
 * Where a lane's text goes: beside its bar (x1 to x2) where there is room before the drawing's edge, else before it;
 * else over its bar (a long outage fills the width; a partial fault's line is under its text), moved left as far as
 * the drawing's edge asks; else, beside marks, on the side with more room. Cut short with an ellipsis where it is
 * wider than the room even so: the lane's tooltip and the table under the chart have it whole.
 */
function laneTextAt(plot: Plot, band: TimelineBand, x1: number, x2: number, text: string): [number, 'start' | 'end', boolean, string] {
  const width = textWidthAtMost(text);
  const right = WIDTH - (x2 + 6);
  const left = x1 - 6;
  if (width <= right) return [x2 + 6, 'start', false, text];
  if (width <= left) return [left, 'end', false, text];
  if (band.partial || band.marksMs.length === 0) {
    const from = Math.max(0, Math.min(Math.max(x1, plot.left) + 6, WIDTH - width));
    return [from, 'start', !band.partial, textCutTo(text, WIDTH - from)];
  }
  return right >= left ? [x2 + 6, 'start', false, textCutTo(text, right)] : [left, 'end', false, textCutTo(text, left)];
}
