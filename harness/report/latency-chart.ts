// The latency histogram: one equal-width bar per latency range (the ranges widen, see latency-histogram.ts), a tick
// at every range's edge and as many of the edges labelled under the axis as stand clear of each other (each bar's
// range in full is its tooltip and a row of the table under the chart), with p50 and p95 marked above the bars
// (placePercentileLabels keeps their labels off each other and off each other's lines) and each bar's count over it
// (bar-counts.ts), a marker's line broken where it would cross a count.
import { barCount, barCountBox, barCountLayout, lineClearOfCounts } from './bar-counts.js';
import {
  CHART_WIDTH, COLOURS, FONT_PX, countAxis, countAxisMax, n, plotFittingCounts, textWidthAtMost, thinnedLabels, yOf, type Plot,
} from './chart-kit.js';
import { html, type SafeHtml } from './html.js';
import type { LatencyHistogram } from './latency-histogram.js';
import { readableDuration, timeLabel } from './time-ticks.js';

const WIDTH = CHART_WIDTH;
const PLOT: Omit<Plot, 'xMax' | 'yMax' | 'top'> = { left: 64, width: WIDTH - 64 - 36, height: 180 };
/** The baseline of p50's and p95's top row of labels; the second row is 15 below, its letters' feet at 44. */
const PERCENTILE_ROW_Y = 26;
const PERCENTILES_BOTTOM = 44;
/** The page's sentences saying what the chart shows, which a screen reader reads after the chart's title. */
export const LATENCY_SUMMARY_ID = 'latency-summary';

export function latencyChart(histogram: LatencyHistogram): SafeHtml {
  const { bins } = histogram;
  const yMax = countAxisMax(Math.max(1, ...bins.map((b) => b.count)), 5);
  const fitted = plotFittingCounts({ ...PLOT, top: 0 }, yMax, 5);
  const barPx = fitted.width / bins.length;
  // The tallest bar may reach the plot's top: its count goes between the percentile labels and the plot.
  const counts = barCountLayout(bins.filter((b) => b.count > 0).map((b) => b.count.toLocaleString('en-US')), barPx);
  const plot: Plot = { ...fitted, top: PERCENTILES_BOTTOM + counts.room, xMax: bins.length, yMax };
  const bottom = plot.top + plot.height;
  // Each bar's count, over its middle; the markers' lines go round them.
  const shown = bins.map((b, i) => (b.count > 0 ? { text: b.count.toLocaleString('en-US'), x: plot.left + (i + 0.5) * barPx, barTop: yOf(plot, b.count) } : null));
  const countBoxes = shown.flatMap((c) => (c === null ? [] : [barCountBox(c.text, c.x, c.barTop, counts)]));
  const bars = bins.map((b, i) => {
    const x = plot.left + i * barPx;
    const range = `${timeLabel(b.fromMs)} to ${timeLabel(b.toMs)}`;
    const count = shown[i];
    return html`<g><rect data-bin="${b.fromMs}" x="${n(x + 1)}" y="${n(yOf(plot, b.count))}" width="${n(barPx - 2)}" height="${n(bottom - yOf(plot, b.count))}" fill="${COLOURS.accepted}"><title>${range}: ${b.count.toLocaleString('en-US')} messages</title></rect>${count == null ? null : barCount(count.text, count.x, count.barTop, counts)}</g>`;
  });
  const edges = [...bins.map((b) => b.fromMs), bins.at(-1)?.toMs ?? 0].map((ms, i) => ({ x: plot.left + i * barPx, text: timeLabel(ms) }));
  const tick = ({ x }: { x: number }) => html`<line x1="${n(x)}" x2="${n(x)}" y1="${n(bottom)}" y2="${n(bottom + 5)}" stroke="${COLOURS.axis}"/>`;
  const ticks = [edges.map(tick), thinnedLabels(edges).map(({ x, text }) => html`<text x="${n(x)}" y="${n(bottom + 18)}" text-anchor="middle">${text}</text>`)];
  /** Where a latency sits: its bar, and linearly within it. */
  const xOfMs = (ms: number): number => {
    const i = bins.findIndex((b) => ms < b.toMs);
    const bin = bins[i === -1 ? bins.length - 1 : i];
    if (bin === undefined) return plot.left;
    const within = Math.min(1, (ms - bin.fromMs) / (bin.toMs - bin.fromMs));
    return plot.left + ((i === -1 ? bins.length - 1 : i) + within) * barPx;
  };
  const [p50, p95] = placePercentileLabels([
    { text: `p50 ${readableDuration(histogram.p50Ms)}`, x: xOfMs(histogram.p50Ms) },
    { text: `p95 ${readableDuration(histogram.p95Ms)}`, x: xOfMs(histogram.p95Ms) },
  ], WIDTH);
  const marker = ({ text, x, side, row }: PlacedLabel) => {
    const y = PERCENTILE_ROW_Y + row * 15;
    const lines = lineClearOfCounts(x, y + 3, bottom, countBoxes).map(([from, to]) => html`<line x1="${n(x)}" x2="${n(x)}" y1="${n(from)}" y2="${n(to)}" stroke="${COLOURS.text}" stroke-dasharray="4 3"/>`);
    return html`<g class="percentile">${lines}<text x="${n(side === 'left' ? x - LABEL_GAP : x + LABEL_GAP)}" y="${n(y)}" text-anchor="${side === 'left' ? 'end' : 'start'}" font-size="${FONT_PX}" fill="${COLOURS.text}">${text}</text></g>`;
  };
  return html`<svg class="chart a4-scale latency" viewBox="0 0 ${WIDTH} ${n(bottom + 44)}" role="img" aria-labelledby="latency-title" aria-describedby="${LATENCY_SUMMARY_ID}" font-family="system-ui, sans-serif">
<title id="latency-title">Latency from acceptance to first incoming activity: ${histogram.samples.toLocaleString('en-US')} messages</title>
${countAxis(plot, 5)}
${bars}
<g class="x-axis" font-size="${FONT_PX}" fill="${COLOURS.axis}"><line x1="${n(plot.left)}" x2="${n(plot.left + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}" stroke="${COLOURS.axis}"/>${ticks}</g>
${marker(p50)}
${marker(p95)}
<text x="${n(plot.left + plot.width)}" y="${n(bottom + 34)}" text-anchor="end" font-size="${FONT_PX}" fill="${COLOURS.axis}">accepted → first incoming activity (ranges widen to the right)</text>
</svg>`;
}

const LABEL_GAP = 4;

interface PlacedLabel { text: string; x: number; side: 'left' | 'right'; row: 0 | 1 }

/**
 * Where p50's and p95's labels go so that neither crosses the other's dashed line nor the other label: each on the
 * side away from the other (p50 left of its line, p95 right), unless the drawing's edge leaves no room; the labels
 * share the top row when their spans are apart, and otherwise the one whose text reaches over the other's line goes
 * on top, where that line does not reach (a marker's line starts under its own label). At scale p50 and p95 often
 * sit in one bar a few pixels apart, and the labels ran through each other's lines.
 */
export function placePercentileLabels(labels: readonly [{ text: string; x: number }, { text: string; x: number }], width: number): [PlacedLabel, PlacedLabel] {
  const [lo, hi] = labels;
  const loWidth = textWidthAtMost(lo.text);
  const hiWidth = textWidthAtMost(hi.text);
  const loSide = lo.x - LABEL_GAP - loWidth >= 0 ? 'left' : 'right';
  const hiSide = hi.x + LABEL_GAP + hiWidth <= width ? 'right' : 'left';
  const span = (x: number, side: 'left' | 'right', w: number): [number, number] => (side === 'left' ? [x - LABEL_GAP - w, x] : [x, x + LABEL_GAP + w]);
  const [loFrom, loTo] = span(lo.x, loSide, loWidth);
  const [hiFrom, hiTo] = span(hi.x, hiSide, hiWidth);
  const loCrossesHi = loFrom <= hi.x && hi.x <= loTo && hi.x !== lo.x;
  const hiCrossesLo = hiFrom <= lo.x && lo.x <= hiTo && hi.x !== lo.x;
  const apart = loTo <= hiFrom || hiTo <= loFrom;
  const [loRow, hiRow]: [0 | 1, 0 | 1] = apart ? [0, 0] : hiCrossesLo && !loCrossesHi ? [1, 0] : [0, 1];
  return [{ ...lo, side: loSide, row: loRow }, { ...hi, side: hiSide, row: hiRow }];
}
